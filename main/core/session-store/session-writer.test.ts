// The writer on a real file, and under a disk that refuses every write: Linux's /dev/full answers each write with ENOSPC.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sessionPaths } from './session-files';
import { openSessionStore } from './session-store';
import { createSessionWriter } from './session-writer';
import { collect, frameEntry, withTempDir } from './test-support/entries';

describe.runIf(existsSync('/dev/full'))('session writer on a full disk', () => {
  it('keeps at most maxPendingBytes waiting, then stops the session gap-free and counts what it refused', async () => {
    await withTempDir(async (dir) => {
      const paths = { ...sessionPaths(dir, 'full'), entries: '/dev/full' };
      const errors: unknown[] = [];
      const stoppedAt: number[] = [];
      const writer = createSessionWriter({ paths, firstSeq: 0, flushIntervalMs: 1000, maxPendingBytes: 2 * 1024 * 1024, onFlushError: (error) => errors.push(error), onStopped: (entries) => stoppedAt.push(entries) });
      const payload = 'x'.repeat(1000);
      for (let seq = 0; seq < 10_000; seq += 1) writer.append(frameEntry(seq, 't1', payload));
      expect((errors[0] as NodeJS.ErrnoException).code).toBe('ENOSPC');
      expect(stoppedAt).toHaveLength(1);
      const taken = stoppedAt[0] ?? 0;
      // ~1 KiB records: the 2 MiB bound holds about 2,000 of them.
      expect(taken).toBeGreaterThan(1500);
      expect(taken).toBeLessThan(2100);
      expect(writer.entries()).toBe(taken);
      expect(writer.notSaved()).toBe(10_000 - taken);
      // Closing reports that nothing reached the file.
      expect(writer.close()).toEqual({ entries: 0, bytes: 0, index: [] });
    });
  });
});

describe('session writer on a real file', () => {
  it('writes strings of every length and script byte-exact: the ASCII fast path and its fallback read back alike', async () => {
    await withTempDir(async (dir) => {
      const store = await openSessionStore({ dir, flushIntervalMs: 60_000 });
      const session = store.startSession();
      const texts = ['', 'a', 'x'.repeat(32), 'x'.repeat(33), `${'x'.repeat(31)}é`, `é${'x'.repeat(40)}`, '\u007f\u0000', '😀', 'x'.repeat(5000), `${'y'.repeat(4999)}拒`];
      const written = texts.map((text, seq) => ({ ...frameEntry(seq, text, text), clientId: text.slice(0, 40), name: text.slice(-3) }));
      written.forEach((entry) => session.append(entry));
      await session.close();
      expect(await collect(store.entries(session.id))).toStrictEqual(written);
      await store.close();
    });
  });
});
