// The "Whole run" band's buckets one at a time (docs/behaviour.md#a28-whole-run-timeline-summary): which one
// is under the pointer or chosen from the keyboard, and what it says — its time range and its counts, each
// error code in the active client profile's wording, as the lanes' markers explain theirs. Pure.
import { explainProfileCode, type ClientProfileName } from '../../shared/client-profiles';
import type { RunSummary, SummaryBucket } from '../../shared/run-summary';
import type { TimelineViewport } from './timeline-viewport';
import { formatTickLabel, timeToX, xToTime } from './timeline-viewport';

/** One non-empty bucket of the band. */
export interface SummaryBucketHit {
  /** Monotonic ms (the timeline's axis) where it starts and ends. */
  start: number;
  end: number;
  bucket: SummaryBucket;
}

/** A bucket this close to the pointer (CSS px) is hovered: a bucket can be a pixel wide. */
const HIT_RADIUS_PX = 4;

/** The non-empty bucket number `index` of `summary`, or null. */
export function summaryBucketAt(summary: RunSummary, index: number): SummaryBucketHit | null {
  const bucket = summary.buckets[index];
  if (!bucket) return null;
  const start = summary.startTime + index * summary.bucketMs;
  return { start, end: start + summary.bucketMs, bucket };
}

/** The bucket index holding monotonic `time` (may be outside the summary). */
function indexOf(summary: RunSummary, time: number): number {
  return Math.floor((time - summary.startTime) / summary.bucketMs);
}

/** The non-empty bucket holding `time`, or null: a card shown for a bucket of an older summary, recounted. */
export function summaryBucketHolding(summary: RunSummary, time: number): SummaryBucketHit | null {
  return summaryBucketAt(summary, indexOf(summary, time));
}

/**
 * The bucket at plot x: the nearest non-empty one within HIT_RADIUS_PX, a bucket with errors first (its red
 * mark is drawn over its neighbours, as the lanes' errors are preferred over their other markers).
 */
export function hitTestRunSummary(summary: RunSummary, viewport: TimelineViewport, x: number): SummaryBucketHit | null {
  const first = Math.max(0, indexOf(summary, xToTime(viewport, x - HIT_RADIUS_PX)));
  const last = Math.min(summary.buckets.length - 1, indexOf(summary, xToTime(viewport, x + HIT_RADIUS_PX)));
  let best: { hit: SummaryBucketHit; distance: number; errors: boolean } | null = null;
  for (let index = first; index <= last; index += 1) {
    const hit = summaryBucketAt(summary, index);
    if (!hit) continue;
    const x0 = timeToX(viewport, hit.start);
    const x1 = timeToX(viewport, hit.end);
    const distance = x < x0 ? x0 - x : x > x1 ? x - x1 : 0;
    const errors = Object.keys(hit.bucket.errors).length > 0;
    if (distance > HIT_RADIUS_PX) continue;
    if (!best || (errors && !best.errors) || (errors === best.errors && distance < best.distance)) best = { hit, distance, errors };
  }
  return best?.hit ?? null;
}

/**
 * The next non-empty bucket after the one holding `time` (step 1) or before it (step -1), from either end
 * when `time` is null or past the last (as "Next gap" goes round); null when the band is empty. By time, not
 * index: the buckets merge as the run grows.
 */
export function stepSummaryBucket(summary: RunSummary, time: number | null, step: 1 | -1): SummaryBucketHit | null {
  const { length } = summary.buckets;
  const from = time === null ? (step === 1 ? -1 : length) : indexOf(summary, time);
  for (let index = from + step; index >= 0 && index < length; index += step) {
    const hit = summaryBucketAt(summary, index);
    if (hit) return hit;
  }
  return time === null ? null : stepSummaryBucket(summary, null, step);
}

/** Where the band is on the canvas (CSS px): its top and bottom, and the label gutter left of the plot. */
export interface BandPlace {
  top: number;
  bottom: number;
  gutter: number;
}

/** The band's bucket at canvas point (x, y), or null off the band (or with no band drawn). */
export function hitTestBand(summary: RunSummary | null, viewport: TimelineViewport | null, place: BandPlace | null, x: number, y: number): SummaryBucketHit | null {
  if (!summary || !viewport || !place || x < place.gutter || y < place.top || y >= place.bottom) return null;
  return hitTestRunSummary(summary, viewport, x - place.gutter);
}

/** What a bucket's card says, line by line. */
export interface SummaryBucketText {
  /** "1:05 – 1:06 (1 s bucket)". */
  range: string;
  /** "1,234 frames: 600 in, 634 out". */
  frames: string;
  /** "2 connections opened, 1 closed", or null when none did. */
  connections: string | null;
  /** Per code, ascending: "Error 10 ×3: <the profile's description>". */
  errors: string[];
}

const count = (n: number) => n.toLocaleString('en-US');

/** The card of `hit`, with the error codes in `profile`'s wording. */
export function describeSummaryBucket(hit: SummaryBucketHit, profile: ClientProfileName): SummaryBucketText {
  const { bucket } = hit;
  const width = hit.end - hit.start;
  const frames = bucket.in + bucket.out;
  return {
    range: `${formatTickLabel(hit.start, width)} – ${formatTickLabel(hit.end, width)} (${bucketText(width)} bucket)`,
    frames: frames === 0 ? 'no frames' : `${count(frames)} ${frames === 1 ? 'frame' : 'frames'}: ${count(bucket.in)} in, ${count(bucket.out)} out`,
    connections: describeConnections(bucket),
    errors: Object.entries(bucket.errors)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([code, n]) => {
        const description = explainProfileCode(profile, Number(code))?.description;
        return `Error ${code}${n > 1 ? ` ×${count(n)}` : ''}${description ? `: ${description}` : ''}`;
      }),
  };
}

function describeConnections({ opens, closes }: SummaryBucket): string | null {
  const connections = (n: number) => `${count(n)} ${n === 1 ? 'connection' : 'connections'}`;
  if (opens > 0) return `${connections(opens)} opened${closes > 0 ? `, ${count(closes)} closed` : ''}`;
  return closes > 0 ? `${connections(closes)} closed` : null;
}

/** A bucket width as the band says it: "1 s", "2.1 min", "1.1 h". */
export function bucketText(ms: number): string {
  if (ms < 60_000) return `${ms / 1000} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 6000) / 10} min`;
  return `${Math.round(ms / 360_000) / 10} h`;
}

/** The card as one sentence, for the screen reader's live region. */
export function summaryBucketSentence(text: SummaryBucketText): string {
  return [`Whole run ${text.range}`, text.frames, text.connections, ...text.errors].filter(Boolean).join('; ');
}
