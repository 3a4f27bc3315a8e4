import { describe, expect, it } from 'vitest';
import type { RunSummary, SummaryBucket } from '../../shared/run-summary';
import { describeSummaryBucket, hitTestBand, hitTestRunSummary, stepSummaryBucket, summaryBucketAt, summaryBucketHolding, summaryBucketSentence } from './run-summary-hit';

const bucket = (fields: Partial<SummaryBucket>): SummaryBucket => ({ in: 0, out: 0, opens: 0, closes: 0, errors: {}, ...fields });

/** 1 s buckets from t = 10 s: frames at 0, an error at 2 (next to frames at 3), nothing at 1, 4, an open and a close at 5. */
const summary: RunSummary = {
  fromSeq: 0,
  toSeq: 100,
  startTime: 10_000,
  bucketMs: 1000,
  buckets: [bucket({ in: 1200, out: 34 }), null, bucket({ errors: { '10': 3, '2': 1 } }), bucket({ out: 1 }), null, bucket({ opens: 1, closes: 2 })],
};
/** 10 s across 100 px: a bucket is 10 px wide, bucket i spans x = 10i … 10i + 10. */
const viewport = { start: 10_000, end: 20_000, width: 100 };

describe('whole-run band buckets', () => {
  it('finds the non-empty bucket under the pointer, or the nearest within 4 px, preferring one with errors', () => {
    expect(hitTestRunSummary(summary, viewport, 5)?.start).toBe(10_000);
    expect(hitTestRunSummary(summary, viewport, 13)?.start).toBe(10_000); // 3 px right of bucket 0, bucket 1 is empty
    expect(hitTestRunSummary(summary, viewport, 15)).toBeNull(); // 5 px from both neighbours
    expect(hitTestRunSummary(summary, viewport, 31)?.start).toBe(12_000); // inside bucket 3, 1 px from bucket 2's errors
    expect(hitTestRunSummary(summary, viewport, 35)?.start).toBe(13_000);
    expect(hitTestRunSummary(summary, viewport, 200)).toBeNull();
  });

  it('is the band only between its top and bottom, right of the gutter', () => {
    const place = { top: 100, bottom: 140, gutter: 50 };
    expect(hitTestBand(summary, viewport, place, 55, 120)?.start).toBe(10_000);
    expect(hitTestBand(summary, viewport, place, 55, 99)).toBeNull();
    expect(hitTestBand(summary, viewport, place, 55, 140)).toBeNull();
    expect(hitTestBand(summary, viewport, place, 45, 120)).toBeNull();
    expect(hitTestBand(summary, viewport, null, 55, 120)).toBeNull();
  });

  it('steps through the non-empty buckets by time, both ways, round from the ends', () => {
    const starts = (step: 1 | -1, times: number) => {
      const seen: number[] = [];
      let time: number | null = null;
      for (let i = 0; i < times; i += 1) {
        time = stepSummaryBucket(summary, time, step)?.start ?? null;
        if (time !== null) seen.push(time);
      }
      return seen;
    };
    expect(starts(1, 5)).toEqual([10_000, 12_000, 13_000, 15_000, 10_000]);
    expect(starts(-1, 2)).toEqual([15_000, 13_000]);
    // Merged buckets (the run grew): the step goes on from the time it had reached.
    const merged: RunSummary = { ...summary, bucketMs: 2000, buckets: [summary.buckets[0] ?? null, bucket({ out: 1 }), bucket({ opens: 1 })] };
    expect(stepSummaryBucket(merged, 12_000, 1)?.start).toBe(14_000);
    // A card opened on bucket 2 (12–13 s) is recounted from the merged summary: the 12–14 s bucket.
    expect(summaryBucketHolding(merged, 12_000)).toEqual({ start: 12_000, end: 14_000, bucket: bucket({ out: 1 }) });
    expect(summaryBucketHolding(merged, 99_000)).toBeNull();
    expect(stepSummaryBucket({ ...summary, buckets: [null, null] }, null, 1)).toBeNull();
  });

  it('says its time range and counts, and each code in the active client profile\'s wording', () => {
    const errors = summaryBucketAt(summary, 2);
    if (!errors) throw new Error('bucket 2 has errors');
    const plus = describeSummaryBucket(errors, 'alipay-plus');
    expect(plus.range).toBe('12 s – 13 s (1 s bucket)');
    expect(plus.frames).toBe('no frames');
    expect(plus.connections).toBeNull();
    expect(plus.errors).toHaveLength(2);
    expect(plus.errors[0]).toMatch(/^Error 2: \S/);
    expect(plus.errors[1]).toMatch(/^Error 10 ×3: \S/);
    const cn = describeSummaryBucket(errors, 'alipay-cn');
    expect(cn.errors[0]).toBe('Error 2: 接口参数无效。');
    expect(cn.errors[0]).not.toBe(plus.errors[0]);

    const frames = summaryBucketAt(summary, 0);
    const lifecycle = summaryBucketAt(summary, 5);
    if (!frames || !lifecycle) throw new Error('buckets 0 and 5 are not empty');
    expect(describeSummaryBucket(frames, 'alipay-plus').frames).toBe('1,234 frames: 1,200 in, 34 out');
    expect(describeSummaryBucket(lifecycle, 'alipay-plus').connections).toBe('1 connection opened, 2 closed');
    expect(describeSummaryBucket({ ...lifecycle, bucket: bucket({ closes: 1 }) }, 'alipay-plus').connections).toBe('1 connection closed');
    expect(summaryBucketSentence(describeSummaryBucket(frames, 'alipay-plus'))).toBe('Whole run 10 s – 11 s (1 s bucket); 1,234 frames: 1,200 in, 34 out');
  });
});
