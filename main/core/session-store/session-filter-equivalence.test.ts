// The whole-session filter's byte-first path against the straightforward filter (every entry decoded and
// tested with the panel's predicate), on real session files with tricky content and many queries.
import { describe, expect, it } from 'vitest';
import type { CaptureEntry } from '../../../shared/capture';
import { sessionTextSearch } from './session-filter';
import { openSessionStore, type SessionStore } from './session-store';
import { collect, frameEntry, withTempDir } from './test-support/entries';

/** Text where byte search and case folding part ways: cased non-ASCII, the Kelvin sign, "İ", "ſ", CJK, emoji, regex syntax. */
const TOKENS = ['hello', 'HeLLo', 'straße', 'STRASSE', 'ſtop', '\u212a-sign', 'KELVIN', 'kelvin', '\u0130stanbul', 'istanbul', 'wifi', 'WIFI\u0130', 'ıi', '中文支付', '支付宝', 'カタカナ', '한국어', 'emoji 😀', 'Σίσυφος', 'ΣΊΣΥΦΟΣ', 'ÄÖÜ', 'äöü', '0000:', '10000:', 'a.b', 'a+b', '(x', '[y]', '\\', 'q{2}', 'tab\there', 'line\nbreak', '"quoted"', 'frame-12', 'Kilo', 'ok', '\u212a(x)', '(WIF\u0130', 'bo\u212a('];

/** A small seeded generator, so a failure names a query that can be run again. */
function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function text(random: () => number): string {
  return Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(random, TOKENS)).join(pick(random, [' ', '', '/', ':', '(']));
}

/** The tricky entries: text, binary (base64 of text or of bytes that are no UTF-8), calls with details whose keys reorder, errors, pages. */
function trickyEntry(seq: number, random: () => number): CaptureEntry {
  const base = frameEntry(seq, pick(random, ['t1', 'conn-支付', 'K-\u212a']), text(random));
  switch (Math.floor(random() * 6)) {
    case 0: {
      const bytes = random() < 0.5 ? Buffer.from(text(random)) : Buffer.from([0xff, 0x68, 0x65, 0x6c, 0xc3, 0x28, 0x6c, 0x6f, 0xe4, 0xb8]);
      return { ...base, name: 'binary', opcode: 2, binary: true, payload: bytes.toString('base64') };
    }
    case 1:
      return { ...base, kind: 'call', name: 'connectSocket', direction: 'none', payload: undefined, opcode: undefined, detail: { b: text(random), 2: text(random), 1: 'x', url: `wss://${text(random)}` } };
    case 2:
      return { ...base, kind: 'error', name: 'error', errorCode: 4, errorMessage: text(random), cause: text(random), page: text(random) };
    case 3:
      return { ...base, detail: { hidden: text(random) } }; // a frame's detail is not searched
    default:
      return base;
  }
}

/** Bytes that are no clean UTF-8: a stray continuation byte, an unfinished sequence, an invalid lead. */
const BAD_UTF8 = [[0x80], [0xe4, 0xb8], [0xff], [0xc3, 0x28], [0xf0, 0x9f, 0x98]];

/** A binary frame's bytes: random bytes, UTF-8 text, text cut mid-character or mixed with invalid UTF-8, a BOM. */
function binaryBytes(random: () => number): Buffer {
  const utf8 = Buffer.from(text(random));
  switch (Math.floor(random() * 6)) {
    case 0:
      return Buffer.from(Array.from({ length: Math.floor(random() * 160) }, () => Math.floor(random() * 256)));
    case 1:
      return utf8;
    case 2: // cut anywhere, so multi-byte characters lose their tails at either end
      return utf8.subarray(Math.floor(random() * 3), Math.max(0, utf8.length - Math.floor(random() * 3)));
    case 3: {
      const at = Math.floor(random() * (utf8.length + 1));
      return Buffer.concat([utf8.subarray(0, at), Buffer.from(pick(random, BAD_UTF8)), utf8.subarray(at)]);
    }
    case 4: // TextDecoder drops a leading BOM, so `^hello` finds it
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
    default: // text between random bytes
      return Buffer.concat([Buffer.from([Math.floor(random() * 256), 0x00]), utf8, Buffer.from([0xfe, Math.floor(random() * 128)])]);
  }
}

/** The base64 a binary frame carries: mostly Node's own, sometimes URL-safe, unpadded, wrapped, or no base64 the panel accepts. */
function binaryPayload(random: () => number): string {
  const base64 = binaryBytes(random).toString('base64');
  const variant = random();
  if (variant < 0.75) return base64;
  if (variant < 0.8) return base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  if (variant < 0.85) return base64.replace(/(.{8})/g, `$1${pick(random, ['\n', ' ', '\u00a0', '\u2028', '\r\n'])}`); // whitespace the panel skips
  if (variant < 0.9) return `${base64} !`; // the panel: not base64 (Node would still decode the rest)
  if (variant < 0.95) return `${base64.replace(/=+$/, '')}A`; // one character too many
  return `=${base64}`;
}

function binaryEntry(seq: number, random: () => number): CaptureEntry {
  return { ...frameEntry(seq, pick(random, ['b1', 'conn-支付']), binaryPayload(random)), name: 'binary', opcode: 2, binary: true };
}

