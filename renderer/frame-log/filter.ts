// The frame log's filter: which ring positions are shown. It produces an index (absolute ring positions,
// see entry-ring.ts), never copies records, and is incremental: when new entries arrive only they are
// tested, when the ring evicts only the front is dropped; it starts over only when the filter or the ring's
// generation changes. With no filter active the index is the identity and costs nothing. Given a deadline
// it stops there and says it is not complete, so a filter over a huge log is built across several calls
// (the frame log makes one per task) instead of blocking the panel.
import type { CaptureEntry } from '../../shared/capture';
import type { EntryRingView } from '../capture/entry-ring';
import { ENTRY_TYPES, entryTypeOf } from '../capture/entry-type';
import type { LogFilters } from '../store/log-filters';
import { decodedQueryPredicate, parseDecodedQuery } from '../decoders/decoded-query';
import { binaryPayloadText } from '../../shared/binary-text';
import { compileTextSearch } from '../../shared/entry-text-search';
import { compileTextMatcher } from '../../shared/text-matcher';

/** One compiled filter: a predicate on entries. */
export interface EntryPredicate {
  /** True when every entry passes (no filter set). */
  passesAll: boolean;
  /** 'regex' / 'literal' / 'all': how the text part was understood (shown next to the box). */
  textMode: 'regex' | 'literal' | 'all';
  test(entry: CaptureEntry): boolean;
}

/** Compiles `filters` into a predicate. */
export function compileFilters(filters: LogFilters): EntryPredicate {
  const directions = new Set(filters.directions);
  const types = new Set(filters.types);
  const matcher = compileTextMatcher(filters.text);
  const allDirections = directions.has('in') && directions.has('out') && directions.has('none');
  const allTypes = ENTRY_TYPES.every((type) => types.has(type));
  const connectionId = filters.connectionId;
  // `event:` / `topic:` / `type:` filter on decoded fields instead of the text (docs/architecture.md#decoded-field-filters).
  const decoded = parseDecodedQuery(filters.text, (pattern) => compileTextMatcher(pattern).test);
  const textMatches = decoded ? decodedQueryPredicate(decoded) : matcher.mode === 'all' ? null : compileTextSearch(matcher.test, binaryPayloadText);
  return {
    passesAll: allDirections && allTypes && connectionId === null && textMatches === null,
    textMode: matcher.mode,
    test(entry) {
      if (!allDirections && !directions.has(entry.direction)) return false;
      if (!allTypes && !types.has(entryTypeOf(entry))) return false;
      if (connectionId !== null && entry.connectionId !== connectionId) return false;
      return textMatches === null || textMatches(entry);
    },
  };
}

/**
 * The shown rows: row r is the entry at absolute ring position `positionAt(r)`. `hidden` counts the
 * entries in the considered range the filter rejected.
 */
export interface FilteredIndex {
  readonly generation: number;
  readonly filters: LogFilters;
  /** Absolute positions below this were considered. */
  readonly scannedTo: number;
  /** False when the deadline cut the scan short: update again (same filters) to go on. */
  readonly complete: boolean;
  readonly rowCount: number;
  readonly hidden: number;
  positionAt(row: number): number;
  /** The row showing absolute position `position`, or -1. */
  rowOfPosition(position: number): number;
  /** How many rows show positions below `position` (where a row for it would go). */
  rowsBefore(position: number): number;
}

interface IndexState {
  generation: number;
  filters: LogFilters;
  predicate: EntryPredicate;
  /** Absolute positions that passed, ascending; rows start at `start`. Null = identity (no filter). */
  positions: number[] | null;
  start: number;
  /** First absolute position still held (identity index). */
  evicted: number;
  scannedTo: number;
  complete: boolean;
  rowCount: number;
  hidden: number;
}

/** The deadline the frame log gives per task: a bigger log is filtered over several tasks. */
export const FILTER_SLICE_MS = 12;

