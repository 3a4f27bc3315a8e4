// The session writer thread on real files: every entry shape arrives in order and gap-free, a full disk
// stops the session as before, and a thread that dies ends in a warning with the capture intact in memory.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { CaptureEntry } from '../../../shared/capture';
import { createCaptureLog } from '../capture-log';
import { recordCapture } from './capture-recorder';
import { readRecords } from './session-reader';
import { sessionPaths } from './session-files';
import { openSessionStore } from './session-store';
import { createThreadedSessionWriter } from './threaded-session-writer';
import { collect, frameEntry, withTempDir } from './test-support/entries';

/** Entries of every shape the capture logs, with ids and names that change from entry to entry or stay. */
function mixedEntry(seq: number): CaptureEntry {
  const base = { seq, wallTime: 1_765_000_000_000.25 + seq, monoTime: seq / 3, clientId: `app-${seq % 7 === 0 ? 2 : 1}`, connectionId: seq % 5 === 0 ? '' : `t${seq % 3}` };
  switch (seq % 6) {
    case 0:
      return { ...base, kind: 'call', name: 'sendSocketMessage', direction: 'out', size: 0, page: 'pages/index/index', detail: { callId: seq, target: null, options: { data: `d${seq}`, nested: [1, 'é', { x: null }] } } };
    case 1:
      return { ...base, kind: 'frame', name: 'binary', direction: 'in', opcode: 2, size: 3, payload: 'AAEC', binary: true, truncated: false };
    case 2:
      return { ...base, kind: 'error', name: 'error', direction: 'none', size: 0, errorCode: 5, errorMessage: `refused ${seq}`, cause: 'ECONNREFUSED' };
    case 3:
      return { ...base, kind: 'frame', name: 'text', direction: 'out', opcode: 1, size: 40_000, payload: `${'拒'.repeat(20)}${seq}`, truncated: true };
    default:
      return frameEntry(seq, base.connectionId, `${seq}:${'x'.repeat(seq % 200)}`);
  }
}

describe('session writer thread', () => {
  it('writes 100,000 entries of every shape in seq order, gap-free, read back exactly', async () => {
    await withTempDir(async (dir) => {
      const store = await openSessionStore({ dir });
      const session = store.startSession({ firstSeq: 10 });
      const written = Array.from({ length: 100_000 }, (_, i) => mixedEntry(10 + i));
      written.forEach((entry) => session.append(entry));
      expect(() => session.append(mixedEntry(100_011))).toThrow(/out of order/);
      // A live read sees everything appended so far (the snapshot waits for the thread).
      expect((await store.readRange(session.id, { fromSeq: 100_000 }, 20)).map((entry) => entry.seq)).toEqual(written.slice(-10).map((entry) => entry.seq));
      await session.close();
      expect(store.get(session.id)).toMatchObject({ entries: 100_000, live: false, recovered: false });
      expect(await collect(store.entries(session.id))).toStrictEqual(written);
      await store.close();
    });
  }, 60_000);

  it('a thread that dies mid-session: one warning, later entries counted as not saved, the session ends recovered with what reached the disk', async () => {
    await withTempDir(async (dir) => {
      const paths = sessionPaths(dir, 'lost');
      await mkdir(paths.dir);
      const lost: string[] = [];
      const writer = createThreadedSessionWriter({ paths, firstSeq: 0, onLost: (reason) => lost.push(reason) });
      for (let seq = 0; seq < 3000; seq += 1) writer.append(frameEntry(seq));
      writer.flush();
      await writer.thread.terminate();
      await new Promise((resolve) => setImmediate(resolve));
      expect(lost).toEqual(['the writer thread ended (exit code 1)']);
      for (let seq = 3000; seq < 3500; seq += 1) writer.append(frameEntry(seq));
      expect(writer.entries()).toBe(3000);
      expect(writer.notSaved()).toBe(500);
      expect(await writer.close()).toEqual({ lost: true });
      const onDisk = await collect(readRecords(paths.entries));
      expect(onDisk.map((record) => record.entry)).toStrictEqual(Array.from({ length: 3000 }, (_, seq) => frameEntry(seq)));
    });
  }, 30_000);

  it('a thread that cannot start: the store warns, the capture goes on in memory, the session is listed as recovered and empty', async () => {
    await withTempDir(async (dir) => {
      const warnings: string[] = [];
      const store = await openSessionStore({ dir, onWarning: (warning) => warnings.push(warning), writerThread: { code: "throw new Error('no writer here')", eval: true } });
      const capture = createCaptureLog();
      const recorder = recordCapture(capture, store);
      // The thread fails as it starts, which takes longer on a loaded machine: wait for the warning itself.
      await expect.poll(() => warnings.length).toBe(1);
      for (let seq = 0; seq < 5000; seq += 1) {
        const { seq: _seq, wallTime: _wall, monoTime: _mono, ...entry } = frameEntry(seq);
        capture.append(entry);
      }
      expect(warnings).toEqual([`session ${recorder.sessionId}: the writer thread failed: no writer here; the session ends with the entries that reached the disk (the capture ring goes on in memory)`]);
      expect(capture.stats()).toMatchObject({ total: 5000, held: 5000 });
      expect(capture.get(4999)?.payload).toBe('frame-4999');
      const ended = await recorder.stop();
      expect(ended).toMatchObject({ entries: 0, live: false, recovered: true });
      await store.close();
    });
  }, 30_000);
});

describe.runIf(existsSync('/dev/full'))('session writer thread on a full disk', () => {
  it('reports the failed writes, stops the session gap-free at the bound and counts what it refused', async () => {
    await withTempDir(async (dir) => {
      const paths = { ...sessionPaths(dir, 'full'), entries: '/dev/full' };
      const failures: string[] = [];
      const stoppedAt: number[] = [];
      const writer = createThreadedSessionWriter({ paths, firstSeq: 0, maxPendingBytes: 2 * 1024 * 1024, onFlushError: (message) => failures.push(message), onStopped: (entries) => stoppedAt.push(entries) });
      const payload = 'x'.repeat(1000);
      for (let seq = 0; seq < 10_000; seq += 1) writer.append(frameEntry(seq, 't1', payload));
      await writer.snapshot();
      expect(failures[0]).toMatch(/ENOSPC/);
      expect(stoppedAt).toHaveLength(1);
      const taken = stoppedAt[0] ?? 0;
      expect(taken).toBeGreaterThan(1500);
      expect(taken).toBeLessThan(2100);
      expect(writer.notSaved()).toBe(10_000 - taken);
      expect(await writer.close()).toEqual({ lost: false, entries: 0, bytes: 0, index: [] });
    });
  }, 30_000);
});
