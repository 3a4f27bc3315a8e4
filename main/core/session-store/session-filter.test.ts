// The whole-session filter on a real session folder: what the panel's text filter would find, read from disk.
import { describe, expect, it } from 'vitest';
import type { CaptureEntry } from '../../../shared/capture';
import { openSessionStore } from './session-store';
import { frameEntry, withTempDir } from './test-support/entries';

function binaryFrame(seq: number, text: string): CaptureEntry {
  const payload = Buffer.from(text).toString('base64');
  return { ...frameEntry(seq, 't2', payload), name: 'binary', opcode: 2, binary: true, size: text.length };
}

function callEntry(seq: number, url: string): CaptureEntry {
  return { seq, wallTime: seq, monoTime: seq, clientId: 'app-1', connectionId: '', kind: 'call', name: 'connectSocket', direction: 'none', size: 0, detail: { callId: 1, target: null, options: { url } } };
}

describe('session filter', () => {
  it('finds in the whole session, across chunks, what the panel text filter finds: payloads, binary as text, details, names; regex or literal', async () => {
    await withTempDir(async (dir) => {
      const store = await openSessionStore({ dir });
      const session = store.startSession();
      const total = 30_000; // ~2.5 MiB: several read chunks
      for (let seq = 0; seq < total; seq += 1) {
        if (seq === 12_345) session.append(binaryFrame(seq, 'hello from the server'));
        else if (seq === 20_000) session.append(callEntry(seq, 'wss://echo.example/socket'));
        else session.append(frameEntry(seq, 't1', `frame-${seq} ${'x'.repeat(60)}`));
      }
      const info = await session.close();
      expect(info.entries).toBe(total);

      expect(await store.filter(info.id, 'frame-2999\\d ')).toEqual({ mode: 'regex', scanned: total, seqs: Array.from({ length: 10 }, (_, i) => 29_990 + i) });
      expect((await store.filter(info.id, 'HELLO from')).seqs).toEqual([12_345]);
      expect((await store.filter(info.id, 'echo.example')).seqs).toEqual([20_000]);
      expect((await store.filter(info.id, '^connectSocket$')).seqs).toEqual([20_000]);
      const literal = await store.filter(info.id, 'frame-1(');
      expect(literal).toEqual({ mode: 'literal', scanned: total, seqs: [] });
      const everything = await store.filter(info.id, '');
      expect(everything.mode).toBe('all');
      expect(everything.seqs).toHaveLength(total);
      expect(await store.filter(info.id, 'frame-', { fromSeq: 25_000, toSeq: 25_003 })).toEqual({ mode: 'regex', scanned: 3, seqs: [25_000, 25_001, 25_002] });
    });
  });

  it('sees a shorter required word inside a record when a longer one runs on into the next record', async () => {
    await withTempDir(async (dir) => {
      const store = await openSessionStore({ dir });
      const session = store.startSession();
      session.append(frameEntry(0, 't1', 'a frame ending in xyz'));
      // Body of 65 bytes (61 fixed with empty ids and name, 4 of payload): its length header starts with 0x41, "A",
      // so the bytes read "…xyzA": "xyza" (case-insensitive) occurs across the two records, "y" inside the first.
      session.append({ ...frameEntry(1, '', 'abcd'), clientId: '', name: '' });
      const info = await session.close();
      expect(info.bytes).toBe(2 * 4 + (61 + 'a frame ending in xyz'.length + 'app-1t1text'.length) + 65);
      expect((await store.filter(info.id, 'xyzA|y')).seqs).toEqual([0]);
      expect((await store.filter(info.id, 'xyzA|bcd')).seqs).toEqual([1]);
    });
  });

  it("reads binary payloads by the panel's rule: a leading BOM is dropped, text that is not base64 is not decoded", async () => {
    await withTempDir(async (dir) => {
      const store = await openSessionStore({ dir });
      const session = store.startSession();
      session.append({ ...binaryFrame(0, ''), payload: Buffer.from('\ufeffhello bom').toString('base64') });
      // Node's lenient decoder reads "aGVsbG8" as "hello"; the panel's base64 rule rejects the " !".
      session.append({ ...binaryFrame(1, ''), payload: `${Buffer.from('hello junk').toString('base64')} !` });
      session.append({ ...binaryFrame(2, ''), payload: Buffer.from('hello plain').toString('base64').replace(/=+$/, '') });
      const info = await session.close();
      expect((await store.filter(info.id, '^hello')).seqs).toEqual([0, 2]);
      expect((await store.filter(info.id, 'hello')).seqs).toEqual([0, 2]);
    });
  });

  it('filters a live session up to what it has taken so far', async () => {
    await withTempDir(async (dir) => {
      const store = await openSessionStore({ dir });
      const live = store.startSession();
      for (let seq = 0; seq < 1000; seq += 1) live.append(frameEntry(seq));
      expect((await store.filter(live.id, 'frame-99\\d$')).seqs).toEqual(Array.from({ length: 10 }, (_, i) => 990 + i));
      await live.close();
    });
  });
});
