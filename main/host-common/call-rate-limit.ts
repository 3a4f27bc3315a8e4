// The admission rule for messages from a mini-app page, shared by both hosts (Electron IPC, browser host
// bridge): backpressure, never refusal (docs/architecture.md#threat-model). One token bucket per kind of
// message paces what reaches the engine; a message that finds its bucket empty waits, with everything the
// page sent after it, in arrival order, and the host stops reading the page (the bridge socket is paused,
// so the page's WebSocket buffers the rest and the engine's memory stays bounded). A `dispatched` report
// answering an event the engine delivered never waits (a server flood must not slow its own reports).
// Each burst is one notice when it starts ("the app is sending N msgs/s") and one when it ends.
import type { ClientMessage } from '../../shared/my-wire';
import type { WarningId } from '../../shared/warning-ids';
import { logWarning } from '../core/engine-warning';
import type { CaptureLog } from '../core/ports';
import { createTokenBucket, type TokenBucket } from './token-bucket';

/** Burst size and sustained rate of each bucket. */
export interface RateLimit {
  capacity: number;
  refillPerSecond: number;
}

/** Generous: a flood test sends tens of thousands of messages per second; a runaway loop sends millions. */
export const DEFAULT_MY_RATE_LIMIT: RateLimit = { capacity: 50_000, refillPerSecond: 50_000 };

/** The bucket a message draws on: its op, or `unknown` for a message without a recognisable op. */
export type RateLimitedOp = ClientMessage['op'] | 'unknown';

/** Stops and restarts reading from the page (the bridge socket); absent where the transport cannot pause. */
export interface ReadFlow {
  pause(): void;
  resume(): void;
}

export interface CallPacerOptions {
  /** Monotonic ms. */
  now: () => number;
  rateLimit?: RateLimit;
  capture: Pick<CaptureLog, 'append'>;
  /** The client the notices belong to (read when one is logged). */
  clientId: () => string;
  /** Hands an admitted message on, in the order the page sent it. */
  deliver(raw: unknown): void;
  flow?: ReadFlow;
}

/** One page's pacer (or one view's, across its pages: see reset). */
export interface CallPacer {
  readonly rateLimit: RateLimit;
  /** An event went to the page: the one `dispatched` report answering it passes without a token. */
  eventDelivered(): void;
  /** A message from the page: delivered now, or after the ones waiting before it once the rate allows. */
  receive(raw: unknown): void;
  /** Messages waiting. */
  waiting(): number;
  /** While held, nothing more is delivered (the engine's sends wait for a slow socket); later messages wait in order. */
  hold(held: boolean): void;
  /** The page went away: what it still had waiting and its unanswered events are forgotten; the buckets stay. */
  reset(): void;
}

const KNOWN_OPS: ReadonlySet<string> = new Set<RateLimitedOp>(['connect', 'send', 'close', 'listen', 'dispatched', 'problem', 'api', 'storage', 'unsupported', 'page-stack']);

/** The op of a raw message as the bucket key (`unknown` when it names none the engine knows). */
export function rateLimitedOpOf(raw: unknown): RateLimitedOp {
  const op = typeof raw === 'object' && raw !== null && 'op' in raw ? raw.op : undefined;
  return typeof op === 'string' && KNOWN_OPS.has(op) ? (op as RateLimitedOp) : 'unknown';
}

/** The name the notices give a bucket (the Electron IPC channel of the op). */
function channelOf(op: RateLimitedOp): string {
  return `my:${op}`;
}

/** A burst ends once no message had to wait for this long (one notice per burst, not per pause). */
const BURST_QUIET_MS = 1000;

interface Burst {
  channel: string;
  startedAt: number;
  /** When a message last had to wait. */
  lastWaitAt: number;
  /** Messages received while the burst lasted. */
  received: number;
  /** Messages that had to wait. */
  held: number;
}

