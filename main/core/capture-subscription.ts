// Streams the capture log to one panel in batches with credit backpressure (docs/architecture.md#streaming): the
// ring is authoritative and the subscriber only holds a cursor (the next seq to send), so a slow panel
// costs no memory — it resumes from the ring when it acks, and learns exactly how many entries the ring
// evicted before they could be sent.
import type { CaptureEntry, CaptureStats } from '../../shared/capture';
import type { PanelMessage } from '../../shared/panel-wire';
import type { CaptureLog, HeldEntryFields } from './ports';

export type BatchMessage = Extract<PanelMessage, { kind: 'batch' }>;
export type ClearedMessage = Extract<PanelMessage, { kind: 'cleared' }>;
/** What a subscription emits: batches, and `cleared` when the log was cleared (by anyone). */
export type CaptureStreamMessage = BatchMessage | ClearedMessage;

/** Timer functions, injectable so tests can drive time. */
export interface SubscriptionTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface CaptureSubscriptionOptions {
  /** Longest wait of the first pending entry before a flush (ms). */
  waitMs: number;
  /** A batch holds at most this many entries; this many pending flush at once. */
  maxEntries: number;
  /** A batch holds at most about this many payload characters (previews); this many pending flush at once. */
  maxBytes: number;
  /** Batches sent and not acked; beyond this, sending stops until an ack. */
  maxInFlight: number;
  /** Payloads longer than this are cut and flagged `previewOnly` (full entry via get-entry). */
  previewChars: number;
  timers: SubscriptionTimers;
}

export const DEFAULT_SUBSCRIPTION_OPTIONS: CaptureSubscriptionOptions = {
  waitMs: 16,
  maxEntries: 512,
  maxBytes: 256 * 1024,
  maxInFlight: 4,
  previewChars: 1024,
  timers: {
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  },
};

/** One panel's live view of the capture. */
export interface CaptureSubscription {
  /** Credit: the panel applied every entry up to and including seq. */
  ack(seq: number): void;
  /** Batches sent and not yet acked. */
  inFlight(): number;
  /** Stops listening and cancels timers; nothing is emitted afterwards. */
  close(): void;
}

/**
 * Subscribes `sink` to `log`: replays what the ring holds, then streams new entries. Lifecycle, error,
 * warning and control-frame entries flush at once (so the timeline never lags); others wait at most
 * `waitMs` from the first pending entry, or flush when `maxEntries`/`maxBytes` are pending.
 */
