// A token bucket: bursts up to `capacity`, then `refillPerSecond` sustained. Used per `my:*` IPC channel so
// a hostile mini-app cannot starve main with IPC spam (architecture.md C3).

export interface TokenBucketOptions {
  capacity: number;
  refillPerSecond: number;
  /** Monotonic milliseconds (injected so tests control time). */
  now: () => number;
}

export interface TokenBucket {
  /** Takes one token; false when the bucket is empty. */
  tryTake(): boolean;
}

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
