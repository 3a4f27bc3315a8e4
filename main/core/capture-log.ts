// The capture log: a fixed-capacity ring of entries in seq order. The oldest entry is evicted when the
// ring is full, and every eviction is counted, so what was lost is always known exactly.
import type { CaptureEntry, CaptureStats } from '../../shared/capture';
import { systemClock } from './clock';
import type { CaptureLog, CaptureOptions, Clock, NewCaptureEntry } from './ports';

export const DEFAULT_CAPTURE_OPTIONS: CaptureOptions = { capacity: 200_000, payloadCap: 1024 * 1024 };

export function createCaptureLog(options: Partial<CaptureOptions> = {}, clock: Clock = systemClock): CaptureLog {
  const { capacity, payloadCap } = { ...DEFAULT_CAPTURE_OPTIONS, ...options };
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capture capacity must be a positive integer');
  const ring: (CaptureEntry | undefined)[] = new Array(capacity);
  const listeners = new Set<() => void>();
  let firstSeq = 0; // seq of the oldest held entry
  let next = 0; // seq the next entry gets
  let dropped = 0;
  let cleared = 0; // entries removed by clear(), not counted as dropped

  const held = () => next - firstSeq;
  const notify = () => listeners.forEach((listener) => listener());

  // The log takes ownership of the entry object (callers build a fresh one per append): stamping it in
  // place instead of copying keeps floods cheap.
  function stamp(entry: NewCaptureEntry): CaptureEntry {
    const stamped = entry as CaptureEntry;
    if (entry.payload !== undefined && entry.payload.length > payloadCap) {
      stamped.payload = entry.payload.slice(0, payloadCap);
      stamped.truncated = true;
    }
    stamped.seq = next;
    stamped.wallTime = clock.now();
    stamped.monoTime = clock.monotonic();
    return stamped;
  }

  return {
    append(newEntry) {
      const clocked = stamp(newEntry);
      if (held() === capacity) {
        ring[firstSeq % capacity] = undefined;
        firstSeq += 1;
        dropped += 1;
      }
      ring[next % capacity] = clocked;
      next += 1;
      notify();
      return clocked;
    },
    get(seq) {
      if (seq < firstSeq || seq >= next) return undefined;
      return ring[seq % capacity];
    },
    *from(fromSeq) {
      for (let seq = Math.max(fromSeq, firstSeq); seq < next; seq += 1) {
        const entry = ring[seq % capacity];
        if (entry) yield entry;
      }
    },
    stats(): CaptureStats {
      return { total: next, dropped, held: held(), capacity, cleared };
    },
    nextSeq: () => next,
    clear() {
      cleared += held();
      ring.fill(undefined);
      firstSeq = next;
      notify();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
