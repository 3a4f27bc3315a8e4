// The timeline's visible window: a span of monotonic time mapped onto the plot's pixel width, with the
// zoom, pan, fit-all and follow-live moves as pure functions (unit-tested, no DOM).

/** Visible time window [start, end) in monotonic ms, drawn across `width` CSS pixels. */
export interface TimelineViewport {
  start: number;
  end: number;
  width: number;
}

/** Narrowest window: a tenth of a millisecond across the plot. */
export const MIN_SPAN_MS = 0.1;
/** Widest window: a week. */
export const MAX_SPAN_MS = 7 * 24 * 3600 * 1000;
/** Window shown before anything was captured, and the least span "fit all" shows. */
export const DEFAULT_SPAN_MS = 1000;

const clampSpan = (span: number) => Math.min(MAX_SPAN_MS, Math.max(MIN_SPAN_MS, span));

/** Pixel x of a time (may fall outside 0..width). */
export function timeToX(viewport: TimelineViewport, time: number): number {
  return ((time - viewport.start) / (viewport.end - viewport.start)) * viewport.width;
}

/** Time under a pixel x. */
export function xToTime(viewport: TimelineViewport, x: number): number {
  return viewport.start + (x / viewport.width) * (viewport.end - viewport.start);
}

/** Zooms by `factor` (< 1 zooms in) keeping the time under `anchorX` where it is. */
export function zoomViewport(viewport: TimelineViewport, factor: number, anchorX = viewport.width / 2): TimelineViewport {
  const span = viewport.end - viewport.start;
  const nextSpan = clampSpan(span * factor);
  const anchorTime = xToTime(viewport, anchorX);
  const start = anchorTime - (anchorX / viewport.width) * nextSpan;
  return { start, end: start + nextSpan, width: viewport.width };
}

/** Moves the window as if the content were dragged by dx pixels (positive dx shows earlier times). */
export function panViewport(viewport: TimelineViewport, dx: number): TimelineViewport {
  const shift = (dx / viewport.width) * (viewport.end - viewport.start);
  return { start: viewport.start - shift, end: viewport.end - shift, width: viewport.width };
}

/** Pixels kept free left of the first and right of the last entry by "fit all" (room for badges and codes). */
export const FIT_PADDING_PX = { left: 16, right: 48 };

/** Shows the whole [first, last] range, padded so markers at either end are drawn in full. */
export function fitViewport(range: { first: number; last: number } | null, width: number): TimelineViewport {
  if (!range) return { start: 0, end: DEFAULT_SPAN_MS, width };
  const inner = Math.max(1, width - FIT_PADDING_PX.left - FIT_PADDING_PX.right);
  const span = Math.max(range.last - range.first, DEFAULT_SPAN_MS * 0.9);
  const msPerPx = span / inner;
  const start = range.first - FIT_PADDING_PX.left * msPerPx;
  return { start, end: start + clampSpan(msPerPx * width), width };
}

/** Keeps the span but slides the window so `latest` sits just inside the right edge. */
export function followViewport(viewport: TimelineViewport, latest: number): TimelineViewport {
  const span = viewport.end - viewport.start;
  const end = latest + (FIT_PADDING_PX.right / viewport.width) * span;
  return { start: end - span, end, width: viewport.width };
}

/** Changes the pixel width (a resize) keeping the start and the time scale. */
export function resizeViewport(viewport: TimelineViewport, width: number): TimelineViewport {
  if (width <= 0 || viewport.width <= 0) return { ...viewport, width: Math.max(1, width) };
  const msPerPx = (viewport.end - viewport.start) / viewport.width;
  return { start: viewport.start, end: viewport.start + msPerPx * width, width };
}

/** Axis ticks: a 1-2-5 step giving about one label per `minGapPx` pixels. */
export function axisTicks(viewport: TimelineViewport, minGapPx = 90): { time: number; x: number; step: number }[] {
  const span = viewport.end - viewport.start;
  if (!(span > 0) || viewport.width <= 0) return [];
  const rough = (span / viewport.width) * minGapPx;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const ticks: { time: number; x: number; step: number }[] = [];
  for (let time = Math.ceil(viewport.start / step) * step; time < viewport.end && ticks.length < 500; time += step) {
    ticks.push({ time, x: timeToX(viewport, time), step });
  }
  return ticks;
}

/** A tick label: time since the engine started, as precise as the tick step needs. */
export function formatTickLabel(time: number, step: number): string {
  const sign = time < 0 ? '-' : '';
  const abs = Math.abs(time);
  const decimals = step >= 1000 ? 0 : step >= 100 ? 1 : step >= 10 ? 2 : 3;
  const minutes = Math.floor(abs / 60000);
  const seconds = (abs - minutes * 60000) / 1000;
  if (step < 1) return `${sign}${(abs / 1000).toFixed(4)} s`;
  if (minutes === 0) return `${sign}${seconds.toFixed(decimals)} s`;
  const secondsText = seconds.toFixed(decimals).padStart(decimals > 0 ? 3 + decimals : 2, '0');
  return `${sign}${minutes}:${secondsText}`;
}
