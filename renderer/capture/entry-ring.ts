// The panel's copy of the capture: a fixed-capacity circular buffer outside React, so a flood of frames
// costs one slot write per entry and no array copies. It is the single source the frame log, the timeline
// and the warnings read; React learns about changes only through the store's `version` (panel-store.ts).
//
// Positions: `at(i)` counts from the oldest held entry (0 ≤ i < size()). An incremental reader keeps an
// absolute position instead: the entry at absolute position p is `at(p - evicted())`, and the next entry
// to arrive gets absolute position `appended()`. When `generation()` changes (clear, import, back to live)
// every absolute position is void: start over from 0.
import type { CaptureEntry } from '../../shared/capture';

/** An entry as the panel holds it: payloads may be a preview (`previewOnly`), fetch the rest with get-entry. */
export type RingEntry = CaptureEntry & { previewOnly?: boolean };

/**
 * Seqs the stream skipped between two held entries (the engine's ring evicted them before they were sent):
 * `fromSeq`…`toSeq`, just before the held entry at absolute position `position` (docs/behaviour.md#a27-gaps-in-the-live-log).
 */
export interface SeqGap {
  fromSeq: number;
  toSeq: number;
  position: number;
}

/** What every reader of the capture may call (see the module comment for positions). */
export interface EntryRingView {
  readonly capacity: number;
  size(): number;
  /** 0 = oldest held entry. */
  at(index: number): RingEntry | undefined;
  /** Binary search: seqs are ascending. */
  bySeq(seq: number): RingEntry | undefined;
  /** Index (for `at`) of the entry with this seq, -1 when not held. */
  indexOfSeq(seq: number): number;
  forEach(visit: (entry: RingEntry, index: number) => void, fromIndex?: number): void;
  /** Entries evicted because the ring was full, since the last reset: absolute position of `at(0)`. */
  evicted(): number;
  /** Absolute position the next entry will get (= evicted() + size()). */
  appended(): number;
  /** Entries the engine never delivered (evicted from its ring before they were sent). */
  skipped(): number;
  /** Changes on every reset (clear, import, back to live). */
  generation(): number;
  /** The seq gaps before held entries, by position (a gap leaves once the entry after it is evicted). */
  gaps(): readonly SeqGap[];
}

/** A ring that can be written: the batch applier and the import owner hold this. */
export interface EntryRing extends EntryRingView {
  append(entries: readonly RingEntry[]): void;
  addSkipped(count: number): void;
  clear(): void;
}

/** Same capacity as the engine's capture log, so the panel holds everything the engine still holds. */
export const DEFAULT_RING_CAPACITY = 200_000;

let generations = 0;

/** Builds an empty ring; `capacity` bounds the memory whatever the traffic. */
export function createEntryRing(capacity: number = DEFAULT_RING_CAPACITY): EntryRing {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('ring capacity must be a positive integer');
  let slots: (RingEntry | undefined)[] = [];
  let head = 0; // slot of the oldest held entry
  let held = 0;
  let evictedCount = 0;
  let skippedCount = 0;
  let generation = ++generations;
  let gaps: SeqGap[] = [];
  let lastSeq = -1;

  const slotOf = (index: number) => (head + index) % capacity;

  function indexOfSeq(seq: number): number {
    let low = 0;
    let high = held - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const found = slots[slotOf(middle)] as RingEntry;
      if (found.seq === seq) return middle;
      if (found.seq < seq) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  return {
    capacity,
    size: () => held,
    at: (index) => (Number.isInteger(index) && index >= 0 && index < held ? slots[slotOf(index)] : undefined),
    bySeq(seq) {
      const index = indexOfSeq(seq);
      return index < 0 ? undefined : slots[slotOf(index)];
    },
    indexOfSeq,
    forEach(visit, fromIndex = 0) {
      for (let index = Math.max(0, fromIndex); index < held; index += 1) visit(slots[slotOf(index)] as RingEntry, index);
    },
    evicted: () => evictedCount,
    appended: () => evictedCount + held,
    skipped: () => skippedCount,
    generation: () => generation,
    gaps: () => gaps,
    append(entries) {
      for (const entry of entries) {
        if (held > 0 && entry.seq > lastSeq + 1) gaps.push({ fromSeq: lastSeq + 1, toSeq: entry.seq - 1, position: evictedCount + held });
        lastSeq = entry.seq;
        if (held < capacity) {
          // Until the ring is first full, head stays 0 and the slots grow by push.
          slots.push(entry);
          held += 1;
        } else {
          slots[head] = entry;
          head = (head + 1) % capacity;
          evictedCount += 1;
        }
      }
      while (gaps.length > 0 && (gaps[0] as SeqGap).position < evictedCount) gaps.shift();
    },
    addSkipped(count) {
      if (Number.isInteger(count) && count > 0) skippedCount += count;
    },
    clear() {
      slots = [];
      head = 0;
      held = 0;
      evictedCount = 0;
      skippedCount = 0;
      gaps = [];
      lastSeq = -1;
      generation = ++generations;
    },
  };
}

/** Where live batches go, also while an imported log is shown. */
export const liveRing: EntryRing = createEntryRing();

let shown: EntryRingView = liveRing;
let shownGeneration = ++generations;

/**
 * The ring the panel shows: the live ring, or an imported log. Every view (log, timeline, warnings)
 * reads this one; its generation changes whenever the shown content is swapped or reset.
 */
export const entryRing: EntryRingView = {
  get capacity() {
    return shown.capacity;
  },
  size: () => shown.size(),
  at: (index) => shown.at(index),
  bySeq: (seq) => shown.bySeq(seq),
  indexOfSeq: (seq) => shown.indexOfSeq(seq),
  forEach: (visit, fromIndex) => shown.forEach(visit, fromIndex),
  evicted: () => shown.evicted(),
  appended: () => shown.appended(),
  skipped: () => shown.skipped(),
  gaps: () => shown.gaps(),
  // Both come from one rising counter, so the larger one changes on a swap and on a reset of the shown ring.
  generation: () => Math.max(shownGeneration, shown.generation()),
};

/** Shows `entries` (an imported log, in seq order) instead of the live ring. */
export function showImportedEntries(entries: readonly CaptureEntry[]): void {
  const imported = createEntryRing(Math.max(1, entries.length));
  imported.append(entries);
  shown = imported;
  shownGeneration = ++generations;
}

/** Shows the live ring again (it kept filling while the import was shown). */
export function showLiveEntries(): void {
  shown = liveRing;
  shownGeneration = ++generations;
}

/** True while the live ring is the one shown. */
export function isShowingLive(): boolean {
  return shown === liveRing;
}