/**
 * Entries tested between two looks at the clock, so at least this many per call. Small: a decoded-field filter
 * that decodes every frame costs 5–20 µs per entry on a busy machine, so 4096 held the panel's frame 40–120 ms
 * past its deadline during a flood (docs/architecture.md#decoding-cost); a look at the clock costs well under 1 µs.
 */
export const FILTER_SLICE_ENTRIES = 256;

const states = new WeakMap<FilteredIndex, IndexState>();

/**
 * Brings `previous` up to date with `ring` for positions below `upTo` (the ring's `appended()`, or the
 * frozen count while paused), or as far as it gets by `deadline` (a `performance.now()` time; at least one
 * slice of entries is tested per call). Pure in effect: the rows depend only on the inputs, the deadline
 * only decides how far the scan gets; `previous` must not be used afterwards (its position array is reused).
 */
export function updateFilteredIndex(previous: FilteredIndex | null, ring: EntryRingView, filters: LogFilters, upTo: number, deadline = Infinity): FilteredIndex {
  const old = previous ? states.get(previous) : undefined;
  const reusable = old !== undefined && old.generation === ring.generation() && old.filters === filters && upTo >= old.scannedTo;
  const predicate = reusable ? old.predicate : compileFilters(filters);
  const evicted = ring.evicted();
  const end = Math.max(evicted, Math.min(upTo, ring.appended()));
  const state: IndexState = reusable
    ? { ...old }
    : { generation: ring.generation(), filters, predicate, positions: predicate.passesAll ? null : [], start: 0, evicted, scannedTo: evicted, complete: false, rowCount: 0, hidden: 0 };

  if (state.positions === null) {
    state.evicted = evicted;
    state.scannedTo = end;
    state.complete = true;
    state.rowCount = end - evicted;
    state.hidden = 0;
    return freeze(state);
  }

  const positions = state.positions;
  // Drop rows the ring evicted (and the hidden ones counted among them).
  if (evicted > state.evicted) {
    const firstKept = lowerBound(positions, evicted, state.start);
    const droppedShown = firstKept - state.start;
    const droppedConsidered = Math.min(evicted, state.scannedTo) - state.evicted;
    state.hidden = Math.max(0, state.hidden - (droppedConsidered - droppedShown));
    state.start = firstKept;
    state.evicted = evicted;
    if (state.scannedTo < evicted) state.scannedTo = evicted;
    if (state.start > 4096 && state.start * 2 > positions.length) {
      positions.splice(0, state.start);
      state.start = 0;
    }
  }
  let position = state.scannedTo;
  while (position < end) {
    const sliceEnd = Math.min(end, position + FILTER_SLICE_ENTRIES);
    for (; position < sliceEnd; position += 1) {
      const entry = ring.at(position - evicted);
      if (entry && predicate.test(entry)) positions.push(position);
      else state.hidden += 1;
    }
    if (performance.now() >= deadline) break;
  }
  state.scannedTo = position;
  state.complete = position >= end;
  state.rowCount = positions.length - state.start;
  return freeze(state);
}

function freeze(state: IndexState): FilteredIndex {
  const index: FilteredIndex = {
    generation: state.generation,
    filters: state.filters,
    scannedTo: state.scannedTo,
    complete: state.complete,
    rowCount: state.rowCount,
    hidden: state.hidden,
    positionAt: (row) => (state.positions === null ? state.evicted + row : (state.positions[state.start + row] ?? -1)),
    rowOfPosition(position) {
      if (state.positions === null) return position >= state.evicted && position < state.scannedTo ? position - state.evicted : -1;
      const at = lowerBound(state.positions, position, state.start);
      return state.positions[at] === position ? at - state.start : -1;
    },
    rowsBefore(position) {
      if (state.positions === null) return Math.min(state.scannedTo, Math.max(state.evicted, position)) - state.evicted;
      return lowerBound(state.positions, position, state.start) - state.start;
    },
  };
  states.set(index, state);
  return index;
}

/** First index ≥ from whose value is ≥ target. */
function lowerBound(values: readonly number[], target: number, from: number): number {
  let low = from;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((values[middle] as number) < target) low = middle + 1;
    else high = middle;
  }
  return low;
}
