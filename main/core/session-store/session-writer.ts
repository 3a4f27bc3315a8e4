// The live session's appender. Entries are encoded at append (entry-codec.ts) into one reused buffer,
// so the caller may keep or change its objects, and written in batches: when ~256 KiB are waiting, and
// at least every flushIntervalMs by a timer, so a SIGKILL loses at most that interval (written bytes sit
// in the OS page cache, which a killed process does not take with it; fsync at close guards the finished
// session against power loss).
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import type { CaptureEntry } from '../../../shared/capture';
import { encodeEntry, maxRecordBytes } from './entry-codec';
import type { EntryFile } from './session-reader';
import { INDEX_STRIDE, type SessionPaths } from './session-files';

export const DEFAULT_FLUSH_INTERVAL_MS = 250;
const FLUSH_BYTES = 256 * 1024;
const BUFFER_BYTES = 1024 * 1024;

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
  let buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  let waiting = 0; // bytes encoded in buffer
  let written = 0; // of those, bytes already in the file (a failed flush resumes from here)
  let waitingEntries = 0;
  let fileBytes = 0;
  let fileEntries = 0;
  let appended = 0;

  function flush(): void {
    if (fd === undefined || waiting === 0) return;
    // writeSync may write less than asked, or throw (a full disk): go on from where it stopped.
    while (written < waiting) written += writeSync(fd, buffer, written, waiting - written);
    fileBytes += waiting;
    fileEntries += waitingEntries;
    onFlushed?.(waiting);
    waiting = 0;
    written = 0;
    waitingEntries = 0;
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

  /** Room for `bytes` more: flush first, or grow when a flush cannot make room (one huge entry, a full disk). */
  function makeRoom(bytes: number): void {
    if (waiting + bytes <= buffer.length) return;
    flushOrReport();
    if (waiting + bytes <= buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(buffer.length * 2, waiting + bytes));
    buffer.copy(grown, 0, 0, waiting);
    buffer = grown;
  }

  return {
    append(entry) {
      if (fd === undefined) throw new Error('session closed');
      const expected = firstSeq + appended;
      if (entry.seq !== expected) throw new RangeError(`session append out of order: seq ${entry.seq}, expected ${expected}`);
      const detailText = entry.detail === undefined ? undefined : JSON.stringify(entry.detail);
      makeRoom(maxRecordBytes(entry, detailText));
      if (appended % INDEX_STRIDE === 0) index.push(fileBytes + waiting);
      waiting = encodeEntry(entry, detailText, buffer, waiting);
      waitingEntries += 1;
      appended += 1;
      if (waiting >= FLUSH_BYTES) flushOrReport();
    },
    flush,
    entries: () => appended,
    snapshot() {
      flush();
      return { path: paths.entries, firstSeq, entries: fileEntries, bytes: fileBytes, index: index.slice() };
    },
    close() {
      clearInterval(timer);
      flush();
      if (fd !== undefined) {
        fsyncSync(fd);
        closeSync(fd);
        fd = undefined;
      }
      // The writer is done: let its buffer go.
      buffer = Buffer.alloc(0);
      return { entries: fileEntries, bytes: fileBytes, index };
    },
  };
}
