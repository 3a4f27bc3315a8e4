// Replays one `draw()` batch of recorded CanvasContext calls on a real 2D context (docs/miniprogram-runtime.md#canvas).
// Each call is checked against the shared table again; one that fails, or that the browser rejects, is skipped
// with a warning and the rest still draw. The batch runs inside a save/restore from the default state, on top of
// `base`, the transform from the canvas's coordinates to its backing pixels (device pixel ratio included).
import { canvasPropertyOf, checkCanvasCall, type CanvasArg, type CanvasCall } from '../../../shared/miniprogram/canvas-calls';

/** Methods whose arguments go to the CanvasRenderingContext2D method of the same name unchanged. */
type PassThrough = 'translate' | 'rotate' | 'scale' | 'transform' | 'beginPath' | 'closePath' | 'moveTo' | 'lineTo' | 'arc' | 'arcTo' |
  'quadraticCurveTo' | 'bezierCurveTo' | 'rect' | 'fill' | 'stroke' | 'clip' | 'fillRect' | 'strokeRect' | 'clearRect' | 'fillText' | 'strokeText';

const PASS_THROUGH: ReadonlySet<string> = new Set<PassThrough>([
  'translate', 'rotate', 'scale', 'transform', 'beginPath', 'closePath', 'moveTo', 'lineTo', 'arc', 'arcTo', 'quadraticCurveTo',
  'bezierCurveTo', 'rect', 'fill', 'stroke', 'clip', 'fillRect', 'strokeRect', 'clearRect', 'fillText', 'strokeText',
]);

function styleOf(context: CanvasRenderingContext2D, value: CanvasArg | undefined): string | CanvasGradient {
  if (typeof value !== 'object' || Array.isArray(value)) return String(value);
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = value.coords;
  const gradient = value.kind === 'linear' ? context.createLinearGradient(a, b, c, d) : context.createRadialGradient(a, b, c, d, e, f);
  for (const [offset, color] of value.stops) gradient.addColorStop(offset, color);
  return gradient;
}

const numbersOf = (args: readonly CanvasArg[]): number[] => args.map(Number);

function apply(context: CanvasRenderingContext2D, call: CanvasCall, base: DOMMatrix, images: ReadonlyMap<string, CanvasImageSource>): void {
  const { method, args } = call;
  const property = canvasPropertyOf(method);
  if (method === 'setFillStyle') context.fillStyle = styleOf(context, args[0]);
  else if (method === 'setStrokeStyle') context.strokeStyle = styleOf(context, args[0]);
  else if (method === 'setFontSize') context.font = context.font.replace(/[\d.]+px/, `${Number(args[0])}px`);
  else if (method === 'setLineDash') {
    context.setLineDash(args[0] as number[]);
    if (args[1] !== undefined) context.lineDashOffset = Number(args[1]);
  } else if (method === 'setShadow') {
    // Shadow offsets and blur are in backing pixels, untouched by the transform: scaled here as the drawing is.
    const [x = 0, y = 0, blur = 0, color = 'black'] = args;
    context.shadowOffsetX = Number(x) * base.a;
    context.shadowOffsetY = Number(y) * base.d;
    context.shadowBlur = Number(blur) * base.a;
    context.shadowColor = String(color);
  } else if (method === 'setTransform') {
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = numbersOf(args);
    context.setTransform(base);
    context.transform(a, b, c, d, e, f);
  } else if (method === 'drawImage') {
    const image = images.get(String(args[0]));
    if (image === undefined) throw new Error(`the image ${String(args[0])} did not load`);
    const numbers = numbersOf(args.slice(1)) as [number, number, number, number, number, number, number, number];
    context.drawImage(image, ...numbers);
  } else if (property !== undefined) {
    (context as unknown as Record<string, unknown>)[property] = args[0];
  } else if (PASS_THROUGH.has(method)) {
    (context[method as PassThrough] as (...values: CanvasArg[]) => void).apply(context, args);
  }
}

/** Draws `calls` (unchecked input) on `context`; returns one warning per call skipped. */
export function replayCanvasCalls(context: CanvasRenderingContext2D, calls: readonly unknown[], base: DOMMatrix, images: ReadonlyMap<string, CanvasImageSource>): string[] {
  const warnings: string[] = [];
  let depth = 0;
  context.save();
  context.setTransform(base);
  context.beginPath();
  for (const raw of calls) {
    const { method, args } = (typeof raw === 'object' && raw !== null ? raw : {}) as { method?: unknown; args?: unknown };
    const checked = checkCanvasCall(method, Array.isArray(args) ? args : []);
    if ('problem' in checked) {
      warnings.push(`${typeof method === 'string' ? method : 'a call'}: ${checked.problem}; skipped`);
      continue;
    }
    const { call } = checked;
    // save/restore are counted so a batch can neither pop the replay's own save nor leave state to the next batch.
    if (call.method === 'save') depth += 1;
    if (call.method === 'restore' && depth === 0) continue;
    if (call.method === 'restore') depth -= 1;
    try {
      if (call.method === 'save' || call.method === 'restore') context[call.method]();
      else apply(context, call, base, images);
    } catch (error) {
      warnings.push(`${call.method}: ${error instanceof Error ? error.message : String(error)}; skipped`);
    }
  }
  for (; depth > 0; depth -= 1) context.restore();
  context.restore();
  return warnings;
}
