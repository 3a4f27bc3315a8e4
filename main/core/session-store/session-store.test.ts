import { appendFile, readFile, readdir, stat, utimes, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { sessionsOverCap } from './disk-cap';
import { openSessionStore } from './session-store';
import { encodeEntry, maxRecordBytes } from './entry-codec';
import { INDEX_STRIDE, sessionPaths } from './session-files';
import { readRecords } from './session-reader';
import { collect, frameEntry, withTempDir } from './test-support/entries';

describe('session store', () => {
  it('appends entries, lists the session live, and after close lists its end, entries and bytes', async () => {
    await withTempDir(async (dir) => {
      const store = await openSessionStore({ dir, now: () => 1000 });
      const session = store.startSession({ miniapp: '/apps/demo' });
      for (let seq = 0; seq < 10; seq += 1) session.append(frameEntry(seq));
      expect(store.list()).toEqual([{ id: session.id, startedAt: 1000, endedAt: null, miniapp: '/apps/demo', entries: 10, bytes: 0, live: true, recovered: false }]);
      const closed = await session.close();
      const fileBytes = (await stat(sessionPaths(dir, session.id).entries)).size;
      expect(closed).toEqual({ id: session.id, startedAt: 1000, endedAt: 1000, miniapp: '/apps/demo', entries: 10, bytes: fileBytes, live: false, recovered: false });
      await store.close();

      const reopened = await openSessionStore({ dir });
      expect(reopened.list()).toEqual([closed]);
      expect(await collect(reopened.entries(session.id))).toEqual(Array.from({ length: 10 }, (_, seq) => frameEntry(seq)));
      await reopened.close();
    });
  });

  it('refuses an entry out of seq order, so a session is gap-free', async () => {
    await withTempDir(async (dir) => {
      const store = await openSessionStore({ dir });
      const session = store.startSession({ firstSeq: 5 });
      session.append(frameEntry(5));
      expect(() => session.append(frameEntry(7))).toThrow(/seq 7, expected 6/);
      expect(() => session.append(frameEntry(5))).toThrow(/expected 6/);
      session.append(frameEntry(6));
      expect((await collect(store.entries(session.id))).map((e) => e.seq)).toEqual([5, 6]);
      await store.close();
    });
  });

  it('reads any seq range of a large session, live (unflushed entries included) and after reopening', async () => {
    await withTempDir(async (dir) => {
      const store = await openSessionStore({ dir, flushIntervalMs: 60_000 });
      const session = store.startSession({ firstSeq: 100 });
      const count = INDEX_STRIDE * 40 + 17;
      for (let seq = 100; seq < 100 + count; seq += 1) session.append(frameEntry(seq, 't1', `é-${seq}`));
      const ranges: [number, number][] = [[100, 103], [100 + INDEX_STRIDE - 1, 100 + INDEX_STRIDE + 2], [5000, 5100], [100 + count - 3, 100 + count + 50], [0, 101]];
      for (const [fromSeq, toSeq] of ranges) {
        const expected = [];
        for (let seq = Math.max(fromSeq, 100); seq < Math.min(toSeq, 100 + count); seq += 1) expected.push(frameEntry(seq, 't1', `é-${seq}`));
        expect(await store.readRange(session.id, { fromSeq, toSeq })).toEqual(expected);
      }
      expect(await store.readRange(session.id, { fromSeq: 200 }, 3)).toEqual([200, 201, 202].map((seq) => frameEntry(seq, 't1', `é-${seq}`)));
      await store.close();
      const reopened = await openSessionStore({ dir });
      expect((await reopened.readRange(session.id, { fromSeq: 5000, toSeq: 5002 })).map((e) => e.seq)).toEqual([5000, 5001]);
      expect(await collect(reopened.entries(session.id))).toHaveLength(count);
      await reopened.close();
    });
  });

  it('keeps entries larger than the write buffer and the read chunk, between small ones', async () => {
    await withTempDir(async (dir) => {
      const store = await openSessionStore({ dir });
      const session = store.startSession();
      const entries = [frameEntry(0), frameEntry(1, 't1', 'é'.repeat(1_500_000)), frameEntry(2), frameEntry(3, 't1', 'x'.repeat(3_000_000)), frameEntry(4)];
      entries.forEach((entry) => session.append(entry));
      expect(await collect(store.entries(session.id))).toEqual(entries);
      await session.close();
      expect(await store.readRange(session.id, { fromSeq: 3, toSeq: 5 })).toEqual(entries.slice(3));
      await store.close();
    });
  });

  it('writes appended entries to disk on its flush timer, without flush or close', async () => {
    await withTempDir(async (dir) => {
      const store = await openSessionStore({ dir, flushIntervalMs: 50 });
      const session = store.startSession();
      // Once the writer thread runs (flush waits for it), a later entry reaches the file by the timer alone. How
      // soon depends on the machine's load, so the test waits for the file (docs/architecture.md#test-support).
      session.append(frameEntry(0));
      session.flush();
      session.append(frameEntry(1));
      const onDisk = async () => (await collect(readRecords(sessionPaths(dir, session.id).entries))).map((record) => record.entry);
      await expect.poll(onDisk).toEqual([frameEntry(0), frameEntry(1)]);
      expect(store.get(session.id)?.bytes).toBeGreaterThan(0);
      await store.close();
    });
  });

  it('recovers a session without an end marker: keeps the valid prefix, cuts a torn last record, says recovered', async () => {
    await withTempDir(async (dir) => {
      const crashed = await openSessionStore({ dir });
      const session = crashed.startSession();
      for (let seq = 0; seq < 600; seq += 1) session.append(frameEntry(seq));
      session.flush();
      const paths = sessionPaths(dir, session.id);
      const validBytes = (await stat(paths.entries)).size;
      const record = Buffer.alloc(maxRecordBytes(frameEntry(600), undefined));
      const recordEnd = encodeEntry(frameEntry(600), undefined, record, 0);
      await appendFile(paths.entries, record.subarray(0, recordEnd - 5));
      // A crash: the writer never closes, and the folder says a dead process wrote it.
      const meta = JSON.parse(await readFile(paths.meta, 'utf8')) as Record<string, unknown>;
      await writeFile(paths.meta, JSON.stringify({ ...meta, pid: 2 ** 22 + 12345 }));

      const warnings: string[] = [];
      const store = await openSessionStore({ dir, onWarning: (w) => warnings.push(w) });
      const [recovered] = store.list();
      expect(recovered).toMatchObject({ id: session.id, entries: 600, bytes: validBytes, live: false, recovered: true, endedAt: frameEntry(599).wallTime });
      expect((await stat(paths.entries)).size).toBe(validBytes);
      expect(warnings).toEqual([`session ${session.id} ended in a crash: recovered 600 entries`]);
      expect((await collect(store.entries(session.id))).map((e) => e.seq)).toEqual(Array.from({ length: 600 }, (_, i) => i));
      expect((await store.readRange(session.id, { fromSeq: 513, toSeq: 514 }))[0]).toEqual(frameEntry(513));
      await store.close();
    });
  });

  it('leaves the live session of another running process alone', async () => {
    await withTempDir(async (dir) => {
      const other = await openSessionStore({ dir });
      const session = other.startSession();
      session.append(frameEntry(0));
      // Same pid as a running process (this one) but not written by this store: it must not be recovered.
      const store = await openSessionStore({ dir });
      expect(store.get(session.id)).toMatchObject({ live: true, recovered: false });
      await expect(store.deleteSession(session.id)).rejects.toThrow(/live/);
      await other.close();
      await store.close();
    });
  });

  it('recovers a session whose pid runs but whose heartbeat stopped a minute ago (a reused pid)', async () => {
    await withTempDir(async (dir) => {
      const other = await openSessionStore({ dir });
      const session = other.startSession();
      session.append(frameEntry(0));
      session.flush();
      // This process's pid is alive; the writer's heartbeat (meta.json's mtime) is two minutes old.
      const stale = new Date(Date.now() - 120_000);
      await utimes(sessionPaths(dir, session.id).meta, stale, stale);
      const store = await openSessionStore({ dir });
      expect(store.get(session.id)).toMatchObject({ live: false, recovered: true, entries: 1 });
      await store.close();
      await other.close();
    });
  });

  it('deletes a finished session and its folder, never a live one', async () => {
    await withTempDir(async (dir) => {
      const store = await openSessionStore({ dir });
      const done = store.startSession();
      done.append(frameEntry(0));
      await done.close();
      const live = store.startSession({ firstSeq: 1 });
      await expect(store.deleteSession(live.id)).rejects.toThrow(/live/);
      await store.deleteSession(done.id);
      expect(store.list().map((s) => s.id)).toEqual([live.id]);
      expect(await readdir(dir)).toEqual([live.id]);
      await store.close();
    });
  });

  it('holds all sessions under the disk cap by deleting the oldest whole sessions first, with a warning', async () => {
    await withTempDir(async (dir) => {
      let clock = 1;
      const warnings: string[] = [];
      const store = await openSessionStore({ dir, capBytes: 20_000, now: () => clock++, onWarning: (w) => warnings.push(w) });
      const ids: string[] = [];
      for (let run = 0; run < 4; run += 1) {
        const session = store.startSession();
        ids.push(session.id);
        for (let seq = 0; seq < 80; seq += 1) session.append(frameEntry(seq, 't1', 'x'.repeat(60)));
        await session.close();
      }
      const live = store.startSession();
      for (let seq = 0; seq < 80; seq += 1) live.append(frameEntry(seq, 't1', 'x'.repeat(60)));
      live.flush();
      await store.close();
      const left = (await openSessionStore({ dir, capBytes: 20_000 })).list();
      const total = left.reduce((sum, s) => sum + s.bytes, 0);
      expect(total).toBeLessThanOrEqual(20_000);
      expect(left.map((s) => s.id)).toEqual([...ids.slice(ids.length - left.length + 1), live.id]);
      expect(warnings.length).toBe(ids.length + 1 - left.length);
      expect(warnings[0]).toMatch(new RegExp(`deleted the oldest session ${ids[0]}`));
      expect(await readdir(dir)).toHaveLength(left.length);
    });
  });
});

describe('disk cap', () => {
  it('picks the oldest finished sessions until the total fits, and never a live one', () => {
    const sessions = [
      { id: 'c', startedAt: 3, bytes: 50, live: false },
      { id: 'a', startedAt: 1, bytes: 50, live: false },
      { id: 'live', startedAt: 0, bytes: 80, live: true },
      { id: 'b', startedAt: 2, bytes: 50, live: false },
    ];
    expect(sessionsOverCap(sessions, 230)).toEqual({ remove: [], fits: true });
    expect(sessionsOverCap(sessions, 180)).toEqual({ remove: ['a'], fits: true });
    expect(sessionsOverCap(sessions, 100)).toEqual({ remove: ['a', 'b', 'c'], fits: true });
    expect(sessionsOverCap(sessions, 50)).toEqual({ remove: ['a', 'b', 'c'], fits: false });
  });
});
