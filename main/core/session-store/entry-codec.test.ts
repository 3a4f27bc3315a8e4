import { describe, expect, it } from 'vitest';
import type { CaptureEntry } from '../../../shared/capture';
import { decodeEntry, encodeEntry, maxRecordBytes, RECORD_HEADER_BYTES, recordBodyLength } from './entry-codec';
import { frameEntry } from './test-support/entries';

function roundTrip(entry: CaptureEntry): CaptureEntry {
  const detailText = entry.detail === undefined ? undefined : JSON.stringify(entry.detail);
  const buffer = Buffer.alloc(maxRecordBytes(entry, detailText));
  const end = encodeEntry(entry, detailText, buffer, 0);
  expect(recordBodyLength(buffer, 0)).toBe(end - RECORD_HEADER_BYTES);
  return decodeEntry(buffer, RECORD_HEADER_BYTES, end);
}

describe('session record codec', () => {
  it('reads back every field exactly, absent fields staying absent', () => {
    const full: CaptureEntry = {
      seq: 2 ** 40 + 3, wallTime: 1_765_000_000_000.125, monoTime: 0.1 + 0.2, clientId: 'app-✓', connectionId: 't9', kind: 'error', name: 'error', page: 'pages/chat/chat',
      direction: 'none', opcode: -1, size: 0, payload: '😀 é \u0000 end', binary: false, truncated: true, errorCode: 12, errorMessage: 'refused — 拒绝', cause: 'ECONNREFUSED',
      detail: { url: 'ws://127.0.0.1:1', headers: { a: ['1', '2'] }, nested: { n: null, t: true, x: 1.5 } },
    };
    expect(roundTrip(full)).toEqual(full);
    expect(roundTrip(frameEntry(7))).toStrictEqual(frameEntry(7));
    const bare: CaptureEntry = { seq: 0, wallTime: 1, monoTime: 2, clientId: '', connectionId: '', kind: 'warning', name: '', direction: 'out', size: 0 };
    expect(Object.keys(roundTrip(bare))).toEqual(Object.keys(bare));
    expect(roundTrip({ ...bare, binary: true, truncated: false })).toEqual({ ...bare, binary: true, truncated: false });
    // A mini-program call keeps the page that made it, where canonicalEntry puts it (right after size).
    expect(Object.keys(roundTrip({ ...bare, kind: 'call', page: 'pages/index/index', payload: 'x' }))).toEqual([...Object.keys(bare), 'page', 'payload']);
  });

  it('refuses damaged records instead of reading garbage', () => {
    const entry = frameEntry(1);
    const buffer = Buffer.alloc(maxRecordBytes(entry, undefined));
    const end = encodeEntry(entry, undefined, buffer, 0);
    const markless = Buffer.from(buffer);
    markless[RECORD_HEADER_BYTES] = 0;
    expect(() => decodeEntry(markless, RECORD_HEADER_BYTES, end)).toThrow(/not a session record/);
    expect(() => decodeEntry(buffer, RECORD_HEADER_BYTES, end - 1)).toThrow();
    expect(recordBodyLength(Buffer.alloc(8), 0)).toBeUndefined();
  });
});
