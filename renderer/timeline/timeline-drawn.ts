// What one timeline drawing depends on besides the layout options (an identical frame is not drawn again),
// and the span "Fit all" shows: the panel ring's entries and the engine's whole-run summary together.
import type { RunSummary } from '../../shared/run-summary';
import type { TimelineTheme } from './draw-timeline';
import type { TimelineHit } from './timeline-hit-test';

export interface DrawnState {
  version: number;
  start: number;
  end: number;
  width: number;
  selectedSeq: number | null;
  engineState: unknown;
  theme: TimelineTheme;
  summary: RunSummary | null;
}

export function sameDrawing(a: DrawnState, b: DrawnState): boolean {
  return (
    a.version === b.version &&
    a.start === b.start &&
    a.end === b.end &&
    a.width === b.width &&
    a.selectedSeq === b.selectedSeq &&
    a.engineState === b.engineState &&
    a.theme === b.theme &&
    a.summary === b.summary
  );
}

export function sameHit(a: TimelineHit, b: TimelineHit): boolean {
  if (a.kind === 'marker' && b.kind === 'marker') return a.marker.seq === b.marker.seq && a.marker.count === b.marker.count;
  if (a.kind === 'bucket' && b.kind === 'bucket') return a.bucket.firstSeq === b.bucket.firstSeq && a.bucket.lane === b.bucket.lane;
  return false;
}

type Range = { first: number; last: number } | null;

/** The ring's range widened back to the summary's first bucket (the summary's end is the ring's newest entry). */
export function wholeRunRange(ring: Range, summary: Range): Range {
  if (!summary) return ring;
  if (!ring) return summary;
  return { first: Math.min(ring.first, summary.first), last: ring.last };
}
