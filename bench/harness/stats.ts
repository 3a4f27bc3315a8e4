// Summaries of repeated runs: every figure in the table is a median with the min–max of its runs.

/** Median and spread of a set of runs. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

/** Summarizes `values` (at least one). */
export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new RangeError('nothing to summarize');
  const sorted = [...values].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), min: sorted[0] as number, max: sorted[sorted.length - 1] as number, runs: [...values] };
}

/** The p-th percentile (0–100) of ascending `sorted`, by linear interpolation between closest ranks. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('percentile of nothing');
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const a = sorted[low] as number;
  const b = sorted[high] as number;
  return a + (b - a) * (rank - low);
}

/** Ascending copy, for repeated percentile calls. */
export function ascending(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}
