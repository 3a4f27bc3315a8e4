// Stops a replace loop (docs/behaviour.md#a2-the-replaced-connection-gets-one-close): an onSocketClose handler fired by a replacement that calls
// connectSocket again would otherwise replace connections forever.
import type { Clock } from './ports';

/** Counts single-mode replacements in a sliding window. */
export interface ReconnectStormGuard {
  /** Records one replacement; false when it would be one too many within the window. */
  allow(): boolean;
  readonly limit: number;
  readonly windowMs: number;
}

/** At most `limit` replacements within `windowMs` (monotonic time). */
export function createReconnectStormGuard(clock: Clock, limit = 20, windowMs = 2000): ReconnectStormGuard {
  const times: number[] = [];
  return {
    limit,
    windowMs,
    allow() {
      const now = clock.monotonic();
      while (times.length > 0 && now - (times[0] as number) > windowMs) times.shift();
      if (times.length >= limit) return false;
      times.push(now);
      return true;
    },
  };
}
