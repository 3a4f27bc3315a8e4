import { describe, expect, it } from 'vitest';
import { createEntryRing } from '../capture/entry-ring';
import { makeEntries, makeEntry } from '../capture/test-support/make-entry';
import { MAX_MATCHES, scanComplete, scanForMatches } from './find-scan';

describe('find over the whole capture', () => {
  it('finds text and binary (as UTF-8) payloads, case-insensitively, in capture order', () => {
    const ring = createEntryRing(100);
    ring.append([
      makeEntry(0, { payload: 'hello World' }),
      makeEntry(1, { payload: Buffer.from('a world in bytes', 'utf8').toString('base64'), binary: true }),
      makeEntry(2, { payload: 'nothing here' }),
      makeEntry(3, { payload: undefined }),
      makeEntry(4, { payload: 'WORLDS' }),
    ]);
    const scan = scanForMatches(null, ring, 'world', Number.POSITIVE_INFINITY);
    expect(scan.matches).toEqual([0, 1, 4]);
    expect(scanComplete(scan, ring)).toBe(true);
  });

  it('stops at the deadline and resumes where it stopped, then picks up new entries', () => {
    const ring = createEntryRing(300_000);
    ring.append(makeEntries(0, 200_000, { payload: 'x needle y' }));
    let scan = scanForMatches(null, ring, 'needle', performance.now() - 1);
    expect(scan.next).toBeLessThan(200_000);
    expect(scanComplete(scan, ring)).toBe(false);
    let slices = 1;
    while (!scanComplete(scan, ring)) {
      scan = scanForMatches(scan, ring, 'needle', performance.now() + 8);
      slices += 1;
    }
    expect(slices).toBeGreaterThan(1);
    expect(scan.matches).toHaveLength(MAX_MATCHES);
    ring.clear();
    ring.append(makeEntries(500_000, 3, { payload: 'needle' }));
    scan = scanForMatches(scan, ring, 'needle', Number.POSITIVE_INFINITY);
    expect(scan.matches).toEqual([500_000, 500_001, 500_002]);
    ring.append([makeEntry(500_003, { payload: 'a needle' })]);
    expect(scanComplete(scan, ring)).toBe(false);
    expect(scanForMatches(scan, ring, 'needle', Number.POSITIVE_INFINITY).matches).toEqual([500_000, 500_001, 500_002, 500_003]);
  });
});

describe('the searchable text of a binary frame', () => {
  it('is its UTF-8 text: ASCII, multi-byte, invalid bytes (U+FFFD) and URL-safe base64 alike', async () => {
    const { searchableText } = await import('./find-scan');
    const binary = (bytes: Buffer, encoding: 'base64' | 'base64url' = 'base64') => ({ payload: bytes.toString(encoding), binary: true });
    expect(searchableText(binary(Buffer.from('plain ascii')))).toBe('plain ascii');
    expect(searchableText(binary(Buffer.from('订单 größe ✓')))).toBe('订单 größe ✓');
    expect(searchableText(binary(Buffer.from([0x61, 0xff, 0x62])))).toBe('a\uFFFDb');
    expect(searchableText(binary(Buffer.from('¿url-safe?~~~'), 'base64url'))).toBe('¿url-safe?~~~');
    expect(searchableText({ payload: 'not base64 at all!', binary: true })).toBe('');
    expect(searchableText({ payload: 'TEXT as is', binary: false })).toBe('TEXT as is');
  });

  it('is matched case-insensitively, also for non-ASCII needles', () => {
    const ring = createEntryRing(10);
    ring.append([
      makeEntry(0, { payload: Buffer.from('Größe XL').toString('base64'), binary: true }),
      makeEntry(1, { payload: 'GRÖSSE' }),
      makeEntry(2, { payload: 'größe m' }),
    ]);
    expect(scanForMatches(null, ring, 'GRÖßE', Number.POSITIVE_INFINITY).matches).toEqual([0, 2]);
  });
});
