// The view's half of CanvasContext.draw (docs/miniprogram-runtime.md#canvas): finds the `<canvas>` by id (the
// page on top first), waits for it when the draw came before its first render, sizes its backing store to its
// CSS size × devicePixelRatio so lines are sharp, loads the batch's images, replays the batch and answers.
// Batches since the last clearing draw are kept, so a canvas redraws itself when its size changes (a hidden
// page shown again, a layout change).
import type { Json } from '../../../shared/json';
import type { CanvasCall } from '../../../shared/miniprogram/canvas-calls';
import { BUNDLE_PATHS } from '../../../shared/miniprogram/view-bundle';
import type { CanvasDrawQuestion, CanvasExportQuestion } from '../../../shared/miniprogram/view-logic-protocol';
import { CANVAS_ID_ATTRIBUTE, CANVAS_HEIGHT_ATTRIBUTE, CANVAS_WIDTH_ATTRIBUTE } from './builtins/canvas';
import { exportCanvas } from './canvas-export';
import { replayCanvasCalls } from './canvas-replay';

/** How long a draw waits for its `<canvas>` to appear (a draw in onLoad comes before the page's first render). */
export const CANVAS_WAIT_MS = 3000;
/** Calls kept per canvas for redraws; beyond it the oldest batches are dropped (a resize then redraws the rest). */
const KEPT_CALLS = 50_000;

interface Surface {
  batches: CanvasCall[][];
  images: Map<string, HTMLImageElement>;
  /** A draw came while the canvas had no size: the kept batches are drawn once it has one. */
  stale: boolean;
}

const surfaces = new WeakMap<HTMLCanvasElement, Surface>();

function findCanvas(container: HTMLElement, canvasId: string): HTMLCanvasElement | undefined {
  const selector = `canvas[${CANVAS_ID_ATTRIBUTE}="${CSS.escape(canvasId)}"]`;
  const pages = [...container.querySelectorAll<HTMLElement>('.mp-page')];
  const shown = pages.filter((page) => page.style.display !== 'none');
  for (const page of [...shown, ...pages]) {
    const found = page.querySelector<HTMLCanvasElement>(selector);
    if (found !== null) return found;
  }
  return undefined;
}

async function waitForCanvas(container: HTMLElement, canvasId: string): Promise<HTMLCanvasElement | undefined> {
  const until = performance.now() + CANVAS_WAIT_MS;
  for (;;) {
    const found = findCanvas(container, canvasId);
    if (found !== undefined || performance.now() >= until) return found;
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}

/** `/images/a.png` → the bundle's asset URL; data:/blob: stay; anything else is not loadable in the preview. */
function imageUrlOf(src: string): string | undefined {
  if (src.startsWith('/') && !src.startsWith('//')) return `${BUNDLE_PATHS.asset}${src}`;
  return /^(data|blob):/i.test(src) ? src : undefined;
}

async function loadImages(surface: Surface, calls: readonly CanvasCall[], warnings: string[]): Promise<void> {
  const sources = new Set(calls.filter((call) => call.method === 'drawImage').map((call) => String(call.args[0])));
  await Promise.all(
    [...sources].filter((src) => !surface.images.has(src)).map(async (src) => {
      const url = imageUrlOf(src);
      if (url === undefined) {
        warnings.push(`drawImage: ${src} does not load in the preview (project paths such as /images/a.png, data: and blob: URLs do); skipped`);
        return;
      }
      const image = new Image();
      // The browser host's sandboxed page has an opaque origin, so its project images are cross-origin: a CORS load
      // (the host grants image loads) keeps the canvas readable. Electron's miniapp://app/ page is their own origin.
      if (window.origin === 'null') image.crossOrigin = 'anonymous';
      image.src = url;
      try {
        await image.decode();
        surface.images.set(src, image);
      } catch {
        warnings.push(`drawImage: ${src} could not be loaded; skipped`);
      }
    }),
  );
}

/** The canvas's coordinate space: its `width`/`height` attributes, else its CSS size (see the doc's decision). */
function coordinateSize(canvas: HTMLCanvasElement): { width: number; height: number } {
  const read = (name: string, fallback: number): number => {
    const value = Number(canvas.getAttribute(name));
    return canvas.hasAttribute(name) && value > 0 ? value : fallback;
  };
  return { width: read(CANVAS_WIDTH_ATTRIBUTE, canvas.clientWidth), height: read(CANVAS_HEIGHT_ATTRIBUTE, canvas.clientHeight) };
}

/** Sizes the backing store; true when it changed (which cleared it). */
function fitBackingStore(canvas: HTMLCanvasElement): boolean {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.round(canvas.clientWidth * ratio);
  const height = Math.round(canvas.clientHeight * ratio);
  if (canvas.width === width && canvas.height === height) return false;
  canvas.width = width;
  canvas.height = height;
  return true;
}

function hasArea(canvas: HTMLCanvasElement): boolean {
  const size = coordinateSize(canvas);
  return size.width > 0 && size.height > 0 && canvas.width > 0 && canvas.height > 0;
}

function paint(canvas: HTMLCanvasElement, surface: Surface, batches: readonly CanvasCall[][], clear: boolean): string[] {
  const context = canvas.getContext('2d');
  if (context === null) return ['the canvas has no 2D context'];
  // A hidden canvas (its page not shown) has no size: the kept batches are drawn when it gets one.
  if (!hasArea(canvas)) {
    surface.stale = true;
    return [];
  }
  const size = coordinateSize(canvas);
  if (clear) {
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, canvas.width, canvas.height);
  }
  const base = new DOMMatrix().scale(canvas.width / size.width, canvas.height / size.height);
  return batches.flatMap((batch) => replayCanvasCalls(context, batch, base, surface.images));
}

