import { describe, expect, it } from 'vitest';
import { rowKey, rowsInRange, tailRows, virtualCountFor } from './frame-log-rows';

describe('virtualCountFor', () => {
  it('covers every row with a count that changes only at powers of two', () => {
    expect(virtualCountFor(0)).toBe(0);
    expect(virtualCountFor(1)).toBe(1024);
    expect(virtualCountFor(1024)).toBe(1024);
    expect(virtualCountFor(1025)).toBe(2048);
    expect(virtualCountFor(200_000)).toBe(262_144);
    const counts = new Set(Array.from({ length: 200_000 }, (_, rows) => virtualCountFor(rows + 1)));
    expect(counts.size).toBe(9);
  });
});

describe('rows to render', () => {
  it('follows the newest rows: the visible ones plus overscan above', () => {
    expect(tailRows(100, 10, 3)).toEqual([87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99]);
    expect(tailRows(4, 10, 3)).toEqual([0, 1, 2, 3]);
    expect(tailRows(0, 10, 3)).toEqual([]);
  });

  it('cuts a scrolled range to the rows that exist', () => {
    expect(rowsInRange(10, 14, 2, 100)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(rowsInRange(0, 20, 2, 5)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('row keys', () => {
  it('while following, keys the rows by their place in the window, so new rows reuse the same elements', () => {
    const before = [90, 91, 92].map((row) => rowKey(row, row * 10, true, 90));
    const after = [95, 96, 97].map((row) => rowKey(row, row * 10, true, 95));
    expect(after).toEqual(before);
    expect(new Set(before).size).toBe(3);
  });

  it('scrolled away, keys the rows by seq, so a scroll step keeps the rows still shown', () => {
    const before = [10, 11, 12].map((row) => rowKey(row, row + 1000, false, 10));
    const after = [11, 12, 13].map((row) => rowKey(row, row + 1000, false, 11));
    expect(after.slice(0, 2)).toEqual(before.slice(1));
    expect(after).not.toContain(before[0]);
  });
});
