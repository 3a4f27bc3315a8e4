import { describe, expect, it } from 'vitest';
import { createEntryRing, type EntryRingView } from '../capture/entry-ring';
import { makeEntries, makeEntry } from '../capture/test-support/make-entry';
import { FILTER_SLICE_ENTRIES, compileFilters, updateFilteredIndex, type FilteredIndex } from './filter';
import { NO_FILTERS, type LogFilters } from '../store/log-filters';
import { compileTextMatcher } from '../../shared/text-matcher';

const shownSeqs = (index: FilteredIndex, ring: EntryRingView) =>
  Array.from({ length: index.rowCount }, (_, row) => ring.at(index.positionAt(row) - ring.evicted())?.seq);

describe('text matcher', () => {
  it('uses a case-insensitive regex when the text compiles', () => {
    const matcher = compileTextMatcher('^HEL+o\\s\\d$');
    expect(matcher.mode).toBe('regex');
    expect(matcher.test('hello 5')).toBe(true);
    expect(matcher.test('say hello 5')).toBe(false);
  });

  it('falls back to a case-insensitive literal when the regex does not compile', () => {
    const matcher = compileTextMatcher('price[usd');
    expect(matcher.mode).toBe('literal');
    expect(matcher.test('the PRICE[USD] is 3')).toBe(true);
    expect(matcher.test('price usd')).toBe(false);
  });

  it('matches everything for empty text', () => {
    expect(compileTextMatcher('').test('anything')).toBe(true);
  });

  it('matches a literal with regex characters in it as plain text', () => {
    const matcher = compileTextMatcher('a.b*(c)+[d]{2}|^$\\/-?(');
    expect(matcher.mode).toBe('literal');
    expect(matcher.test('x A.B*(C)+[D]{2}|^$\\/-?( y')).toBe(true);
    expect(matcher.test('aXb*(c)+[d]{2}|^$\\/-?(')).toBe(false);
    expect(matcher.test('a.b*(c)+[d]{2}|^$/-?(')).toBe(false);
  });

  // The literal fallback is a RegExp for speed; it must find exactly what lower-casing finds.
  const lowerCaseRule = (needle: string, candidate: string) => candidate.toLowerCase().includes(needle.toLowerCase());

  it('finds what lower-casing finds, with the characters that lower-case to ASCII', () => {
    const cases: [string, string, boolean][] = [
      ['ki[i', 'KI[İ', true], // "İ" lower-cases to "i" + a combining dot: it can end a match
      ['ki[i', '\u212aI[I', true], // the Kelvin sign lower-cases to "k"
      ['ki[i', 'ki[ı', false], // dotless i does not
      ['i[', 'İ[', false], // … and "İ" cannot sit inside a match (its dot follows the "i")
      ['s(', 'ſ(', false], // long s stays non-ASCII
      ['ÄÖ(', 'xäö(x', true], // non-ASCII needles keep the plain rule
      ['σ(', 'Σ(', true],
      ['σ(', 'ς(', false],
    ];
    for (const [needle, candidate, expected] of cases) {
      const matcher = compileTextMatcher(needle);
      expect(matcher.mode, needle).toBe('literal');
      expect(matcher.test(candidate), `${needle} in ${candidate}`).toBe(expected);
      expect(lowerCaseRule(needle, candidate), `${needle} in ${candidate} (rule)`).toBe(expected);
    }
  });

  it('agrees with lower-casing on many generated strings', () => {
    const alphabet = ['a', 'K', 'k', 'i', 'I', 'İ', 'ı', '\u212a', 'ſ', 's', 'S', '(', '[', '.', '*', '\\', 'é', 'É', ' '];
    let seed = 7;
    const pick = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return alphabet[seed % alphabet.length] as string;
    };
    const word = (length: number) => Array.from({ length }, pick).join('');
    for (let round = 0; round < 400; round += 1) {
      const needle = `(${word(1 + (round % 3))}`; // an unclosed group: never a valid regex
      const matcher = compileTextMatcher(needle);
      expect(matcher.mode).toBe('literal');
      for (let probe = 0; probe < 20; probe += 1) {
        const candidate = probe % 2 === 0 ? word(12) : `${word(3)}${needle.toUpperCase()}${word(3)}`;
        expect(matcher.test(candidate), `${needle} in ${candidate}`).toBe(lowerCaseRule(needle, candidate));
      }
    }
  });
});