function surfaceOf(canvas: HTMLCanvasElement): Surface {
  const known = surfaces.get(canvas);
  if (known !== undefined) return known;
  const surface: Surface = { batches: [], images: new Map(), stale: false };
  surfaces.set(canvas, surface);
  const observer = new ResizeObserver(() => {
    if (!canvas.isConnected) return observer.disconnect();
    redrawIfNeeded(canvas, surface);
  });
  observer.observe(canvas);
  return surface;
}

/** Draws every kept batch again when the backing store was resized (which blanked it) or a draw was skipped. */
function redrawIfNeeded(canvas: HTMLCanvasElement, surface: Surface): void {
  if (!fitBackingStore(canvas) && !surface.stale) return;
  surface.stale = false;
  paint(canvas, surface, surface.batches, true);
}

function keep(surface: Surface, calls: CanvasCall[], reserve: boolean): void {
  surface.batches = reserve ? [...surface.batches, calls] : [calls];
  let total = surface.batches.reduce((sum, batch) => sum + batch.length, 0);
  while (total > KEPT_CALLS && surface.batches.length > 1) total -= surface.batches.shift()?.length ?? 0;
}

/** Answers `canvas` and `canvas-export` questions; the questions about one canvas id are done in the order they were asked. */
export function createCanvasPainter(container: HTMLElement): (question: CanvasDrawQuestion | CanvasExportQuestion) => Promise<Json> {
  const queues = new Map<string, Promise<unknown>>();
  const missing = (canvasId: string): Json => ({ error: `no <canvas id="${canvasId}"> appeared on the page within ${CANVAS_WAIT_MS} ms; nothing was drawn` });

  async function draw(question: CanvasDrawQuestion): Promise<Json> {
    const canvas = await waitForCanvas(container, question.canvasId);
    if (canvas === undefined) return missing(question.canvasId);
    const surface = surfaceOf(canvas);
    const calls = Array.isArray(question.calls) ? question.calls : [];
    const warnings: string[] = [];
    await loadImages(surface, calls, warnings);
    keep(surface, calls, question.reserve === true);
    // A new backing size (first draw, or a size change nobody observed yet) is blank, and a skipped draw left it
    // behind: draw all kept batches.
    const redrawAll = fitBackingStore(canvas) || surface.stale;
    surface.stale = false;
    warnings.push(...paint(canvas, surface, redrawAll ? surface.batches : [calls], redrawAll || question.reserve !== true));
    // A page hidden and shown again before the next frame gives the ResizeObserver no size change to report, so a
    // draw skipped while hidden is also retried on the next frame.
    if (surface.stale) requestAnimationFrame(() => redrawIfNeeded(canvas, surface));
    return { drawn: true, warnings };
  }

  async function exportOf(question: CanvasExportQuestion): Promise<Json> {
    const canvas = await waitForCanvas(container, question.canvasId);
    if (canvas === undefined) return missing(question.canvasId);
    const surface = surfaceOf(canvas);
    redrawIfNeeded(canvas, surface);
    return exportCanvas(canvas, coordinateSize(canvas), question.area);
  }

  return (question) => {
    const before = queues.get(question.canvasId) ?? Promise.resolve();
    const answer = before.then(() => (question.kind === 'canvas' ? draw(question) : exportOf(question)));
    const settled = answer.catch(() => undefined);
    queues.set(question.canvasId, settled);
    void settled.then(() => {
      if (queues.get(question.canvasId) === settled) queues.delete(question.canvasId);
    });
    return answer.catch((error: unknown) => ({ error: `the view could not draw: ${error instanceof Error ? error.message : String(error)}` }));
  };
}