export function createCaptureSubscription(
  log: CaptureLog,
  sink: (message: CaptureStreamMessage) => void,
  options: Partial<CaptureSubscriptionOptions> = {},
): CaptureSubscription {
  const { waitMs, maxEntries, maxBytes, maxInFlight, previewChars, timers } = { ...DEFAULT_SUBSCRIPTION_OPTIONS, ...options };
  let cursor = firstHeldSeq(log.stats()); // next seq to send
  let lastNext = log.nextSeq(); // nextSeq seen by the last change: unchanged on a change means a clear
  let pendingChars = 0; // preview characters appended since the last flush (a trigger estimate)
  const inFlightLastSeqs: number[] = []; // last seq of each unacked batch, ascending
  let timer: unknown;
  let flushQueued = false;
  let closed = false;

  const pendingCount = () => log.nextSeq() - cursor;
  const hasCredit = () => inFlightLastSeqs.length < maxInFlight;

  function disarmTimer(): void {
    if (timer === undefined) return;
    timers.clearTimeout(timer);
    timer = undefined;
  }

  function armTimer(): void {
    if (timer !== undefined || closed) return;
    timer = timers.setTimeout(() => {
      timer = undefined;
      flush();
    }, waitMs);
  }

  /** Flush on a microtask: entries appended in one synchronous burst (a close and its error) share a batch. */
  function queueFlush(): void {
    if (flushQueued || closed) return;
    flushQueued = true;
    queueMicrotask(() => {
      flushQueued = false;
      flush();
    });
  }

  /** Sends batches from the cursor while there is credit; whatever remains waits for an ack. */
  function flush(): void {
    disarmTimer();
    while (!closed && pendingCount() > 0 && hasCredit()) sendBatch();
    if (pendingCount() <= 0) pendingChars = 0;
  }

  function sendBatch(): void {
    const stats = log.stats();
    const held = firstHeldSeq(stats);
    const skipped = Math.max(0, held - cursor);
    const entries: BatchMessage['entries'] = [];
    let chars = 0;
    // By index, not through log.from(): no generator step and result object per entry (docs/architecture.md#capture-cpu).
    const end = log.nextSeq();
    for (let seq = Math.max(cursor, held); seq < end; seq += 1) {
      const entry = log.get(seq) as CaptureEntry; // held: between the oldest held seq and nextSeq
      const preview = toPreview(entry, previewChars);
      entries.push(preview);
      chars += preview.payload?.length ?? 0;
      if (entries.length >= maxEntries || chars >= maxBytes) break;
    }
    const last = entries[entries.length - 1];
    cursor = last ? last.seq + 1 : Math.max(cursor, held);
    pendingChars = Math.max(0, pendingChars - chars);
    if (last) inFlightLastSeqs.push(last.seq);
    emit({ kind: 'batch', entries, skipped, stats });
  }

  /** A sink that throws has lost its panel: stop streaming rather than throw into the engine or a timer. */
  function emit(message: CaptureStreamMessage): void {
    try {
      sink(message);
    } catch {
      subscription.close();
    }
  }

  function onLogChange(): void {
    const next = log.nextSeq();
    if (next === lastNext) {
      onCleared();
      return;
    }
    lastNext = next;
    // The newest entry is held right after its append; read from the columns (an incoming frame has no
    // object until one is read: docs/architecture.md#capture-cpu).
    const seq = next - 1;
    pendingChars += Math.min(log.fields.payloadLength(seq), previewChars);
    if (!hasCredit()) return; // resumed by ack()
    if (isUrgent(log.fields, seq) || pendingCount() >= maxEntries || pendingChars >= maxBytes) queueFlush();
    else armTimer();
  }

  /** Cleared entries were removed on purpose: nothing pending is owed, nothing is counted as skipped. */
  function onCleared(): void {
    cursor = log.nextSeq();
    pendingChars = 0;
    inFlightLastSeqs.length = 0; // acks of earlier batches carry smaller seqs, so they cannot free new ones
    disarmTimer();
    emit({ kind: 'cleared', stats: log.stats() });
  }

  const unsubscribe = log.onChange(() => {
    if (!closed) onLogChange();
  });
  const subscription: CaptureSubscription = {
    ack(seq) {
      if (closed) return;
      const before = inFlightLastSeqs.length;
      while (inFlightLastSeqs.length > 0 && (inFlightLastSeqs[0] as number) <= seq) inFlightLastSeqs.shift();
      // Entries held back for credit have waited long enough: send them now.
      if (inFlightLastSeqs.length < before && pendingCount() > 0 && timer === undefined) queueFlush();
    },
    inFlight: () => inFlightLastSeqs.length,
    close() {
      closed = true;
      disarmTimer();
      unsubscribe();
    },
  };
  if (pendingCount() > 0) queueFlush(); // replay what the ring holds
  return subscription;
}

function firstHeldSeq(stats: CaptureStats): number {
  return stats.total - stats.held;
}

/** Lifecycle steps, errors, warnings and close/ping/pong frames are what the timeline must show at once. */
function isUrgent(fields: HeldEntryFields, seq: number): boolean {
  const kind = fields.kind(seq);
  return kind === 'lifecycle' || kind === 'error' || kind === 'warning' || (kind === 'frame' && (fields.opcode(seq) ?? 0) >= 8);
}

function toPreview(entry: CaptureEntry, previewChars: number): CaptureEntry & { previewOnly?: boolean } {
  if (entry.payload === undefined || entry.payload.length <= previewChars) return entry;
  return { ...entry, payload: entry.payload.slice(0, previewChars), previewOnly: true };
}
