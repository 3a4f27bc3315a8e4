// The live session's appender. Entries are encoded at append (entry-codec.ts) into one reused buffer,
// so the caller may keep or change its objects, and written in batches: when ~256 KiB are waiting, and
// at least every flushIntervalMs by a timer, so a SIGKILL loses at most that interval (written bytes sit
// in the OS page cache, which a killed process does not take with it; fsync at close guards the finished
// session against power loss).
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import type { CaptureEntry } from '../../../shared/capture';
import { encodeEntry, encodePlainFrame, maxRecordBytes, maxRecordBytesOf } from './entry-codec';
import type { EntryFile } from './session-reader';
import { INDEX_STRIDE, type SessionPaths } from './session-files';

export const DEFAULT_FLUSH_INTERVAL_MS = 250;
const FLUSH_BYTES = 256 * 1024;
const BUFFER_BYTES = 1024 * 1024;
/** Most bytes that may wait for a disk that refuses writes before the session stops taking entries. */
export const DEFAULT_MAX_PENDING_BYTES = 64 * 1024 * 1024;

export interface SessionWriterOptions {
  paths: SessionPaths;
  firstSeq: number;
  flushIntervalMs?: number;
  /** After every write that reached the file, with the bytes it added. */
  onFlushed?: (addedBytes: number) => void;
  /** A timed or size-triggered flush failed (a full disk): the entries stay waiting and the next flush retries. */
  onFlushError?: (error: unknown) => void;
  /** Bound of the waiting bytes while writes fail (default 64 MiB). */
  maxPendingBytes?: number;
  /**
   * The bound was reached: the session stops at `entries` (it stays gap-free: nothing after is taken).
   * Called once; later appends are counted as not saved.
   */
  onStopped?: (entries: number) => void;
}

export interface SessionWriter {
  /** Throws unless entry.seq is the next seq: a session is gap-free by construction. */
  append(entry: CaptureEntry): void;
  /**
   * The same as `append` for a plain frame (opcode, payload, `binary`; no other optional field), from its
   * fields without an entry object; `kind` and `direction` are indexes into KINDS and DIRECTIONS (entry-codec.ts).
   */
  appendPlainFrame(seq: number, wallTime: number, monoTime: number, size: number, kind: number, direction: number, clientId: string, connectionId: string, name: string, opcode: number, payload: string, binary: boolean): void;
  /** Writes what is waiting, now. */
  flush(): void;
  /** Entries taken so far (flushed or not). */
  entries(): number;
  /** Entries refused after the session stopped on a full disk. */
  notSaved(): number;
  /** Flushes (a failure is reported, not thrown), then describes the file as it is now: readers see exactly this snapshot. */
  snapshot(): EntryFile;
  /** Flushes, fsyncs and closes the file; appends after this throw. */
  close(): { entries: number; bytes: number; index: number[] };
}

export function createSessionWriter(options: SessionWriterOptions): SessionWriter {
  const { paths, firstSeq, flushIntervalMs = DEFAULT_FLUSH_INTERVAL_MS, onFlushed, onFlushError, maxPendingBytes = DEFAULT_MAX_PENDING_BYTES, onStopped } = options;
  let fd: number | undefined = openSync(paths.entries, 'a');
  const index: number[] = [];
  let buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  let waiting = 0; // bytes encoded in buffer
  let written = 0; // of those, bytes already in the file (a failed flush resumes from here)
  let waitingEntries = 0;
  let fileBytes = 0;
  let fileEntries = 0;
  let appended = 0;
  let stopped = false;
  let refused = 0;

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

  /**
   * Room for `bytes` more: flush first, or grow when a flush cannot make room (one huge entry, a full
   * disk) — up to maxPendingBytes; false when the bound is reached.
   */
  function makeRoom(bytes: number): boolean {
    if (waiting + bytes <= buffer.length) return true;
    flushOrReport();
    if (waiting + bytes <= buffer.length) return true;
    if (waiting > 0 && waiting + bytes > maxPendingBytes) return false;
    const grown = Buffer.allocUnsafe(Math.max(buffer.length * 2, waiting + bytes));
    buffer.copy(grown, 0, 0, waiting);
    buffer = grown;
    return true;
  }

  /** Takes the entry `seq` whose record needs at most `bytes`: true when it is to be encoded at `waiting` now. */
  function admit(seq: number, bytes: number): boolean {
    if (fd === undefined) throw new Error('session closed');
    const expected = firstSeq + appended;
    if (stopped) {
      refused += 1;
      return false;
    }
    if (seq !== expected) throw new RangeError(`session append out of order: seq ${seq}, expected ${expected}`);
    if (!makeRoom(bytes)) {
      stopped = true;
      refused += 1;
      onStopped?.(appended);
      return false;
    }
    if (appended % INDEX_STRIDE === 0) index.push(fileBytes + waiting);
    return true;
  }

  /** The record now ends at `end`. */
  function encoded(end: number): void {
    waiting = end;
    waitingEntries += 1;
    appended += 1;
    if (waiting >= FLUSH_BYTES) flushOrReport();
  }

  return {
    append(entry) {
      const detailText = entry.detail === undefined ? undefined : JSON.stringify(entry.detail);
      if (admit(entry.seq, maxRecordBytes(entry, detailText))) encoded(encodeEntry(entry, detailText, buffer, waiting));
    },
    appendPlainFrame(seq, wallTime, monoTime, size, kind, direction, clientId, connectionId, name, opcode, payload, binary) {
      if (admit(seq, maxRecordBytesOf(clientId.length + connectionId.length + name.length + payload.length))) {
        encoded(encodePlainFrame(buffer, waiting, seq, wallTime, monoTime, size, kind, direction, clientId, connectionId, name, opcode, payload, binary));
      }
    },
    flush,
    entries: () => appended,
    notSaved: () => refused,
    snapshot() {
      flushOrReport();
      return { path: paths.entries, firstSeq, entries: fileEntries, bytes: fileBytes, index: index.slice(0, Math.ceil(fileEntries / INDEX_STRIDE)) };
    },
    close() {
      clearInterval(timer);
      // What the disk still refuses is not saved: the session ends with what reached the file.
      flushOrReport();
      if (fd !== undefined) {
        try {
          fsyncSync(fd);
        } catch (error) {
          onFlushError?.(error);
        }
        closeSync(fd);
        fd = undefined;
      }
      // The writer is done: let its buffer go.
      buffer = Buffer.alloc(0);
      return { entries: fileEntries, bytes: fileBytes, index: index.slice(0, Math.ceil(fileEntries / INDEX_STRIDE)) };
    },
  };
}
