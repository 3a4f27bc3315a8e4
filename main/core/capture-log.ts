// The capture log: a fixed-capacity ring of entries in seq order, bounded in entries and in bytes. The
// oldest entry is evicted when the ring is full or the held payloads pass the byte bound, and every
// eviction is counted, so what was lost is always known exactly (the saved session keeps everything).
// Entries are held compactly (entry-ring.ts, docs/architecture.md#capture-memory).
import type { CaptureEntry, CaptureStats } from '../../shared/capture';
import { systemClock } from './clock';
import { logWarning } from './engine-warning';
import { createEntryRing } from './entry-ring';
import type { CaptureLog, CaptureOptions, Clock, NewCaptureEntry } from './ports';
import { copyPrefix } from './string-copy';

export const DEFAULT_CAPTURE_OPTIONS: CaptureOptions = { capacity: 200_000, payloadCap: 1024 * 1024, maxBytes: 256 * 1024 * 1024 };

/** What an entry costs besides its payload (object, times, ids, small details), a deliberate overestimate. */
const ENTRY_OVERHEAD_BYTES = 512;

/** Bytes an entry holds: its payload as UTF-16 plus the fixed overhead. */
export function entryBytes(entry: { payload?: string }): number {
  return payloadEntryBytes(entry.payload?.length ?? 0);
}

function payloadEntryBytes(payloadChars: number): number {
  return ENTRY_OVERHEAD_BYTES + 2 * payloadChars;
}

export function createCaptureLog(options: Partial<CaptureOptions> = {}, clock: Clock = systemClock): CaptureLog {
  const { capacity, payloadCap, maxBytes } = { ...DEFAULT_CAPTURE_OPTIONS, ...options };
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capture capacity must be a positive integer');
  if (!Number.isFinite(maxBytes) || maxBytes < 1) throw new RangeError('capture byte bound must be a positive number');
  const ring = createEntryRing(capacity, options.payloadArenaBytes);
  const listeners = new Set<() => void>();
  let firstSeq = 0; // seq of the oldest held entry
  let next = 0; // seq the next entry gets
  let dropped = 0;
  let cleared = 0; // entries removed by clear(), not counted as dropped
  let heldBytes = 0;
  let boundReported = false;

  const held = () => next - firstSeq;
  const notify = (): void => {
    for (const listener of listeners) listener();
  };

  const wallTimeAt = (monoTime: number): number => (clock.wallTimeOf ? clock.wallTimeOf(monoTime) : clock.now());

  /** The part of a payload the log keeps: its first payloadCap characters, or undefined when it is kept whole. */
  const cutOf = (payload: string): string | undefined => (payload.length > payloadCap ? copyPrefix(payload, payloadCap) : undefined);

  // The log takes ownership of the entry object (callers build a fresh one per append): stamping it in
  // place instead of copying keeps floods cheap.
  function stamp(entry: NewCaptureEntry): CaptureEntry {
    const stamped = entry as CaptureEntry;
    const cut = entry.payload === undefined ? undefined : cutOf(entry.payload);
    if (cut !== undefined) {
      stamped.payload = cut;
      stamped.truncated = true;
    }
    stamped.seq = next;
    const monoTime = clock.monotonic();
    stamped.wallTime = wallTimeAt(monoTime);
    stamped.monoTime = monoTime;
    return stamped;
  }

  function evictOldest(): void {
    heldBytes -= payloadEntryBytes(ring.fields.payloadLength(firstSeq));
    ring.release(firstSeq);
    firstSeq += 1;
    dropped += 1;
  }

  // Once per fill (again after clear): the panel says why older entries are gone and where they still are.
  function reportByteBound(): void {
    boundReported = true;
    logWarning(log, { clientId: '' }, {
      id: 'capture-memory-bound',
      message: `The capture holds at most ${maxBytes} bytes in memory: older entries leave the live log (the saved session keeps them).`,
      detail: { maxBytes, dropped },
    });
  }

  /** Evicts for an entry of `bytes`; answers whether the byte bound evicted. */
  function makeRoom(bytes: number): boolean {
    if (held() === capacity) evictOldest();
    let byBytes = false;
    while (held() > 0 && heldBytes + bytes > maxBytes) {
      evictOldest();
      byBytes = true;
    }
    return byBytes;
  }

  /** After the ring took the entry of `next`. */
  function appended(bytes: number, byBytes: boolean): void {
    next += 1;
    heldBytes += bytes;
    notify();
    if (byBytes && !boundReported) reportByteBound();
  }

  const log: CaptureLog = {
    append(newEntry) {
      const clocked = stamp(newEntry);
      const bytes = entryBytes(clocked);
      const byBytes = makeRoom(bytes);
      ring.put(clocked);
      appended(bytes, byBytes);
      return clocked;
    },
    appendFrame(clientId, connectionId, binary, size, payload, frameBytes) {
      const cut = cutOf(payload);
      const kept = cut ?? payload;
      const bytes = payloadEntryBytes(kept.length);
      const byBytes = makeRoom(bytes);
      const monoTime = clock.monotonic();
      // A cut payload keeps its string: the arena holds whole frames only.
      ring.putFrame(next, wallTimeAt(monoTime), monoTime, clientId, connectionId, binary, size, kept, cut !== undefined, cut === undefined ? frameBytes : undefined);
      appended(bytes, byBytes);
    },
    fields: ring.fields,
    get(seq) {
      if (seq < firstSeq || seq >= next) return undefined;
      return ring.read(seq);
    },
    *from(fromSeq) {
      for (let seq = Math.max(fromSeq, firstSeq); seq < next; seq += 1) yield ring.read(seq);
    },
    stats(): CaptureStats {
      return { total: next, dropped, held: held(), capacity, cleared };
    },
    nextSeq: () => next,
    heldBytes: () => heldBytes,
    clear() {
      cleared += held();
      ring.releaseAll();
      firstSeq = next;
      heldBytes = 0;
      boundReported = false;
      notify();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return log;
}
