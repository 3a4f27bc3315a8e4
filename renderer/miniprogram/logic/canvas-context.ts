// my.createCanvasContext (docs/miniprogram-runtime.md#canvas): the logic has no DOM, so the context records
// the drawing calls, checked against the shared table, and `draw(reserve, callback)` sends them to the view
// as one `ask`; the view replays them on the `<canvas>` and answers, then the callback runs. Exports
// (toTempFilePath, toDataURL, my.canvasToTempFilePath) are asks of their own.
import type { Json } from '../../../shared/json';
import { CANVAS_METHODS, CANVAS_PROPERTIES, canvasPropertyOf, checkCanvasCall, readExportArea, type CanvasCall, type CanvasGradientSpec, type CanvasMethod } from '../../../shared/miniprogram/canvas-calls';
import type { ViewQuestion } from '../../../shared/miniprogram/view-logic-protocol';
import { invoke, type LogicContext } from './logic-context';
import type { RouteOutcome } from './page-stack';
import { settleApiCall } from './route-apis';

type Ask = (question: ViewQuestion) => Promise<Json>;

/** What the state getters (`ctx.fillStyle`, `ctx.font`, …) read before anything is set, as a fresh 2D context. */
const DEFAULTS: Readonly<Record<string, unknown>> = {
  fillStyle: '#000000', strokeStyle: '#000000', lineWidth: 1, lineCap: 'butt', lineJoin: 'miter', miterLimit: 10,
  lineDashOffset: 0, fontSize: 10, font: '10px sans-serif', globalAlpha: 1, globalCompositeOperation: 'source-over',
  textAlign: 'start', textBaseline: 'alphabetic',
};

/** Methods that need pixel data back in the logic; not offered (docs/miniprogram-runtime.md#canvas). */
const PIXEL_READERS = ['getImageData', 'putImageData', 'createPattern'];

/** `/images/a.png` stays; `../a.png` and `a.png` are resolved against the page on top, as an `<image src>` of that page. */
function resolveImagePath(src: string, route: string): string {
  if (/^([a-z][a-z0-9+.-]*:|\/)/i.test(src)) return src;
  return new URL(src, `http://project/${route}`).pathname;
}

/**
 * The canvas's pixels of the area `options` names, as a data: URL (**decision**: the preview has no temporary
 * files; a data: URL works where the phone's path does in the preview: `<image src>`, `drawImage`).
 */
function exportPixels(ask: Ask, canvasId: string, api: string, options: unknown): Promise<RouteOutcome & { url?: string }> {
  const read = readExportArea(options);
  if ('problem' in read) return Promise.resolve({ ok: false, error: 2, errorMessage: `${api}: ${read.problem}` });
  return ask({ kind: 'canvas-export', canvasId, area: read.area }).then((answer) => {
    const { dataUrl, error } = (typeof answer === 'object' && answer !== null ? answer : {}) as { dataUrl?: unknown; error?: unknown };
    if (typeof dataUrl === 'string') return { ok: true, url: dataUrl };
    return { ok: false, error: 1, errorMessage: `${api}: ${typeof error === 'string' ? error : 'the view gave no image'}` };
  });
}

/** Settles an export as a `my` API: `success({ [key]: url })`, or a warning and `fail`. */
function settleExport(context: LogicContext, options: unknown, key: string, outcome: Promise<RouteOutcome & { url?: string }>): Promise<unknown> {
  const given = typeof options === 'object' && options !== null ? (options as Record<string, unknown>) : {};
  return settleApiCall(context, given, outcome.then((settled): RouteOutcome => {
    if (!settled.ok) context.warn(settled.errorMessage);
    return settled.ok ? { ok: true, result: { [key]: settled.url } } : settled;
  }));
}

export function createCanvasContextApi(context: LogicContext, ask: Ask, topRoute: () => string): Record<string, (options?: unknown) => unknown> {
  return {
    createCanvasContext(canvasId) {
      const id = typeof canvasId === 'string' || typeof canvasId === 'number' ? String(canvasId) : '';
      if (id === '') context.warn(`my.createCanvasContext needs the id of a <canvas> (a string), got ${typeof canvasId}; draw() will find no canvas`);
      return createRecordingContext(context, ask, id, topRoute);
    },
    canvasToTempFilePath(options) {
      const canvasId = typeof options === 'object' && options !== null ? (options as Record<string, unknown>).canvasId : undefined;
      const api = 'my.canvasToTempFilePath';
      const outcome = typeof canvasId === 'string' && canvasId !== ''
        ? exportPixels(ask, canvasId, api, options)
        : Promise.resolve({ ok: false as const, error: 2, errorMessage: `${api}: needs canvasId, the id of a <canvas> (a type="2d" canvas object is not emulated)` });
      return settleExport(context, options, 'tempFilePath', outcome);
    },
  };
}