/** Creates a pacer with full buckets. */
export function createCallPacer(options: CallPacerOptions): CallPacer {
  const rateLimit = options.rateLimit ?? DEFAULT_MY_RATE_LIMIT;
  const buckets = new Map<RateLimitedOp, TokenBucket>();
  const queue: unknown[] = [];
  let head = 0;
  let unansweredEvents = 0;
  let timer: NodeJS.Timeout | undefined;
  let quietTimer: NodeJS.Timeout | undefined;
  let burst: Burst | undefined;
  let paused = false;
  let held = false;
  let draining = false;

  function setPaused(value: boolean): void {
    if (paused === value) return;
    paused = value;
    if (value) options.flow?.pause();
    else options.flow?.resume();
  }

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

  function admit(raw: unknown): boolean {
    const op = rateLimitedOpOf(raw);
    if (op === 'dispatched' && unansweredEvents > 0) {
      unansweredEvents -= 1;
      return true;
    }
    if (bucketOf(op).tryTake()) return true;
    if (burst) burst.lastWaitAt = options.now();
    else {
      const startedAt = options.now();
      burst = { channel: channelOf(op), startedAt, lastWaitAt: startedAt, received: queue.length - head, held: queue.length - head };
      warn('call-rate-limit', `The app is sending more than ${rateLimit.refillPerSecond} ${burst.channel} msgs/s (burst ${rateLimit.capacity}): the devtools read it more slowly; later calls wait, in order, and none fails.`, { channel: burst.channel, ...rateLimit });
    }
    return false;
  }

  function drain(): void {
    timer = undefined;
    draining = true;
    try {
      drainQueue();
    } finally {
      draining = false;
    }
  }

  function drainQueue(): void {
    while (head < queue.length) {
      if (held) {
        setPaused(true);
        return;
      }
      if (!admit(queue[head])) {
        setPaused(true);
        // One token comes back every 1000/refill ms; timers fire at best every ms.
        timer = setTimeout(drain, Math.max(1, Math.ceil(1000 / rateLimit.refillPerSecond)));
        return;
      }
      const raw = queue[head];
      queue[head] = undefined;
      head += 1;
      options.deliver(raw);
    }
    queue.length = 0;
    head = 0;
    setPaused(held);
    if (burst && quietTimer === undefined) quietTimer = setTimeout(endWhenQuiet, BURST_QUIET_MS);
  }

  function endWhenQuiet(): void {
    quietTimer = undefined;
    if (!burst) return;
    const quietFor = options.now() - burst.lastWaitAt;
    if (quietFor < BURST_QUIET_MS || head < queue.length) quietTimer = setTimeout(endWhenQuiet, Math.max(1, BURST_QUIET_MS - quietFor));
    else endBurst(burst);
  }

  function endBurst(ended: Burst): void {
    burst = undefined;
    const seconds = Math.max(0.001, (ended.lastWaitAt - ended.startedAt) / 1000);
    const perSecond = Math.round(ended.received / seconds);
    warn('call-rate-limit-end', `The ${ended.channel} burst is over: the app sent ${perSecond} msgs/s for ${Math.round(seconds * 1000)} ms; up to ${ended.held} message(s) waited at once, none failed.`, {
      channel: ended.channel,
      held: ended.held,
      ratePerSecond: perSecond,
      burstMs: Math.round(seconds * 1000),
    });
  }

  return {
    rateLimit,
    eventDelivered() {
      unansweredEvents += 1;
    },
    receive(raw) {
      queue.push(raw);
      if (burst) {
        burst.received += 1;
        burst.held = Math.max(burst.held, queue.length - head);
      }
      if (timer === undefined && queue.length - head === 1) drain();
    },
    hold(value) {
      held = value;
      // Released while delivering (a send failed at once): the running drain goes on by itself.
      if (!held && timer === undefined && !draining) drain();
    },
    waiting: () => queue.length - head,
    reset() {
      if (timer !== undefined) clearTimeout(timer);
      if (quietTimer !== undefined) clearTimeout(quietTimer);
      timer = undefined;
      quietTimer = undefined;
      queue.length = 0;
      head = 0;
      burst = undefined;
      unansweredEvents = 0;
      held = false;
      setPaused(false);
    },
  };
}
