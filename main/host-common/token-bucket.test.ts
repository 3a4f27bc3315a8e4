import { describe, expect, it } from 'vitest';
import { createTokenBucket } from './token-bucket';

describe('token bucket', () => {
  it('allows a burst of capacity, then refills at the given rate', () => {
    let now = 1000;
    const bucket = createTokenBucket({ capacity: 3, refillPerSecond: 2, now: () => now });
    expect([bucket.tryTake(), bucket.tryTake(), bucket.tryTake(), bucket.tryTake()]).toEqual([true, true, true, false]);
    now += 499; // 0.998 tokens
    expect(bucket.tryTake()).toBe(false);
    now += 2; // 1.002 tokens
    expect(bucket.tryTake()).toBe(true);
    expect(bucket.tryTake()).toBe(false);
    now += 60_000; // refills only up to capacity
    expect([bucket.tryTake(), bucket.tryTake(), bucket.tryTake(), bucket.tryTake()]).toEqual([true, true, true, false]);
  });

  it('ignores a clock that goes backwards and rejects nonsense settings', () => {
    let now = 1000;
    const bucket = createTokenBucket({ capacity: 1, refillPerSecond: 1, now: () => now });
    expect(bucket.tryTake()).toBe(true);
    now = 0;
    expect(bucket.tryTake()).toBe(false);
    expect(() => createTokenBucket({ capacity: 0, refillPerSecond: 1, now: () => 0 })).toThrow(RangeError);
    expect(() => createTokenBucket({ capacity: 1, refillPerSecond: 0, now: () => 0 })).toThrow(RangeError);
  });
});
