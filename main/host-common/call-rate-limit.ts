// The admission rule for messages from a mini-app page, shared by both hosts (Electron IPC, browser host
// bridge): one token bucket per kind of message, so a hostile or runaway page cannot starve the engine.
// A `dispatched` report answering an event the engine delivered is always admitted (a server flood must
// not trip the limit); refused calls are answered with fail 1, and each run of refusals is logged as a
// warning when it starts and when it ends (never one entry per refusal: that would be the flood again).
import type { CallFailure, ClientMessage } from '../../shared/my-wire';
import { callIdOf } from '../../shared/my-wire';
import type { WarningId } from '../../shared/warning-ids';
import { failure } from '../core/call-results';
import { logWarning } from '../core/engine-warning';
import type { CaptureLog } from '../core/ports';
import { createTokenBucket, type TokenBucket } from './token-bucket';

/** Burst size and sustained rate of each bucket. */
export interface RateLimit {
  capacity: number;
  refillPerSecond: number;
}

/** Generous: a flood test sends thousands of messages per second; a runaway loop sends millions. */
export const DEFAULT_MY_RATE_LIMIT: RateLimit = { capacity: 10_000, refillPerSecond: 10_000 };

/** The bucket a message draws on: its op, or `unknown` for a message without a recognisable op. */
export type RateLimitedOp = ClientMessage['op'] | 'unknown';

/** Admitted, or refused with the fail-1 answer to send back when the message was a call with a callId. */
export type Admission = { admitted: true } | { admitted: false; reply: CallFailure | undefined };

/** What a limiter needs: its clock, the limit, and where to log refusal runs. */
export interface CallRateLimitOptions {
  /** Monotonic ms. */
  now: () => number;
  rateLimit?: RateLimit;
  capture: Pick<CaptureLog, 'append'>;
  /** The client the warnings belong to (read when one is logged). */
  clientId: () => string;
}

/** One page's limiter (or one view's, across its pages: see reset). */
export interface CallRateLimiter {
  readonly rateLimit: RateLimit;
  /** An event went to the page: the one `dispatched` report answering it is admitted without a token. */
  eventDelivered(): void;
  /** Whether the message may reach the engine; takes a token when it must. */
  admit(op: RateLimitedOp, raw: unknown): Admission;
  /** The page went away: its unanswered events and refusal runs are forgotten; the buckets stay. */
  reset(): void;
}

const CALL_OPS: ReadonlySet<RateLimitedOp> = new Set<RateLimitedOp>(['connect', 'send', 'close']);
const KNOWN_OPS: ReadonlySet<string> = new Set<RateLimitedOp>(['connect', 'send', 'close', 'listen', 'dispatched', 'api', 'storage', 'unsupported']);

/** The op of a raw message as the bucket key (`unknown` when it names none the engine knows). */
export function rateLimitedOpOf(raw: unknown): RateLimitedOp {
  const op = typeof raw === 'object' && raw !== null && 'op' in raw ? raw.op : undefined;
  return typeof op === 'string' && KNOWN_OPS.has(op) ? (op as RateLimitedOp) : 'unknown';
}


/** The name the warnings give a bucket (the Electron IPC channel of the op). */
function channelOf(op: RateLimitedOp): string {
  return `my:${op}`;
}

/** Creates a limiter with full buckets. */
export function createCallRateLimiter(options: CallRateLimitOptions): CallRateLimiter {
  const rateLimit = options.rateLimit ?? DEFAULT_MY_RATE_LIMIT;
  const buckets = new Map<RateLimitedOp, TokenBucket>();
  const refusedInRun = new Map<RateLimitedOp, number>();
  let unansweredEvents = 0;

  function warn(id: WarningId, message: string, detail: Record<string, string | number>): void {
    logWarning(options.capture, { clientId: options.clientId() }, { id, message, detail });
  }

  function bucketOf(op: RateLimitedOp): TokenBucket {
    let bucket = buckets.get(op);
    if (!bucket) {
      bucket = createTokenBucket({ ...rateLimit, now: options.now });
      buckets.set(op, bucket);
    }
    return bucket;
  }

  return {
    rateLimit,
    eventDelivered() {
      unansweredEvents += 1;
    },
    admit(op, raw) {
      if (op === 'dispatched' && unansweredEvents > 0) {
        unansweredEvents -= 1;
        return { admitted: true };
      }
      const channel = channelOf(op);
      const refused = refusedInRun.get(op) ?? 0;
      if (bucketOf(op).tryTake()) {
        if (refused > 0) {
          refusedInRun.delete(op);
          warn('call-rate-limit-end', `${refused} ${channel} message(s) were refused before the rate fell under the limit.`, { channel, rejected: refused });
        }
        return { admitted: true };
      }
      if (refused === 0) {
        warn('call-rate-limit', `More than ${rateLimit.refillPerSecond} ${channel} messages per second (burst ${rateLimit.capacity}): the excess is refused.`, { channel, ...rateLimit });
      }
      refusedInRun.set(op, refused + 1);
      const callId = CALL_OPS.has(op) ? callIdOf(raw) : undefined;
      const detail = `too many my.* calls: more than ${rateLimit.refillPerSecond} per second on ${channel}`;
      return { admitted: false, reply: callId === undefined ? undefined : failure(callId, { code: 1, detail }) };
    },
    reset() {
      refusedInRun.clear();
      unansweredEvents = 0;
    },
  };
}
