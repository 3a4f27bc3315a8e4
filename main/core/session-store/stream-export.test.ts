import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CaptureEntry } from '../../../shared/capture';
import { captureToHar } from '../../../shared/har-export';
import { harToCapture } from '../../../shared/har-import';
import { captureToJsonl } from '../../../shared/jsonl';
import { openSessionStore } from './session-store';
import { streamHar, streamJsonl, type EntrySource } from './stream-export';
import { frameEntry, withTempDir } from './test-support/entries';

const meta = { creator: { name: 'Mini Socket DevTools', version: '9.9.9' } };

/** Two connections interleaved, unattached calls, an error, a close frame with detail, a refused upgrade. */
function mixedCapture(): CaptureEntry[] {
  const base = { clientId: 'app-1', direction: 'none' as const, size: 0 };
  const raw: Omit<CaptureEntry, 'seq' | 'wallTime' | 'monoTime'>[] = [
    { ...base, connectionId: '', kind: 'call', name: 'onSocketOpen' },
    { ...base, connectionId: 't1', kind: 'lifecycle', name: 'connecting', detail: { url: 'ws://127.0.0.1:1/a?x=1', headers: { 'x-a': '1' } } },
    { ...base, connectionId: 't1', kind: 'lifecycle', name: 'open', detail: { url: 'ws://127.0.0.1:1/a?x=1' } },
    { ...base, connectionId: 't2', kind: 'lifecycle', name: 'connecting', detail: { url: 'ws://127.0.0.1:1/b' } },
    { ...base, connectionId: 't1', kind: 'frame', name: 'text', direction: 'out', opcode: 1, size: 2, payload: 'hi' },
    { ...base, connectionId: 't1', kind: 'frame', name: 'binary', direction: 'in', opcode: 2, size: 3, payload: 'AQID', binary: true },
    { ...base, connectionId: 't2', kind: 'error', name: 'error', errorCode: 1, errorMessage: 'refused', cause: 'Unexpected server response: 503' },
    { ...base, connectionId: '', kind: 'warning', name: 'no-listener' },
    { ...base, connectionId: 't1', kind: 'frame', name: 'close', direction: 'in', opcode: 8, size: 2, detail: { code: 1000, reason: '' } },
    { ...base, connectionId: 't1', kind: 'lifecycle', name: 'closed', detail: { code: 1000 } },
  ];
  return raw.map((entry, seq) => ({ ...entry, seq, wallTime: 1_765_000_000_000 + seq, monoTime: seq }));
}

function arraySource(entries: CaptureEntry[]): EntrySource {
  return async function* ({ fromSeq = 0, toSeq = Infinity }) {
    for (const entry of entries) if (entry.seq >= fromSeq && entry.seq < toSeq) yield entry;
  };
}

async function streamToText(write: (out: Writable) => Promise<void>): Promise<string> {
  const chunks: string[] = [];
  const out = new Writable({ highWaterMark: 16, write: (chunk: Buffer, _encoding, done) => setImmediate(() => { chunks.push(chunk.toString()); done(); }) });
  await write(out);
  return chunks.join('');
}

describe('streamed session export', () => {
  it('streams the same HAR captureToHar builds, with stats when given, through a slow Writable', async () => {
    const entries = mixedCapture();
    const stats = { total: 10, dropped: 0, held: 10, capacity: 10, cleared: 0 };
    const text = await streamToText((out) => streamHar(arraySource(entries), out, { ...meta, stats }));
    expect(JSON.parse(text)).toEqual(captureToHar(entries, { ...meta, stats }));
    expect(harToCapture(text)).toEqual({ entries, warnings: [], stats });
  });

  it('reads the unattached entries in a last pass when there are too many to keep from the first', async () => {
    const many: CaptureEntry[] = Array.from({ length: 100_002 }, (_, seq) => ({ ...frameEntry(seq, seq % 2 === 0 ? '' : 't1'), kind: seq % 2 === 0 ? 'call' : 'frame' }));
    const passes: number[] = [];
    const counted: EntrySource = (range) => {
      passes.push(range.fromSeq ?? 0);
      return arraySource(many)(range);
    };
    const text = await streamToText((out) => streamHar(counted, out, meta));
    expect(JSON.parse(text)).toEqual(captureToHar(many, meta));
    // Pass 1, the connection's span, and the last pass for the 50,001 unattached entries.
    expect(passes).toEqual([0, 1, 0]);
    const few = mixedCapture();
    passes.length = 0;
    await streamToText((out) => streamHar((range) => (passes.push(0), arraySource(few)(range)), out, meta));
    // Few unattached entries: kept from pass 1, no last pass (one pass per connection after it).
    expect(passes).toHaveLength(3);
  });

  it('streams an empty session as an empty HAR and JSONL', async () => {
    expect(JSON.parse(await streamToText((out) => streamHar(arraySource([]), out, meta)))).toEqual(captureToHar([], meta));
    expect(await streamToText((out) => streamJsonl(arraySource([]), out))).toBe('');
  });

  it('streams a stored session as the JSONL and HAR of its entries, read from disk', async () => {
    await withTempDir(async (dir) => {
      const store = await openSessionStore({ dir });
      const session = store.startSession();
      const entries = [...mixedCapture(), ...Array.from({ length: 3000 }, (_, i) => frameEntry(10 + i, i % 2 === 0 ? 't1' : 't3'))];
      entries.forEach((entry) => session.append(entry));
      await session.close();
      const source: EntrySource = (range) => store.entries(session.id, range);
      expect(await streamToText((out) => streamJsonl(source, out))).toBe(captureToJsonl(entries));
      expect(JSON.parse(await streamToText((out) => streamHar(source, out, meta)))).toEqual(captureToHar(entries, meta));
      await store.close();
    });
  });

  it('stops with an error when the reader goes away instead of waiting for a drain forever', async () => {
    const out = new PassThrough({ highWaterMark: 1 });
    const many = Array.from({ length: 5000 }, (_, seq) => frameEntry(seq));
    const export_ = streamJsonl(arraySource(many), out);
    setImmediate(() => out.destroy());
    await expect(export_).rejects.toThrow(/closed/);
  });
});
