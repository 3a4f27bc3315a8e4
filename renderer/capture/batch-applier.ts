// Applies the engine's capture stream to the live ring: every batch is appended at once (in seq order,
// duplicates from a replay ignored) and acked right after, so the engine's credit never waits for a
// paint; the store hears about it once per animation frame, however many batches arrived in between.
// During a flood (a frame brought more rows than a screen shows) the store hears about it at most every
// FLOOD_PACING.intervalMs, and less often when an update took long (a busy or shared machine): each update
// re-renders the log and the timeline, and a main thread busy painting unreadable rows every frame would
// delay the acks that keep the stream flowing (docs/architecture.md#keeping-the-panels-frames-short).
import type { CaptureStats } from '../../shared/capture';
import type { PanelMessage, PanelTransport } from '../../shared/panel-wire';
import { afterNextFrame } from './after-frame';
import type { EntryRing, RingEntry } from './entry-ring';

/** How the applier schedules its one store update per frame (injectable for tests). */
export interface FrameScheduler {
  /** Runs `callback` once the next animation frame has been rendered. */
  requestFrame(callback: () => void): unknown;
  /** Milliseconds on a monotonic clock. */
  now(): number;
  /** Backgrounded pages get no animation frames: this fallback flushes anyway. */
  setFallback(callback: () => void, ms: number): unknown;
  cancelFallback(handle: unknown): void;
}

export interface BatchApplierOptions {
  ring: EntryRing;
  transport: Pick<PanelTransport, 'send'>;
  /** The one store update of a frame. */
  onFrame(stats: CaptureStats | null): void;
  /** The engine cleared the capture (the ring is already empty). */
  onCleared?(): void;
  scheduler?: FrameScheduler;
  fallbackMs?: number;
  /** When an update counts as a flood, and how far apart flood updates are. */
  floodPacing?: FloodPacing;
}

/**
 * A store update that carried at least `entries` entries is a flood's: the next waits `intervalMs` after it,
 * or `costFactor` times what the last flood update cost when that is longer (at most `maxIntervalMs`). The
 * cost is the wall time from the update to the end of the next rendered frame: its script, the frame's
 * layout and paint, and any wait for a core.
 */
export interface FloodPacing {
  entries: number;
  intervalMs: number;
  costFactor: number;
  maxIntervalMs: number;
}

/**
 * At most ten screens of rows per second (more is unreadable, and costs the stream its pace), and updates
 * take at most about a third of the panel's main thread when they are slow, down to one a second.
 */
export const FLOOD_PACING: FloodPacing = { entries: 256, intervalMs: 100, costFactor: 3, maxIntervalMs: 1000 };

/** Counters the e2e flood check reads. */
export interface ApplierCounters {
  /** Entries appended to the ring since start. */
  applied: number;
  /** Entries ignored because their seq was not above the last one held (a replay). */
  duplicates: number;
  /** Store updates made. */
  flushes: number;
}

export interface BatchApplier {
  /** Handles batch and cleared messages; returns false for every other kind. */
  handle(message: PanelMessage): boolean;
  counters(): ApplierCounters;
}

export const browserFrameScheduler: FrameScheduler = {
  requestFrame: (callback) => afterNextFrame(callback),
  now: () => performance.now(),
  setFallback: (callback, ms) => setTimeout(callback, ms),
  cancelFallback: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Builds the applier for `ring` (see the module comment). */
export function createBatchApplier(options: BatchApplierOptions): BatchApplier {
  const { ring, transport, onFrame, onCleared, scheduler = browserFrameScheduler, fallbackMs = 250, floodPacing = FLOOD_PACING } = options;
  const counters: ApplierCounters = { applied: 0, duplicates: 0, flushes: 0 };
  let lastSeq = -1;
  let subscribed = false;
  let pendingStats: CaptureStats | null = null;
  let scheduled = false;
  let fallback: unknown;
  let paced: unknown;
  /** Entries applied since the last store update, and when the last flood update was (-Infinity: none). */
  let pendingEntries = 0;
  let floodFlushAt = Number.NEGATIVE_INFINITY;
  /** What the last measured flood update cost (ms, see FloodPacing), and whether one is being measured. */
  let floodUpdateCost = 0;
  let measuring = false;

  function flush(): void {
    if (!scheduled) return;
    scheduled = false;
    scheduler.cancelFallback(fallback);
    scheduler.cancelFallback(paced);
    counters.flushes += 1;
    const flood = pendingEntries >= floodPacing.entries;
    const startedAt = scheduler.now();
    floodFlushAt = flood ? startedAt : Number.NEGATIVE_INFINITY;
    pendingEntries = 0;
    const stats = pendingStats;
    pendingStats = null;
    onFrame(stats);
    if (flood && !measuring) {
      measuring = true;
      scheduler.requestFrame(() => {
        measuring = false;
        floodUpdateCost = scheduler.now() - startedAt;
      });
    }
  }

  /** How long after a flood update the next one waits (see FloodPacing). */
  function floodInterval(): number {
    return Math.min(floodPacing.maxIntervalMs, Math.max(floodPacing.intervalMs, floodUpdateCost * floodPacing.costFactor));
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    const wait = floodFlushAt + floodInterval() - scheduler.now();
    if (wait > 0) paced = scheduler.setFallback(() => scheduler.requestFrame(flush), wait);
    else scheduler.requestFrame(flush);
    fallback = scheduler.setFallback(flush, Math.max(0, wait) + fallbackMs);
  }

  function applyBatch(entries: readonly RingEntry[], skipped: number, stats: CaptureStats): void {
    // Entries the engine evicted before this panel subscribed were never delivered either.
    const beforeSubscribing = subscribed ? 0 : Math.max(0, stats.dropped - skipped);
    subscribed = true;
    ring.addSkipped(skipped + beforeSubscribing);
    const fresh = ascendingAfter(entries, lastSeq);
    counters.duplicates += entries.length - fresh.length;
    ring.append(fresh);
    counters.applied += fresh.length;
    pendingEntries += fresh.length;
    const newest = fresh[fresh.length - 1];
    if (newest) lastSeq = newest.seq;
    const last = entries[entries.length - 1];
    if (last) transport.send({ kind: 'ack', seq: last.seq });
    pendingStats = stats;
    schedule();
  }

  return {
    handle(message) {
      if (message.kind === 'batch') {
        applyBatch(message.entries, message.skipped, message.stats);
        return true;
      }
      if (message.kind === 'cleared') {
        ring.clear();
        floodFlushAt = Number.NEGATIVE_INFINITY;
        pendingStats = message.stats;
        onCleared?.();
        schedule();
        return true;
      }
      return false;
    },
    counters: () => ({ ...counters }),
  };
}

/** The entries with seq above `after`, each above the one before (a replay or a stray repeat is dropped). */
function ascendingAfter(entries: readonly RingEntry[], after: number): readonly RingEntry[] {
  let previous = after;
  let ordered = true;
  for (const entry of entries) {
    if (entry.seq <= previous) {
      ordered = false;
      break;
    }
    previous = entry.seq;
  }
  if (ordered) return entries;
  previous = after;
  return entries.filter((entry) => {
    if (entry.seq <= previous) return false;
    previous = entry.seq;
    return true;
  });
}