function queries(random: () => number): string[] {
  const fixed = ['^\\d*0000:', 'hello', 'HELLO', 'kelvin', 'KELVIN', 'k-sign', 'istanbul', 'İstanbul', 'wifi', 'wifii', 'straße', 'ſtop', 'stop', '中文', '支付', '支付宝(', 'a.b', 'a\\.b', 'a+b', '(x', '[y', 'q{2}', '"2":"', ',"b":"', '1":"x', 'b":"h', '\\n', 'e\\nb', '^line', 'break$', 'ÄÖ', 'äö', 'σίσυφος', 'hel', 'hel\\xff', '(hel)lo', 'he(l)+o', 'ok|frame', '', 'xyz(', '\\b(?:ok)\\b', 'o', 'i', 'k', 'k(x', '(wifi', 'bok(', 'ok(', '(wif', 'hello|kelvin', 'zzz|中文', '(?:ok|frame)-1', 'x.(ab|k-s)', 'stra(ß|ss)e', 'ok|\\d+', 'o|hello', 'lo:|:b'];
  const randomOnes = Array.from({ length: 150 }, () => {
    const token = text(random);
    const start = Math.floor(random() * token.length);
    let query = Array.from(token.slice(start, start + 1 + Math.floor(random() * 8)), (char) => (random() < 0.5 ? char.toUpperCase() : char.toLowerCase())).join('');
    const wrap = Math.floor(random() * 8);
    if (wrap === 1) query = `^${query}`;
    else if (wrap === 2) query = `${query}$`;
    else if (wrap === 3) query = `(${query})`;
    else if (wrap === 4) query = `${query}(`; // an unfinished group: matched literally
    else if (wrap === 5) query = `${query}.${pick(random, TOKENS).slice(0, 2)}`;
    else if (wrap === 6) query = `${query}|${pick(random, TOKENS).slice(1, 4)}`;
    return query;
  });
  return [...fixed, ...randomOnes];
}

describe('whole-session filter, byte-first path', () => {
  it('finds exactly what the straightforward filter finds over a real session of tricky entries spanning many chunks', async () => {
    await withTempDir(async (dir) => {
      const random = randomSource(22);
      const store = await openSessionStore({ dir });
      const session = store.startSession();
      const total = 25_000;
      for (let seq = 0; seq < total; seq += 1) {
        if (seq === 20_000) session.append(frameEntry(seq, 't1', `${'x'.repeat(1_100_000)} hello 支付宝`)); // one record larger than a read chunk
        else if (seq % 5 === 0) session.append(trickyEntry(seq, random));
        else session.append(frameEntry(seq, 't1', `${seq}:${'x'.repeat(40)}`));
      }
      const info = await session.close();
      expect(info.bytes).toBeGreaterThan(3 * 1024 * 1024);
      const entries = await collect(store.entries(info.id));
      expect(entries).toHaveLength(total);

      const cases = queries(random);
      await expectPanelResults(store, info.id, entries, cases);

      const ranged = await store.filter(info.id, 'hello', { fromSeq: 19_990, toSeq: 20_010 });
      const { test } = sessionTextSearch('hello');
      expect(ranged.seqs).toEqual(entries.filter((entry) => entry.seq >= 19_990 && entry.seq < 20_010 && test(entry)).map((entry) => entry.seq));
      expect(ranged.seqs).toContain(20_000);
    });
  }, 60_000);

  it('finds exactly what the panel finds over a session of binary frames (random bytes, UTF-8, invalid UTF-8, cut characters, odd base64)', async () => {
    await withTempDir(async (dir) => {
      const random = randomSource(10);
      const store = await openSessionStore({ dir });
      const session = store.startSession();
      const total = 12_000;
      for (let seq = 0; seq < total; seq += 1) {
        if (seq === 6_789) session.append({ ...binaryEntry(seq, random), payload: Buffer.from(`${'y'.repeat(900_000)} hello 支付宝`).toString('base64') }); // larger than a read chunk
        else session.append(seq % 7 === 0 ? trickyEntry(seq, random) : binaryEntry(seq, random));
      }
      const info = await session.close();
      const entries = await collect(store.entries(info.id));
      expect(entries).toHaveLength(total);

      const cases = [...queries(random), '^hello', '^\\ufeff', '\ufffd', '^支付', '付宝$', 'y hello', 'hello 支', 'ab ', '\\x00', 'b1'];
      await expectPanelResults(store, info.id, entries, cases);
    });
  }, 120_000);
});

/** The whole-session filter finds, for each query, exactly the seqs the panel's predicate finds in `entries`. */
async function expectPanelResults(store: SessionStore, id: string, entries: readonly CaptureEntry[], cases: readonly string[]): Promise<void> {
  let matchedSomething = 0;
  for (const query of cases) {
    const { mode, test } = sessionTextSearch(query);
    const expected = entries.filter((entry) => test(entry)).map((entry) => entry.seq);
    const found = await store.filter(id, query);
    // Compared as text first: a deep comparison of every query's arrays costs seconds.
    if (found.mode !== mode || found.seqs.join() !== expected.join()) expect({ query, mode: found.mode, seqs: found.seqs }).toEqual({ query, mode, seqs: expected });
    if (expected.length > 0 && expected.length < entries.length) matchedSomething += 1;
  }
  // The queries must discriminate, or the comparison proves little.
  expect(matchedSomething).toBeGreaterThan(cases.length / 2);
}