function createRecordingContext(context: LogicContext, ask: Ask, canvasId: string, topRoute: () => string): object {
  let calls: CanvasCall[] = [];
  let state: Record<string, unknown> = { ...DEFAULTS };
  const ctx: Record<string, unknown> = {};

  function record(method: CanvasMethod, args: unknown[]): boolean {
    const given = method === 'drawImage' && typeof args[0] === 'string' ? [resolveImagePath(args[0], topRoute()), ...args.slice(1)] : args;
    const checked = checkCanvasCall(method, given.map((arg) => (arg instanceof RecordedGradient ? arg.spec : arg)));
    if ('problem' in checked) {
      context.warn(`CanvasContext.${method} (canvas "${canvasId}"): ${checked.problem}; the call is ignored`);
      return false;
    }
    calls.push(checked.call);
    return true;
  }

  /** Records the call and keeps the state the getters read (`setFontSize` also changes `font`). */
  function call(method: CanvasMethod, args: unknown[]): void {
    if (!record(method, args)) return;
    const property = canvasPropertyOf(method);
    if (property !== undefined) state = { ...state, [property]: args[0] };
    if (method === 'setFontSize') state = { ...state, font: String(state.font).replace(/[\d.]+px/, `${Number(args[0])}px`) };
  }

  for (const method of Object.keys(CANVAS_METHODS) as CanvasMethod[]) ctx[method] = (...args: unknown[]): void => call(method, args);
  for (const [property, method] of CANVAS_PROPERTIES) {
    Object.defineProperty(ctx, property, { enumerable: true, get: () => state[property], set: (value: unknown) => call(method, [value]) });
  }
  ctx.createLinearGradient = (...coords: unknown[]) => gradient(context, 'linear', coords);
  ctx.createRadialGradient = (...coords: unknown[]) => gradient(context, 'radial', coords);
  ctx.createCircularGradient = (x: unknown, y: unknown, r: unknown) => gradient(context, 'radial', [x, y, 0, x, y, r]);
  ctx.measureText = (text: unknown) => ({ width: measureText(String(text), String(state.font)) });
  for (const name of PIXEL_READERS) {
    ctx[name] = (options?: { fail?: (result: unknown) => void; complete?: (result: unknown) => void }) => {
      const errorMessage = `CanvasContext.${name} is not available in the preview (the drawing happens in the view, apart from the page logic)`;
      context.warn(errorMessage);
      const result = { error: 1, errorMessage };
      if (typeof options?.fail === 'function') invoke(context, () => options.fail?.(result));
      if (typeof options?.complete === 'function') invoke(context, () => options.complete?.(result));
    };
  }
  ctx.toTempFilePath = (options?: unknown) => settleExport(context, options, 'apFilePath', exportPixels(ask, canvasId, 'CanvasContext.toTempFilePath', options));
  ctx.toDataURL = (options?: unknown) =>
    exportPixels(ask, canvasId, 'CanvasContext.toDataURL', options).then((settled) => {
      if (settled.ok) return settled.url;
      context.warn(settled.errorMessage);
      throw new Error(settled.errorMessage);
    });
  ctx.draw = (reserve?: unknown, callback?: unknown): void => {
    const done = typeof reserve === 'function' ? reserve : callback;
    // JSON copies: a gradient's later addColorStop must not change a batch already sent.
    const batch = JSON.parse(JSON.stringify(calls)) as CanvasCall[];
    calls = [];
    // Each draw starts from the default state (the phone's documented behaviour of draw(true)).
    state = { ...DEFAULTS };
    void ask({ kind: 'canvas', canvasId, reserve: reserve === true, calls: batch }).then((answer) => {
      const { error, warnings } = (typeof answer === 'object' && answer !== null && !Array.isArray(answer) ? answer : {}) as { error?: unknown; warnings?: unknown };
      if (typeof error === 'string') return context.warn(`CanvasContext.draw: ${error}`);
      if (Array.isArray(warnings)) for (const warning of warnings) context.warn(`CanvasContext.draw (canvas "${canvasId}"): ${String(warning)}`);
      if (typeof done === 'function') invoke(context, () => (done as () => unknown)());
    });
  };
  return ctx;
}

/** The object `createLinearGradient` and friends return; `addColorStop` adds to the spec the draw will send. */
class RecordedGradient {
  constructor(
    readonly spec: CanvasGradientSpec,
    private readonly context: LogicContext,
  ) {}

  addColorStop(offset: unknown, color: unknown): void {
    const stop = Number(offset);
    if (!(stop >= 0 && stop <= 1) || typeof color !== 'string') {
      this.context.warn(`CanvasGradient.addColorStop: needs an offset from 0 to 1 and a colour string, got ${String(offset)} and ${typeof color}; the stop is ignored`);
      return;
    }
    this.spec.stops.push([stop, color]);
  }
}

function gradient(context: LogicContext, kind: CanvasGradientSpec['kind'], coords: unknown[]): RecordedGradient {
  const numbers = coords.map(Number);
  if (!numbers.every((value) => Number.isFinite(value))) {
    context.warn(`CanvasContext: a ${kind} gradient needs ${kind === 'linear' ? 4 : 6} finite numbers, got ${coords.map(String).join(', ')}; it draws nothing`);
  }
  return new RecordedGradient({ kind, coords: numbers.map((value) => (Number.isFinite(value) ? value : 0)), stops: [] }, context);
}

let measuring: OffscreenCanvasRenderingContext2D | null | undefined;

/** The Worker's own OffscreenCanvas measures with the browser's fonts, as the view will draw; without one, an estimate. */
function measureText(text: string, font: string): number {
  measuring ??= typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1).getContext('2d') : null;
  if (measuring === null) return text.length * (Number(/([\d.]+)px/.exec(font)?.[1] ?? 10) * 0.6);
  measuring.font = font;
  return measuring.measureText(text).width;
}
