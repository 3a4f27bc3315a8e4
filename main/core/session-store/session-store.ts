// The sessions folder: every run's capture appended to a session on disk (see session-files.ts for the
// layout), listed, read by seq range, streamed for export, deleted, and held under a disk cap.
import { mkdirSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import type { CaptureEntry } from '../../../shared/capture';
import type { SessionInfo } from '../../../shared/session-wire';
import type { HeldEntryFields } from '../ports';
import { DEFAULT_SESSIONS_CAP_BYTES, sessionsOverCap } from './disk-cap';
import { HEARTBEAT_MS, isSessionId, newSessionId, readEnd, readIndex, readMeta, sessionPaths, writeIndex, writeJsonAtomic, writerRunning, type SessionEnd, type SessionMeta } from './session-files';
import { recoverSession } from './session-recovery';
import { filterSessionFile, type SessionFilterResult } from './session-filter';
import { readEntries, scanIndex, type EntryFile, type SeqRange } from './session-reader';
import { createThreadedSessionWriter, type ThreadedSessionWriter } from './threaded-session-writer';
import type { WriterThreadLocation } from './writer-thread-location';

export type { SessionInfo };

export interface SessionStoreOptions {
  dir: string;
  /** Total bytes all sessions may use (default 2 GiB). */
  capBytes?: number;
  /** Longest time an appended entry waits before it is written (default 250 ms, at most 1 s by design). */
  flushIntervalMs?: number;
  /** Sessions deleted by the cap, a cap the live session alone exceeds, failed writes, a lost writer thread. */
  onWarning?: (message: string) => void;
  /** The session writer thread's script (the hosts pass the built one; default: the source through tsx). */
  writerThread?: WriterThreadLocation;
  now?: () => number;
}

export interface LiveSession {
  readonly id: string;
  /** Entries must come in seq order from the session's firstSeq, without gaps. */
  append(entry: CaptureEntry): void;
  /** The same for a plain frame held in the capture ring, read from its columns without an entry object. */
  appendPlainFrame(seq: number, fields: HeldEntryFields): void;
  flush(): void;
  /** Writes the end marker; the session stays listed, no longer live. */
  close(): Promise<SessionInfo>;
}

export interface SessionStore {
  readonly dir: string;
  startSession(options?: { miniapp?: string; firstSeq?: number }): LiveSession;
  /** Oldest first. */
  list(): SessionInfo[];
  get(id: string): SessionInfo | undefined;
  /** The entries of a seq range, at most `limit` (default 10000) of them. */
  readRange(id: string, range: SeqRange, limit?: number): Promise<CaptureEntry[]>;
  /** Every entry of the session (or a range) in order, read as iterated; a live session up to now. */
  entries(id: string, range?: SeqRange): AsyncGenerator<CaptureEntry>;
  /** The seqs of the session's entries (or a range's) that the panel's text filter `text` finds, read in chunks (session-filter.ts). */
  filter(id: string, text: string, range?: SeqRange): Promise<SessionFilterResult>;
  /** Deletes a finished session; a live one cannot be deleted. */
  deleteSession(id: string): Promise<void>;
  /** Closes live sessions and waits for deletions under way. */
  close(): Promise<void>;
}

interface Known {
  meta: SessionMeta;
  end?: SessionEnd;
  writer?: ThreadedSessionWriter;
  /** Touches meta.json while live (the heartbeat other instances check). */
  heartbeat?: NodeJS.Timeout;
  /** Bytes written so far by a live session. */
  liveBytes: number;
  index?: number[];
}

/** Opens (creating) the sessions folder, recovering sessions that ended in a crash. */
export async function openSessionStore(options: SessionStoreOptions): Promise<SessionStore> {
  const { dir, capBytes = DEFAULT_SESSIONS_CAP_BYTES, flushIntervalMs, onWarning = () => {}, now = Date.now, writerThread } = options;
  await mkdir(dir, { recursive: true });
  const known = new Map<string, Known>();
  for (const name of await readdir(dir)) {
    if (!isSessionId(name)) continue;
    const paths = sessionPaths(dir, name);
    const meta = await readMeta(paths.meta);
    if (!meta || meta.id !== name) continue;
    let end = await readEnd(paths.end);
    // Another running instance's live session is listed as live and left alone.
    if (!end && (await writerRunning(paths.meta, meta.pid))) {
      known.set(name, { meta, liveBytes: 0 });
      continue;
    }
    if (!end) {
      end = await recoverSession(paths, meta);
      onWarning(`session ${name} ended in a crash: recovered ${end.entries} entries`);
    }
    known.set(name, { meta, end, liveBytes: 0 });
  }
  const deletions = new Set<Promise<void>>();
  let warnedLiveOverCap = false;

  const info = (k: Known): SessionInfo => ({
    id: k.meta.id,
    startedAt: k.meta.startedAt,
    endedAt: k.end?.endedAt ?? null,
    miniapp: k.meta.miniapp,
    entries: k.end?.entries ?? k.writer?.entries() ?? 0,
    bytes: k.end?.bytes ?? k.liveBytes,
    live: k.end === undefined,
    recovered: k.end?.recovered ?? false,
  });

  function removeFolder(id: string): Promise<void> {
    known.delete(id);
    const deletion = rm(sessionPaths(dir, id).dir, { recursive: true, force: true }).finally(() => deletions.delete(deletion));
    deletions.add(deletion);
    return deletion;
  }

  function enforceCap(): void {
    const sessions = [...known.values()].map(info);
    const { remove, fits } = sessionsOverCap(sessions, capBytes);
    for (const id of remove) {
      const removed = known.get(id);
      onWarning(`disk cap ${capBytes} bytes reached: deleted the oldest session ${id} (${removed ? info(removed).bytes : 0} bytes)`);
      void removeFolder(id);
    }
    if (!fits && !warnedLiveOverCap) onWarning(`the live session alone exceeds the disk cap of ${capBytes} bytes; it keeps growing while the disk has room`);
    warnedLiveOverCap = !fits;
  }

  async function entryFile(id: string): Promise<EntryFile> {
    const k = known.get(id);
    if (!k) throw new Error(`no session ${id}`);
    const paths = sessionPaths(dir, id);
    if (k.writer) return k.writer.snapshot();
    if (!k.end) throw new Error(`session ${id} is being written by another instance`);
    k.index ??= (await readIndex(paths.index, k.end.entries)) ?? (await scanIndex(paths.entries, k.end.bytes)).index;
    return { path: paths.entries, firstSeq: k.meta.firstSeq, entries: k.end.entries, bytes: k.end.bytes, index: k.index };
  }

  const store: SessionStore = {
    dir,
    startSession({ miniapp = '', firstSeq = 0 } = {}) {
      const startedAt = now();
      const meta: SessionMeta = { id: newSessionId(startedAt), startedAt, miniapp, firstSeq, pid: process.pid };
      const paths = sessionPaths(dir, meta.id);
      mkdirSync(paths.dir);
      // Synchronous so the caller can append at once; atomic so a crash never leaves half a meta.json.
      writeFileSync(`${paths.meta}.tmp`, `${JSON.stringify(meta)}\n`);
      renameSync(`${paths.meta}.tmp`, paths.meta);
      const k: Known = { meta, liveBytes: 0 };
      k.writer = createThreadedSessionWriter({
        paths,
        firstSeq,
        ...(flushIntervalMs === undefined ? {} : { flushIntervalMs }),
        ...(writerThread === undefined ? {} : { thread: writerThread }),
        onFlushed: (added) => {
          k.liveBytes += added;
          enforceCap();
        },
        onFlushError: (message) => onWarning(`session ${meta.id}: write failed (${message})`),
        onStopped: (entries) => onWarning(`session ${meta.id}: the disk refuses writes and 64 MiB wait unsaved; the session stops at ${entries} entries (the capture ring goes on in memory)`),
        onLost: (reason) => onWarning(`session ${meta.id}: ${reason}; the session ends with the entries that reached the disk (the capture ring goes on in memory)`),
      });
      k.heartbeat = setInterval(() => {
        try {
          const touched = new Date();
          utimesSync(paths.meta, touched, touched);
        } catch {
          // A missed beat is harmless: a minute of them would be needed to look crashed.
        }
      }, HEARTBEAT_MS);
      k.heartbeat.unref();
      known.set(meta.id, k);
      const writer = k.writer;
      return {
        id: meta.id,
        append: (entry) => writer.append(entry),
        appendPlainFrame: (seq, fields) => writer.appendPlainFrame(seq, fields),
        flush: () => writer.flush(),
        async close() {
          await closeLive(k);
          return info(k);
        },
      };
    },
    list: () => [...known.values()].map(info).sort((a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id)),
    get(id) {
      const k = known.get(id);
      return k && info(k);
    },
    async readRange(id, range, limit = 10_000) {
      const found: CaptureEntry[] = [];
      for await (const entry of readEntries(await entryFile(id), range)) {
        found.push(entry);
        if (found.length >= limit) break;
      }
      return found;
    },
    async *entries(id, range) {
      yield* readEntries(await entryFile(id), range);
    },
    filter: async (id, text, range) => filterSessionFile(await entryFile(id), text, range),
    async deleteSession(id) {
      const k = known.get(id);
      if (!k) return;
      if (!k.end) throw new Error(`session ${id} is live and cannot be deleted`);
      await removeFolder(id);
    },
    async close() {
      for (const k of known.values()) if (k.writer) await closeLive(k);
      await Promise.all([...deletions]);
    },
  };

  async function closeLive(k: Known): Promise<void> {
    const writer = k.writer;
    if (!writer) return;
    const closed = await writer.close();
    clearInterval(k.heartbeat);
    const paths = sessionPaths(dir, k.meta.id);
    // A lost writer thread may have left a torn record: the session ends as a crashed one would.
    const end = closed.lost ? await recoverSession(paths, k.meta) : { endedAt: now(), entries: closed.entries, bytes: closed.bytes, recovered: false };
    delete k.writer;
    k.end = end;
    if (closed.lost) return;
    await writeIndex(paths.index, closed.index);
    await writeJsonAtomic(paths.end, end);
  }

  enforceCap();
  return store;
}
