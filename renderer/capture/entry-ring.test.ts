import { afterEach, describe, expect, it } from 'vitest';
import { createEntryRing, entryRing, isShowingLive, liveRing, showImportedEntries, showLiveEntries } from './entry-ring';
import { makeEntries, makeEntry } from './test-support/make-entry';

const seqs = (ring: { forEach(visit: (entry: { seq: number }) => void): void }) => {
  const out: number[] = [];
  ring.forEach((entry) => out.push(entry.seq));
  return out;
};

describe('entry ring', () => {
  afterEach(() => {
    liveRing.clear();
    showLiveEntries();
  });

  it('holds entries in order and finds them by index and seq', () => {
    const ring = createEntryRing(10);
    ring.append([makeEntry(3), makeEntry(5), makeEntry(9)]);
    expect(ring.size()).toBe(3);
    expect(ring.at(0)?.seq).toBe(3);
    expect(ring.at(2)?.seq).toBe(9);
    expect(ring.at(3)).toBeUndefined();
    expect(ring.at(-1)).toBeUndefined();
    expect(ring.bySeq(5)?.seq).toBe(5);
    expect(ring.bySeq(4)).toBeUndefined();
    expect(ring.indexOfSeq(9)).toBe(2);
  });

  it('evicts the oldest when full and keeps absolute positions consistent', () => {
    const ring = createEntryRing(4);
    ring.append(makeEntries(0, 10));
    expect(ring.size()).toBe(4);
    expect(seqs(ring)).toEqual([6, 7, 8, 9]);
    expect(ring.evicted()).toBe(6);
    expect(ring.appended()).toBe(10);
    expect(ring.bySeq(7)?.seq).toBe(7);
    expect(ring.bySeq(5)).toBeUndefined();
    ring.append([makeEntry(10)]);
    expect(seqs(ring)).toEqual([7, 8, 9, 10]);
    // the entry at absolute position p is at(p - evicted())
    expect(ring.at(10 - ring.evicted())?.seq).toBe(10);
  });

  it('counts skipped entries and resets everything on clear with a new generation', () => {
    const ring = createEntryRing(4);
    ring.append(makeEntries(0, 6));
    ring.addSkipped(3);
    ring.addSkipped(-1);
    expect(ring.skipped()).toBe(3);
    const before = ring.generation();
    ring.clear();
    expect(ring.size()).toBe(0);
    expect(ring.evicted()).toBe(0);
    expect(ring.skipped()).toBe(0);
    expect(ring.generation()).not.toBe(before);
    ring.append(makeEntries(20, 2));
    expect(seqs(ring)).toEqual([20, 21]);
  });

  it('rejects a capacity that is not a positive integer', () => {
    expect(() => createEntryRing(0)).toThrow(RangeError);
    expect(() => createEntryRing(1.5)).toThrow(RangeError);
  });

  it('shows an imported log while the live ring keeps filling, then goes back', () => {
    liveRing.append(makeEntries(0, 3));
    const liveGeneration = entryRing.generation();
    showImportedEntries([makeEntry(100), makeEntry(101)]);
    expect(isShowingLive()).toBe(false);
    expect(seqs(entryRing)).toEqual([100, 101]);
    expect(entryRing.generation()).not.toBe(liveGeneration);
    liveRing.append(makeEntries(3, 2));
    expect(seqs(entryRing)).toEqual([100, 101]);
    const importedGeneration = entryRing.generation();
    showLiveEntries();
    expect(isShowingLive()).toBe(true);
    expect(seqs(entryRing)).toEqual([0, 1, 2, 3, 4]);
    expect(entryRing.generation()).not.toBe(importedGeneration);
  });

  it('changes the shown generation when the live ring is cleared', () => {
    liveRing.append(makeEntries(0, 3));
    const before = entryRing.generation();
    liveRing.clear();
    expect(entryRing.generation()).not.toBe(before);
  });
});
