// The live session's appender. Entries are serialized at append (so the caller may keep or change its
// objects) and written in batches: when ~256 KiB are waiting, and at least every flushIntervalMs by a
// timer, so a SIGKILL loses at most that interval (written bytes sit in the OS page cache, which a killed
// process does not take with it; fsync at close guards the finished session against power loss).
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import type { CaptureEntry } from '../../../shared/capture';
import { jsonlLine } from '../../../shared/jsonl';
import type { EntryFile } from './session-reader';
import { INDEX_STRIDE, type SessionPaths } from './session-files';

export const DEFAULT_FLUSH_INTERVAL_MS = 250;
const FLUSH_BYTES = 256 * 1024;

export interface SessionWriterOptions {
  paths: SessionPaths;
  firstSeq: number;
  flushIntervalMs?: number;
  /** After every write that reached the file, with the bytes it added. */
  onFlushed?: (addedBytes: number) => void;
  /** A timed or size-triggered flush failed (a full disk): the entries stay waiting and the next flush retries. */
  onFlushError?: (error: unknown) => void;
}

export interface SessionWriter {
  /** Throws unless entry.seq is the next seq: a session is gap-free by construction. */
  append(entry: CaptureEntry): void;
  /** Writes what is waiting, now. */
  flush(): void;
  /** Entries appended so far (flushed or not). */
  entries(): number;
  /** Flushes, then describes the file as it is now: readers see exactly this snapshot. */
  snapshot(): EntryFile;
  /** Flushes, fsyncs and closes the file; appends after this throw. */
  close(): { entries: number; bytes: number; index: number[] };
}

export function createSessionWriter({ paths, firstSeq, flushIntervalMs = DEFAULT_FLUSH_INTERVAL_MS, onFlushed, onFlushError }: SessionWriterOptions): SessionWriter {
  let fd: number | undefined = openSync(paths.entries, 'a');
  const index: number[] = [];
  let pending: string[] = [];
  let pendingBytes = 0;
  let writtenBytes = 0;
  let writtenEntries = 0;
  let appended = 0;
  // A chunk being written: after a failed attempt (a full disk) the next flush goes on from `written`.
  let inFlight: { bytes: Buffer; written: number; entries: number } | undefined;

  function flush(): void {
    if (fd === undefined) return;
    for (;;) {
      if (!inFlight) {
        if (pending.length === 0) return;
        inFlight = { bytes: Buffer.from(pending.join(''), 'utf8'), written: 0, entries: pending.length };
        pending = [];
        pendingBytes = 0;
      }
      const chunk = inFlight;
      // writeSync may write less than asked: go on from where it stopped.
      while (chunk.written < chunk.bytes.length) chunk.written += writeSync(fd, chunk.bytes, chunk.written);
      inFlight = undefined;
      writtenBytes += chunk.bytes.length;
      writtenEntries += chunk.entries;
      onFlushed?.(chunk.bytes.length);
    }
  }

  /** A flush from the timer or the size trigger must not throw into the capture: report and retry later. */
  function flushOrReport(): void {
    try {
      flush();
    } catch (error) {
      onFlushError?.(error);
    }
  }
  const timer = setInterval(flushOrReport, flushIntervalMs);
  timer.unref();

  return {
    append(entry) {
      if (fd === undefined) throw new Error('session closed');
      const expected = firstSeq + appended;
      if (entry.seq !== expected) throw new RangeError(`session append out of order: seq ${entry.seq}, expected ${expected}`);
      const line = jsonlLine(entry);
      const lineBytes = Buffer.byteLength(line);
      if (appended % INDEX_STRIDE === 0) index.push(writtenBytes + (inFlight?.bytes.length ?? 0) + pendingBytes);
      pending.push(line);
      pendingBytes += lineBytes;
      appended += 1;
      if (pendingBytes >= FLUSH_BYTES) flushOrReport();
    },
    flush,
    entries: () => appended,
    snapshot() {
      flush();
      return { path: paths.entries, firstSeq, entries: writtenEntries, bytes: writtenBytes, index: index.slice() };
    },
    close() {
      clearInterval(timer);
      flush();
      if (fd !== undefined) {
        fsyncSync(fd);
        closeSync(fd);
        fd = undefined;
      }
      return { entries: writtenEntries, bytes: writtenBytes, index };
    },
  };
}
