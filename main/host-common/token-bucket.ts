// A token bucket: bursts up to `capacity`, then `refillPerSecond` sustained. Used per kind of `my` call so
// a hostile mini-app cannot starve the engine with message spam, in either host (docs/architecture.md#messages-between-pages-and-main).

/** Size and rate of a bucket, and its clock. */
export interface TokenBucketOptions {
  capacity: number;
  refillPerSecond: number;
  /** Monotonic milliseconds (injected so tests control time). */
  now: () => number;
}

/** One bucket: a call takes a token or is refused. */
export interface TokenBucket {
  /** Takes one token; false when the bucket is empty. */
  tryTake(): boolean;
}

/** A full bucket; refuses nonsense sizes (a bucket that never admits anything is a bug). */
export function createTokenBucket(options: TokenBucketOptions): TokenBucket {
  const { capacity, refillPerSecond, now } = options;
  if (!(capacity >= 1) || !(refillPerSecond > 0)) throw new RangeError('a token bucket needs capacity >= 1 and a positive refill rate');
  let tokens = capacity;
  let last = now();
  return {
    tryTake() {
      const current = now();
      tokens = Math.min(capacity, tokens + (Math.max(0, current - last) * refillPerSecond) / 1000);
      last = current;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
