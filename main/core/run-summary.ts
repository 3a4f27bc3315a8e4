// Counts the live capture into time buckets as the log appends each entry (docs/behaviour.md#a28-whole-run-timeline-summary):
// the `live-summary` reply is built from these counts, never by re-reading the ring or the session. One per
// capture log; a Clear restarts it with the live capture.
import { OPCODE } from '../../shared/capture';
import { addBucket, MAX_SUMMARY_BUCKETS, MIN_SUMMARY_BUCKET_MS, type RunSummary, type SummaryBucket } from '../../shared/run-summary';
import type { CaptureLog } from './ports';

export interface RunSummaryTracker {
  summary(): RunSummary;
}

const trackers = new WeakMap<CaptureLog, RunSummaryTracker>();

/** The tracker of `capture`, started on first use with what the ring still holds. */
export function runSummaryOf(capture: CaptureLog): RunSummaryTracker {
  let tracker = trackers.get(capture);
  if (!tracker) {
    tracker = trackRunSummary(capture);
    trackers.set(capture, tracker);
  }
  return tracker;
}

const CLOSED_EVENT = /^(close|closed)$/;

function trackRunSummary(capture: CaptureLog): RunSummaryTracker {
  const { total, held } = capture.stats();
  let fromSeq = total - held;
  let counted = fromSeq;
  let startTime = Number.NaN;
  let bucketMs = MIN_SUMMARY_BUCKET_MS;
  let buckets: (SummaryBucket | null)[] = [];
  let current: SummaryBucket | null = null;
  let currentStart = 0;
  let currentEnd = 0;

  function reset(): void {
    fromSeq = capture.nextSeq();
    counted = fromSeq;
    startTime = Number.NaN;
    bucketMs = MIN_SUMMARY_BUCKET_MS;
    buckets = [];
    current = null;
  }

  /** Doubles the width until `index` fits, merging neighbours. */
  function widen(index: number): number {
    let at = index;
    if (at >= MAX_SUMMARY_BUCKETS) current = null; // its bucket merges into a new one
    while (at >= MAX_SUMMARY_BUCKETS) {
      const merged: (SummaryBucket | null)[] = [];
      buckets.forEach((bucket, i) => {
        if (bucket) merged[i >> 1] = mergeBuckets(merged[i >> 1] ?? null, bucket);
      });
      buckets = Array.from({ length: Math.ceil(buckets.length / 2) }, (_, i) => merged[i] ?? null);
      bucketMs *= 2;
      at >>= 1;
    }
    return at;
  }

  /** The bucket of `time`; the one of the previous entry is reused without arithmetic while it lasts. */
  function bucketAt(time: number): SummaryBucket {
    if (current && time >= currentStart && time < currentEnd) return current;
    if (Number.isNaN(startTime)) startTime = Math.floor(time / MIN_SUMMARY_BUCKET_MS) * MIN_SUMMARY_BUCKET_MS;
    const index = widen(Math.max(0, Math.floor((time - startTime) / bucketMs)));
    while (buckets.length <= index) buckets.push(null);
    current = buckets[index] ??= { in: 0, out: 0, opens: 0, closes: 0, errors: {} };
    currentStart = startTime + index * bucketMs;
    currentEnd = currentStart + bucketMs;
    return current;
  }

  // From the ring's columns: an incoming frame has no entry object to read (docs/architecture.md#capture-cpu).
  function count(seq: number): void {
    const { fields } = capture;
    const bucket = bucketAt(fields.monoTime(seq));
    const kind = fields.kind(seq);
    const opcode = kind === 'frame' ? fields.opcode(seq) : undefined;
    if (opcode === OPCODE.text || opcode === OPCODE.binary) {
      const direction = fields.direction(seq);
      if (direction === 'in') bucket.in += 1;
      else if (direction === 'out') bucket.out += 1;
    } else if (kind === 'lifecycle') {
      const name = fields.name(seq);
      if (name === 'open') bucket.opens += 1;
      else if (CLOSED_EVENT.test(name)) bucket.closes += 1;
    }
    const errorCode = fields.errorCode(seq);
    if (errorCode !== undefined) bucket.errors[errorCode] = (bucket.errors[errorCode] ?? 0) + 1;
  }

  function countNew(): void {
    const next = capture.nextSeq();
    for (; counted < next; counted += 1) count(counted);
  }

  countNew();
  // onChange runs synchronously after every append, before the ring can evict the entry (capture-recorder.ts).
  capture.onChange(() => {
    if (counted === capture.nextSeq()) reset(); // a notification without a new seq is a clear
    else countNew();
  });

  return {
    summary: () => ({ fromSeq, toSeq: counted, startTime: Number.isNaN(startTime) ? 0 : startTime, bucketMs, buckets }),
  };
}

function mergeBuckets(into: SummaryBucket | null, bucket: SummaryBucket): SummaryBucket {
  if (!into) return { ...bucket, errors: { ...bucket.errors } };
  addBucket(into, bucket);
  return into;
}