describe('compiled filters', () => {
  const frameIn = makeEntry(1, { direction: 'in', payload: '{"type":"ping"}' });
  const frameOut = makeEntry(2, { direction: 'out', payload: 'pong', connectionId: 't4' });
  const binary = makeEntry(3, { opcode: 2, name: 'binary', binary: true, payload: 'AAEC' });
  const call = makeEntry(4, { kind: 'call', name: 'connectSocket', direction: 'none', opcode: undefined, payload: undefined, connectionId: '' });
  const error = makeEntry(5, { kind: 'error', name: 'error', errorCode: 7, errorMessage: 'certificate invalid', cause: 'DEPTH_ZERO_SELF_SIGNED_CERT', payload: undefined, opcode: undefined });
  const all = [frameIn, frameOut, binary, call, error];
  const pass = (filters: Partial<LogFilters>) => {
    const predicate = compileFilters({ ...NO_FILTERS, ...filters });
    return all.filter((entry) => predicate.test(entry)).map((entry) => entry.seq);
  };

  it('passes everything with no filter', () => {
    expect(compileFilters(NO_FILTERS).passesAll).toBe(true);
    expect(pass({})).toEqual([1, 2, 3, 4, 5]);
  });

  it('filters by direction', () => {
    expect(pass({ directions: ['out'] })).toEqual([2]);
    expect(pass({ directions: ['in', 'none'] })).toEqual([1, 3, 4, 5]);
  });

  it('filters by type', () => {
    expect(pass({ types: ['binary'] })).toEqual([3]);
    expect(pass({ types: ['call', 'error'] })).toEqual([4, 5]);
    expect(pass({ types: ['text'] })).toEqual([1, 2]);
  });

  it('filters by connection', () => {
    expect(pass({ connectionId: 't4' })).toEqual([2]);
    expect(pass({ connectionId: 's1' })).toEqual([1, 3, 5]);
  });

  it('searches payload, name, error message and cause by regex or literal', () => {
    expect(pass({ text: 'p[io]ng' })).toEqual([1, 2]);
    expect(pass({ text: 'self_signed' })).toEqual([5]);
    expect(pass({ text: 'CONNECTsocket' })).toEqual([4]);
    expect(pass({ text: '"type":"ping"' })).toEqual([1]);
    expect(pass({ text: '{"type"' })).toEqual([1]); // not a valid regex: literal
    expect(pass({ text: '^pong$' })).toEqual([2]); // anchors hold per field (name, payload, …)
  });

  it('tests the name and the connection id of each entry, also when they change from entry to entry', () => {
    const entries = [
      makeEntry(1, { connectionId: 's1', name: 'text' }),
      makeEntry(2, { connectionId: 't4', name: 'binary', binary: true, payload: 'AAEC' }),
      makeEntry(3, { connectionId: 's1', name: 'text' }),
      makeEntry(4, { connectionId: 't4', name: 'text' }),
      makeEntry(5, { connectionId: '', name: 'binary', binary: true, payload: 'AAEC' }),
    ];
    const passing = (text: string) => {
      const predicate = compileFilters({ ...NO_FILTERS, text });
      return entries.filter((entry) => predicate.test(entry)).map((entry) => entry.seq);
    };
    expect(passing('^t4$')).toEqual([2, 4]);
    expect(passing('^BINARY$')).toEqual([2, 5]);
    expect(passing('^s1$')).toEqual([1, 3]);
    expect(passing('hello [13]')).toEqual([1, 3]);
  });

  it('combines every part', () => {
    expect(pass({ directions: ['in'], types: ['text'], text: 'ping' })).toEqual([1]);
    expect(pass({ directions: ['out'], text: 'ping' })).toEqual([]);
  });
});

