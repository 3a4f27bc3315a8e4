// Bundled into a Chromium page by bench/measurements/canvas-draw.ts: CanvasContext.draw batches replayed by the
// view's painter (product: the canvas question as the view answers it) and the same drawing written by hand
// with the 2D API (baseline), on one 300 × 300 CSS px canvas at the page's device pixel ratio.
import type { CanvasCall } from '../../shared/miniprogram/canvas-calls';
import { createCanvasPainter } from '../../renderer/miniprogram/view/canvas-painter';
import { CANVAS_ID_ATTRIBUTE } from '../../renderer/miniprogram/view/builtins/canvas';

const SIZE = 300;
const container = document.createElement('div');
const page = document.createElement('div');
page.className = 'mp-page';
const canvas = document.createElement('canvas');
canvas.setAttribute(CANVAS_ID_ATTRIBUTE, 'bench');
canvas.style.cssText = `width:${SIZE}px;height:${SIZE}px`;
page.append(canvas);
container.append(page);
document.body.append(container);
const paint = createCanvasPainter(container);

/** A progress ring with its text, as the public project draws one (draw i: i % 100 percent). */
function ringCalls(index: number): CanvasCall[] {
  const end = ((index % 100) / 100) * 2 * Math.PI - 0.5 * Math.PI;
  return [
    { method: 'setLineWidth', args: [10] }, { method: 'setStrokeStyle', args: ['#e0e0e0'] },
    { method: 'arc', args: [150, 150, 100, 0, 2 * Math.PI] }, { method: 'stroke', args: [] }, { method: 'beginPath', args: [] },
    { method: 'setStrokeStyle', args: ['#1677ff'] }, { method: 'setLineCap', args: ['round'] },
    { method: 'arc', args: [150, 150, 100, -0.5 * Math.PI, end] }, { method: 'stroke', args: [] },
    { method: 'setFillStyle', args: ['#1677ff'] }, { method: 'setFont', args: ['bold 24px sans-serif'] },
    { method: 'setTextAlign', args: ['center'] }, { method: 'fillText', args: [`${index % 100}%`, 150, 158] },
  ];
}

/** A chart: `points` bars and a line through their tops. */
function chartCalls(index: number, points: number): CanvasCall[] {
  const heightOf = (point: number): number => 20 + ((point * 37 + index * 11) % 250);
  const step = SIZE / points;
  const bars: CanvasCall[] = Array.from({ length: points }, (_, point) => ({ method: 'fillRect', args: [point * step, SIZE - heightOf(point), step * 0.8, heightOf(point)] }));
  const line: CanvasCall[] = Array.from({ length: points }, (_, point) => ({ method: point === 0 ? 'moveTo' : 'lineTo', args: [point * step, SIZE - heightOf(point)] }));
  return [{ method: 'setFillStyle', args: ['#91caff'] }, ...bars, { method: 'beginPath', args: [] }, ...line, { method: 'setStrokeStyle', args: ['#1677ff'] }, { method: 'stroke', args: [] }];
}

/** The same drawing by hand: every call straight on the context, inside the same DPR transform. */
function byHand(context: CanvasRenderingContext2D, calls: readonly CanvasCall[]): void {
  const ratio = canvas.width / SIZE;
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, canvas.width, canvas.height);
  context.save();
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.beginPath();
  for (const { method, args } of calls) {
    const [a, b, c, d, e] = args as [number, number, number, number, number];
    if (method === 'setLineWidth') context.lineWidth = a;
    else if (method === 'setStrokeStyle') context.strokeStyle = String(a);
    else if (method === 'setFillStyle') context.fillStyle = String(a);
    else if (method === 'setLineCap') context.lineCap = String(a) as CanvasLineCap;
    else if (method === 'setFont') context.font = String(a);
    else if (method === 'setTextAlign') context.textAlign = String(a) as CanvasTextAlign;
    else if (method === 'arc') context.arc(a, b, c, d, e);
    else if (method === 'stroke') context.stroke();
    else if (method === 'beginPath') context.beginPath();
    else if (method === 'fillText') context.fillText(String(a), b, c);
    else if (method === 'fillRect') context.fillRect(a, b, c, d);
    else if (method === 'moveTo') context.moveTo(a, b);
    else if (method === 'lineTo') context.lineTo(a, b);
  }
  context.restore();
}

/** Mean ms per draw of `draws` draws on each side, alternating sides per run; each draw ends with a pixel read. */
async function runBoth(kind: 'ring' | 'chart', draws: number, points: number): Promise<{ product: number; baseline: number; calls: number }> {
  const batchOf = (index: number): CanvasCall[] => (kind === 'ring' ? ringCalls(index) : chartCalls(index, points));
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('no 2D context');
  let started = performance.now();
  for (let index = 0; index < draws; index += 1) {
    const answer = (await paint({ kind: 'canvas', canvasId: 'bench', reserve: false, calls: batchOf(index) })) as { drawn?: boolean; warnings?: string[] };
    if (answer.drawn !== true || (answer.warnings ?? []).length > 0) throw new Error(`draw failed: ${JSON.stringify(answer)}`);
    context.getImageData(150, 150, 1, 1);
  }
  const product = (performance.now() - started) / draws;
  started = performance.now();
  for (let index = 0; index < draws; index += 1) {
    byHand(context, batchOf(index));
    context.getImageData(150, 150, 1, 1);
    // The painter answers through a promise: the baseline yields once per draw too.
    await Promise.resolve();
  }
  const baseline = (performance.now() - started) / draws;
  return { product, baseline, calls: batchOf(0).length };
}

(globalThis as Record<string, unknown>).__canvasBench = { runBoth };
