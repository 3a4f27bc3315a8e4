// The whole-run summary of the live capture the timeline draws behind its lanes (the `live-summary` panel
// request): per time bucket, what the run did, counted by the engine as entries are captured, so the panel's
// timeline still shows what its own ring evicted (docs/behaviour.md#a28-whole-run-timeline-summary).

/** Most buckets a summary holds: past it the bucket width doubles (pairs merge), so a reply stays small. */
export const MAX_SUMMARY_BUCKETS = 512;

/** The narrowest bucket, ms. */
export const MIN_SUMMARY_BUCKET_MS = 1000;

/** What the run did in one bucket. */
export interface SummaryBucket {
  /** Data frames received and sent (text and binary; not control frames). */
  in: number;
  out: number;
  /** Connections that opened and closed. */
  opens: number;
  closes: number;
  /** Error codes (1–12) of failures and error events → how many. */
  errors: Record<string, number>;
}

/** The `live-summary` reply body (as JSON). */
export interface RunSummary {
  /** The live capture's entries counted: seqs `fromSeq` … `toSeq - 1`. */
  fromSeq: number;
  toSeq: number;
  /** Monotonic time (ms, the entries' monoTime: the timeline's axis) where bucket 0 starts, and each bucket's width. */
  startTime: number;
  bucketMs: number;
  /** null = nothing happened in that bucket. */
  buckets: (SummaryBucket | null)[];
}

/** Adds `bucket`'s counts into `into`. */
export function addBucket(into: SummaryBucket, bucket: SummaryBucket): void {
  into.in += bucket.in;
  into.out += bucket.out;
  into.opens += bucket.opens;
  into.closes += bucket.closes;
  for (const [code, n] of Object.entries(bucket.errors)) into.errors[code] = (into.errors[code] ?? 0) + n;
}

/** Every bucket added up: the whole run's frames, opens, closes and error codes. */
export function runSummaryTotals(summary: RunSummary): SummaryBucket {
  const sum: SummaryBucket = { in: 0, out: 0, opens: 0, closes: 0, errors: {} };
  for (const bucket of summary.buckets) if (bucket) addBucket(sum, bucket);
  return sum;
}