describe('filtered index', () => {
  const textFilter: LogFilters = { ...NO_FILTERS, text: 'even' };
  const fill = (ring: ReturnType<typeof createEntryRing>, from: number, count: number) =>
    ring.append(makeEntries(from, count).map((entry) => ({ ...entry, payload: entry.seq % 2 === 0 ? 'even' : 'odd' })));

  it('is the identity without a filter and counts nothing hidden', () => {
    const ring = createEntryRing(100);
    fill(ring, 0, 10);
    const index = updateFilteredIndex(null, ring, NO_FILTERS, ring.appended());
    expect(index.rowCount).toBe(10);
    expect(index.hidden).toBe(0);
    expect(shownSeqs(index, ring)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(index.rowOfPosition(4)).toBe(4);
  });

  it('indexes matching positions and counts the hidden ones', () => {
    const ring = createEntryRing(100);
    fill(ring, 0, 10);
    const index = updateFilteredIndex(null, ring, textFilter, ring.appended());
    expect(shownSeqs(index, ring)).toEqual([0, 2, 4, 6, 8]);
    expect(index.hidden).toBe(5);
    expect(index.rowOfPosition(6)).toBe(3);
    expect(index.rowOfPosition(7)).toBe(-1);
  });

  it('tests only new entries when the ring grows', () => {
    const ring = createEntryRing(100);
    fill(ring, 0, 10);
    let index = updateFilteredIndex(null, ring, textFilter, ring.appended());
    fill(ring, 10, 6);
    let tested = 0;
    const counting: EntryRingView = { ...ring, at: (i) => (tested++, ring.at(i)) };
    index = updateFilteredIndex(index, counting, textFilter, ring.appended());
    expect(tested).toBe(6);
    expect(shownSeqs(index, ring)).toEqual([0, 2, 4, 6, 8, 10, 12, 14]);
    expect(index.hidden).toBe(8);
  });

  it('gives the same rows incrementally as from scratch, across evictions', () => {
    const ring = createEntryRing(25);
    let index: FilteredIndex | null = null;
    for (let step = 0; step < 12; step += 1) {
      fill(ring, step * 7, 7);
      index = updateFilteredIndex(index, ring, textFilter, ring.appended());
      const scratch = updateFilteredIndex(null, ring, textFilter, ring.appended());
      expect(shownSeqs(index, ring)).toEqual(shownSeqs(scratch, ring));
      expect(index.hidden).toBe(scratch.hidden);
    }
    expect(ring.evicted()).toBeGreaterThan(0);
  });

  it('goes on across calls when a deadline cuts the scan short, to the same rows as in one go', () => {
    const ring = createEntryRing(20_000);
    fill(ring, 0, 10_000);
    const passed = 0; // a deadline already passed: one slice per call
    let index = updateFilteredIndex(null, ring, textFilter, ring.appended(), passed);
    expect(index.complete).toBe(false);
    expect(index.scannedTo).toBeGreaterThan(0);
    expect(index.scannedTo).toBeLessThan(10_000);
    let calls = 1;
    while (!index.complete) {
      const before = index.scannedTo;
      if (calls === 1) fill(ring, 10_000, 100); // arrivals meanwhile are scanned too
      index = updateFilteredIndex(index, ring, textFilter, ring.appended(), passed);
      expect(index.scannedTo).toBeGreaterThan(before);
      calls += 1;
    }
    expect(calls).toBeGreaterThan(2);
    const whole = updateFilteredIndex(null, ring, textFilter, ring.appended());
    expect(whole.complete).toBe(true);
    expect(index.scannedTo).toBe(10_100);
    expect(index.rowCount).toBe(whole.rowCount);
    expect(index.hidden).toBe(whole.hidden);
    expect(shownSeqs(index, ring)).toEqual(shownSeqs(whole, ring));
    expect(updateFilteredIndex(null, ring, NO_FILTERS, ring.appended(), passed).complete).toBe(true);
  });

  it('tests one small slice past a passed deadline, so a slow filter cannot hold a flood\'s frame long', () => {
    const ring = createEntryRing(20_000);
    fill(ring, 0, 10_000);
    const index = updateFilteredIndex(null, ring, textFilter, ring.appended(), 0);
    expect(index.scannedTo).toBe(FILTER_SLICE_ENTRIES);
    expect(FILTER_SLICE_ENTRIES).toBeLessThanOrEqual(512);
    expect(index.rowCount + index.hidden).toBe(FILTER_SLICE_ENTRIES);
  });

  it('stops at upTo (pause) and starts over when the filter or the generation changes', () => {
    const ring = createEntryRing(100);
    fill(ring, 0, 10);
    const paused = updateFilteredIndex(null, ring, textFilter, 6);
    expect(shownSeqs(paused, ring)).toEqual([0, 2, 4]);
    const otherFilter = { ...NO_FILTERS, text: 'odd' };
    const refiltered = updateFilteredIndex(paused, ring, otherFilter, ring.appended());
    expect(shownSeqs(refiltered, ring)).toEqual([1, 3, 5, 7, 9]);
    ring.clear();
    fill(ring, 50, 2);
    const afterClear = updateFilteredIndex(refiltered, ring, otherFilter, ring.appended());
    expect(shownSeqs(afterClear, ring)).toEqual([51]);
  });
});

describe('searchable text', () => {
  it('finds binary payloads by their UTF-8 text and calls by their options', () => {
    const binary = makeEntry(1, { opcode: 2, name: 'binary', binary: true, payload: btoa('Hello, mini program!') });
    const call = makeEntry(2, { kind: 'call', name: 'sendSocketMessage', direction: 'none', opcode: undefined, payload: undefined, detail: { options: { data: 'ping-42' } } });
    const predicate = compileFilters({ ...NO_FILTERS, text: 'hel+o, mini' });
    expect(predicate.test(binary)).toBe(true);
    expect(compileFilters({ ...NO_FILTERS, text: 'ping-\\d+' }).test(call)).toBe(true);
  });
});
