import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SPAN_MS,
  FIT_PADDING_PX,
  MIN_SPAN_MS,
  axisTicks,
  fitViewport,
  followViewport,
  formatTickLabel,
  panViewport,
  resizeViewport,
  timeToX,
  xToTime,
  zoomViewport,
} from './timeline-viewport';

const viewport = { start: 1000, end: 2000, width: 500 };

describe('timeline viewport math', () => {
  it('maps time to x and back', () => {
    expect(timeToX(viewport, 1500)).toBe(250);
    expect(xToTime(viewport, 100)).toBe(1200);
    expect(xToTime(viewport, timeToX(viewport, 1234.5))).toBeCloseTo(1234.5, 9);
  });

  it('zooms around the anchor: the time under the pointer stays under the pointer', () => {
    const anchorX = 100;
    const before = xToTime(viewport, anchorX);
    const zoomed = zoomViewport(viewport, 0.5, anchorX);
    expect(zoomed.end - zoomed.start).toBe(500);
    expect(xToTime(zoomed, anchorX)).toBeCloseTo(before, 9);
    const out = zoomViewport(zoomed, 2, anchorX);
    expect(out.start).toBeCloseTo(viewport.start, 9);
    expect(out.end).toBeCloseTo(viewport.end, 9);
  });

  it('zooms around the centre by default and never below the minimum span', () => {
    const zoomed = zoomViewport(viewport, 0.5);
    expect([zoomed.start, zoomed.end]).toEqual([1250, 1750]);
    const tiny = zoomViewport(viewport, 1e-12);
    expect(tiny.end - tiny.start).toBeCloseTo(MIN_SPAN_MS, 12);
  });

  it('pans: dragging right shows earlier times, by the same fraction of the span', () => {
    expect(panViewport(viewport, 50)).toEqual({ start: 900, end: 1900, width: 500 });
    expect(panViewport(viewport, -250)).toEqual({ start: 1500, end: 2500, width: 500 });
  });

  it('fits the whole range with room for markers at both ends, and a default window when empty', () => {
    const fit = fitViewport({ first: 10_000, last: 20_000 }, 800);
    expect(timeToX(fit, 10_000)).toBeCloseTo(FIT_PADDING_PX.left, 6);
    expect(timeToX(fit, 20_000)).toBeCloseTo(800 - FIT_PADDING_PX.right, 6);
    expect(fitViewport(null, 800)).toEqual({ start: 0, end: DEFAULT_SPAN_MS, width: 800 });
    const single = fitViewport({ first: 5, last: 5 }, 800);
    expect(single.start).toBeLessThan(5);
    expect(single.end).toBeGreaterThan(5);
  });

  it('follows live: keeps the span and puts the newest time just inside the right edge', () => {
    const followed = followViewport(viewport, 10_000);
    expect(followed.end - followed.start).toBe(1000);
    expect(timeToX(followed, 10_000)).toBeCloseTo(500 - FIT_PADDING_PX.right, 6);
  });

  it('keeps the time scale on resize', () => {
    expect(resizeViewport(viewport, 1000)).toEqual({ start: 1000, end: 3000, width: 1000 });
  });

  it('puts axis ticks on a 1-2-5 step, at least the minimum gap apart', () => {
    const ticks = axisTicks({ start: 0, end: 10_000, width: 1000 }, 90);
    expect(ticks[0]?.step).toBe(1000);
    expect(ticks.map((t) => t.time)).toEqual([0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000]);
    const fine = axisTicks({ start: 3, end: 4, width: 1000 }, 90);
    expect(fine[0]?.step).toBeCloseTo(0.1, 12);
    expect(fine.length).toBeGreaterThan(5);
  });

  it('labels ticks as time since the engine started, as precise as the step', () => {
    expect(formatTickLabel(2500, 500)).toBe('2.5 s');
    expect(formatTickLabel(12_000, 1000)).toBe('12 s');
    expect(formatTickLabel(62_000, 2000)).toBe('1:02');
    expect(formatTickLabel(61_250, 50)).toBe('1:01.25');
    expect(formatTickLabel(3.2, 0.1)).toBe('0.0032 s');
  });
});
