import { describe, expect, it } from 'vitest';
import { createEntryRing } from '../capture/entry-ring';
import { makeEntries, makeEntry } from '../capture/test-support/make-entry';
import { updateFilteredIndex } from './filter';
import { layoutGaps, type LogRowModel } from './gap-rows';
import { NO_FILTERS } from '../store/log-filters';

const describeRow = (model: LogRowModel) => (model.kind === 'ring' ? `r${model.row}` : model.kind === 'filled' ? `f${model.entry.seq}` : `gap${model.fromSeq}-${model.gap.toSeq}`);

describe('gap rows', () => {
  it('the ring records the seqs the stream skipped before each held entry, and forgets a gap once that entry is evicted', () => {
    const ring = createEntryRing(6);
    ring.append([...makeEntries(0, 3), ...makeEntries(10, 2)]);
    ring.append([makeEntry(20)]);
    expect(ring.gaps()).toEqual([
      { fromSeq: 3, toSeq: 9, position: 3 },
      { fromSeq: 12, toSeq: 19, position: 5 },
    ]);
    ring.append(makeEntries(21, 3)); // evicts positions 0–2: the entry after the first gap (position 3) stays
    expect(ring.gaps().map((gap) => gap.fromSeq)).toEqual([3, 12]);
    ring.append([makeEntry(24)]); // evicts position 3 (seq 10)
    expect(ring.gaps().map((gap) => gap.fromSeq)).toEqual([12]);
    ring.clear();
    ring.append([makeEntry(100)]);
    expect(ring.gaps()).toEqual([]);
  });

  it('puts a gap row before the entry after each gap, then the entries read back in its place', () => {
    const ring = createEntryRing(100);
    ring.append([...makeEntries(0, 2), ...makeEntries(5, 2), ...makeEntries(9, 1)]);
    const index = updateFilteredIndex(null, ring, NO_FILTERS, ring.appended());
    const nothingRead = layoutGaps(index, ring.gaps(), () => [], () => true);
    expect(Array.from({ length: nothingRead.rowCount }, (_, row) => describeRow(nothingRead.at(row)))).toEqual(['r0', 'r1', 'gap2-4', 'r2', 'r3', 'gap7-8', 'r4']);
    expect(nothingRead.rowOfRingRow(2)).toBe(3);
    expect(nothingRead.rowOfRingRow(4)).toBe(6);
    expect(nothingRead.gapRows).toEqual([2, 5]);
    expect(nothingRead.unread).toBe(5);

    const partly = layoutGaps(index, ring.gaps(), (gap) => (gap.fromSeq === 2 ? makeEntries(2, 2) : makeEntries(7, 2)), () => true);
    expect(Array.from({ length: partly.rowCount }, (_, row) => describeRow(partly.at(row)))).toEqual(['r0', 'r1', 'f2', 'f3', 'gap4-4', 'r2', 'r3', 'f7', 'f8', 'r4']);
    expect(partly.rowOfRingRow(0)).toBe(0);
    expect(partly.rowOfRingRow(3)).toBe(6);
    expect(partly.rowOfRingRow(4)).toBe(9);
    expect(partly.gapRows).toEqual([4]);
    expect(partly.unread).toBe(1);
  });

  it('filters the entries read back like the log, and keeps a gap row where the filter hides the entry after it', () => {
    const ring = createEntryRing(100);
    ring.append([makeEntry(0), makeEntry(5), makeEntry(6)]);
    const filters = { ...NO_FILTERS, text: 'never-matches-anything' };
    const index = updateFilteredIndex(null, ring, filters, ring.appended());
    expect(index.rowCount).toBe(0);
    const layout = layoutGaps(index, ring.gaps(), () => makeEntries(1, 2), (entry) => entry.seq === 2);
    expect(Array.from({ length: layout.rowCount }, (_, row) => describeRow(layout.at(row)))).toEqual(['f2', 'gap3-4']);
    expect(layout.at(1)).toMatchObject({ kind: 'gap', fromSeq: 3, matched: 1 });
  });

  it('shows no gap whose following entry the index has not considered yet (paused)', () => {
    const ring = createEntryRing(100);
    ring.append([makeEntry(0), makeEntry(5)]);
    const paused = updateFilteredIndex(null, ring, NO_FILTERS, 1);
    expect(layoutGaps(paused, ring.gaps(), () => [], () => true).rowCount).toBe(1);
  });
});
