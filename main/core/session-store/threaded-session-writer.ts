// The live session's appender as the engine's thread sees it: each entry is copied into a compact batch
// (entry-batch.ts) and the batches go to the session writer thread (session-writer-thread.ts), which
// encodes and writes them (docs/architecture.md#session-writer-thread). A batch leaves when it is full and
// at least every flushIntervalMs, so a SIGKILL still loses at most that interval plus the thread's lag.
import { closeSync, openSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { CaptureEntry } from '../../../shared/capture';
import type { HeldEntryFields } from '../ports';
import { EntryBatcher } from './entry-batch';
import type { SessionPaths } from './session-files';
import type { EntryFile } from './session-reader';
import { DEFAULT_FLUSH_INTERVAL_MS, DEFAULT_MAX_PENDING_BYTES } from './session-writer';
import { FAILED, RUNNING, TAKEN, THREAD_STATE_SLOTS, type FromWriterThread, type ToWriterThread, type WriterThreadData } from './writer-thread-messages';
import { sourceWriterThread, type WriterThreadLocation } from './writer-thread-location';

const BATCH_ENTRIES = 2048;
/** Batches sent and not yet taken before append waits for the thread (~32,000 entries). */
const MAX_BATCHES_IN_FLIGHT = 16;
/** A running thread that takes no batch for this long while the engine waits is given up (the session stops). */
const STALL_MS = 60_000;

export interface ThreadedSessionWriterOptions {
  paths: SessionPaths;
  firstSeq: number;
  flushIntervalMs?: number;
  maxPendingBytes?: number;
  /** Where the writer thread's script is (default: the source file, run through tsx). */
  thread?: WriterThreadLocation;
  /** After every write that reached the file, with the bytes it added. */
  onFlushed?: (addedBytes: number) => void;
  /** A write failed (a full disk): the thread keeps the entries and retries. */
  onFlushError?: (message: string) => void;
  /** The bound of waiting bytes was reached: the session stops at `entries`, gap-free. */
  onStopped?: (entries: number) => void;
  /** The thread ended without being closed: the session ends with what reached the file. */
  onLost?: (reason: string) => void;
}

export type ThreadedWriterEnd = { lost: false; entries: number; bytes: number; index: number[] } | { lost: true };

export interface ThreadedSessionWriter {
  /** Throws unless entry.seq is the next seq: a session is gap-free by construction. */
  append(entry: CaptureEntry): void;
  /** Appends the plain frame the capture ring holds for `seq`, read from its columns (`fields.plainFrame(seq)` is true). */
  appendPlainFrame(seq: number, fields: HeldEntryFields): void;
  /** Writes what waits now: sends it to the thread and holds the engine's thread until it is in the file. */
  flush(): void;
  /** Entries taken so far (written or not). */
  entries(): number;
  /** Entries refused after the session stopped (full disk) or its thread was lost. */
  notSaved(): number;
  /** Everything taken so far written: the file as readers may read it. */
  snapshot(): Promise<EntryFile>;
  /** Writes the rest, fsyncs and closes; `lost` when the thread is gone (the file then needs recovery). */
  close(): Promise<ThreadedWriterEnd>;
  /** The thread itself (tests end it to check what its loss does). */
  readonly thread: Worker;
}

export function createThreadedSessionWriter(options: ThreadedSessionWriterOptions): ThreadedSessionWriter {
  const { paths, firstSeq, flushIntervalMs = DEFAULT_FLUSH_INTERVAL_MS, maxPendingBytes = DEFAULT_MAX_PENDING_BYTES, onFlushed, onFlushError, onStopped, onLost } = options;
  const location = options.thread ?? sourceWriterThread();
  const shared = new SharedArrayBuffer(THREAD_STATE_SLOTS * 4);
  const state = new Int32Array(shared);
  const workerData: WriterThreadData = { paths, firstSeq, flushIntervalMs, maxPendingBytes, state: shared };
  // Created here, so the session's file exists from its start, as readers and recovery expect.
  closeSync(openSync(paths.entries, 'a'));
  const thread = location.eval ? new Worker(location.code, { workerData, eval: true }) : new Worker(location.file, { workerData });
  // The thread does not keep the process alive; it is referenced only while an answer is awaited.
  thread.unref();
  const batcher = new EntryBatcher(BATCH_ENTRIES);
  // The file as the thread last reported it.
  const file = { entries: 0, bytes: 0, index: [] as number[] };
  let appended = 0;
  let sent = 0;
  let refusedHere = 0;
  let refusedThere = 0;
  let stopped = false;
  let lost = false;
  let closing = false;
  let nextFlushId = 0;
  const awaitingFlush = new Map<number, () => void>();
  let awaitingClose: ((end: ThreadedWriterEnd) => void) | undefined;

  const send = (message: ToWriterThread, transfer: ArrayBuffer[] = []): void => thread.postMessage(message, transfer);

  function settleAll(): void {
    for (const resolve of awaitingFlush.values()) resolve();
    awaitingFlush.clear();
    awaitingClose?.({ lost: true });
    awaitingClose = undefined;
  }

  function loseThread(reason: string): void {
    if (lost) return;
    lost = true;
    clearInterval(timer);
    onLost?.(reason);
    settleAll();
    void thread.terminate();
  }

  thread.on('message', (message: FromWriterThread) => {
    if (message.kind === 'written') {
      file.entries = message.entries;
      file.bytes = message.bytes;
      file.index.push(...message.newIndex);
      refusedThere = message.refused;
      onFlushed?.(message.addedBytes);
    } else if (message.kind === 'flushed') {
      awaitingFlush.get(message.id)?.();
      awaitingFlush.delete(message.id);
    } else if (message.kind === 'write-failed') {
      onFlushError?.(message.message);
    } else if (message.kind === 'stopped') {
      stopped = true;
      onStopped?.(message.entries);
    } else {
      awaitingClose?.({ lost: false, entries: message.entries, bytes: message.bytes, index: message.index });
      awaitingClose = undefined;
    }
  });
  thread.on('error', (error) => loseThread(`the writer thread failed: ${error.message}`));
  thread.on('exit', (code) => {
    if (!closing || awaitingClose) loseThread(`the writer thread ended (exit code ${code})`);
  });

  /**
   * Holds the engine's thread until at most `inFlight` sent batches are not yet taken (the thread is
   * behind, or a flush waits for the file), as a slow disk held the in-thread writer's writeSync. No
   * event arrives meanwhile, so the thread says through shared state that it runs or failed. Before it
   * runs, only a flush waits: batches queue in its port while it starts.
   */
  function waitUntilInFlight(inFlight: number, evenBeforeStart: boolean): void {
    let observed = Atomics.load(state, TAKEN);
    let since = Date.now();
    while (!lost && sent - observed > inFlight) {
      if (Atomics.load(state, FAILED) === 1) return loseThread('the writer thread failed');
      if (Atomics.load(state, RUNNING) === 0 && !evenBeforeStart) return;
      Atomics.wait(state, TAKEN, observed, 100);
      const now = Atomics.load(state, TAKEN);
      if (now !== observed) {
        observed = now;
        since = Date.now();
      } else if (Date.now() - since >= STALL_MS) {
        loseThread(`the writer thread took no entries for ${STALL_MS / 1000} s`);
      }
    }
  }

  function sendBatch(): void {
    if (batcher.size === 0 || lost) return;
    waitUntilInFlight(MAX_BATCHES_IN_FLIGHT - 1, false);
    if (lost) return;
    const batch = batcher.take();
    send({ kind: 'batch', batch }, [batch.numbers.buffer as ArrayBuffer]);
    sent += 1;
  }

  /** Whether the entry of `seq` goes into the batch: false (counted as not saved) once stopped or lost; throws out of order. */
  function accepts(seq: number): boolean {
    if (closing) throw new Error('session closed');
    if (stopped || lost) {
      refusedHere += 1;
      return false;
    }
    const expected = firstSeq + appended;
    if (seq !== expected) throw new RangeError(`session append out of order: seq ${seq}, expected ${expected}`);
    return true;
  }

  function taken(): void {
    appended += 1;
    if (batcher.size >= BATCH_ENTRIES) sendBatch();
  }

  const timer = setInterval(sendBatch, flushIntervalMs);
  timer.unref();

  /** Sends `message` and waits for its answer with the thread referenced (while any answer is awaited), so the process stays up meanwhile. */
  let answersAwaited = 0;
  function answered<T>(register: (resolve: (value: T) => void) => void, message: ToWriterThread): Promise<T> {
    if (answersAwaited++ === 0) thread.ref();
    return new Promise<T>((resolve) => {
      register(resolve);
      send(message);
    }).finally(() => {
      if (--answersAwaited === 0) thread.unref();
    });
  }

  return {
    thread,
    append(entry) {
      if (!accepts(entry.seq)) return;
      batcher.add(entry);
      taken();
    },
    appendPlainFrame(seq, fields) {
      if (!accepts(seq)) return;
      fields.copyPlainFrame(seq, batcher);
      taken();
    },
    flush() {
      sendBatch();
      waitUntilInFlight(0, true);
    },
    entries: () => appended,
    notSaved: () => refusedHere + refusedThere,
    async snapshot() {
      sendBatch();
      if (!lost) {
        const id = nextFlushId++;
        await answered<void>((resolve) => awaitingFlush.set(id, resolve), { kind: 'flush', id });
      }
      return { path: paths.entries, firstSeq, entries: file.entries, bytes: file.bytes, index: file.index.slice() };
    },
    async close() {
      if (closing) throw new Error('session closed');
      sendBatch();
      closing = true;
      clearInterval(timer);
      if (lost) return { lost: true };
      return answered<ThreadedWriterEnd>((resolve) => (awaitingClose = resolve), { kind: 'close' });
    },
  };
}
