import { describe, expect, it } from 'vitest';
import { ascending, percentile, summarize } from './stats';

describe('summaries of runs', () => {
  it('gives the median and the spread of odd and even counts', () => {
    expect(summarize([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5, runs: [5, 1, 3] });
    expect(summarize([4, 1, 3, 2]).median).toBe(2.5);
  });

  it('interpolates percentiles between closest ranks', () => {
    const sorted = ascending(Array.from({ length: 101 }, (_, i) => 100 - i));
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([1, 2], 50)).toBe(1.5);
    expect(percentile([7], 99)).toBe(7);
  });

  it('refuses to summarize nothing', () => {
    expect(() => summarize([])).toThrow(RangeError);
    expect(() => percentile([], 50)).toThrow(RangeError);
  });
});
