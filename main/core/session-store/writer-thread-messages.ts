// What the engine's thread and the session writer thread say to each other
// (docs/architecture.md#session-writer-thread). One MessagePort carries both ways, in order.
import type { EntryBatch } from './entry-batch';
import type { SessionPaths } from './session-files';

export interface WriterThreadData {
  paths: SessionPaths;
  firstSeq: number;
  flushIntervalMs: number;
  maxPendingBytes: number;
  /** Int32Array[THREAD_STATE_SLOTS] over it, read while the engine's thread waits (no message arrives then). */
  state: SharedArrayBuffer;
}

/** Slots of the shared state: batches the thread has taken (written, or refused: the sender's backpressure); 1 once the thread runs; 1 once it failed. */
export const TAKEN = 0;
export const RUNNING = 1;
export const FAILED = 2;
export const THREAD_STATE_SLOTS = 3;

export type ToWriterThread =
  | { kind: 'batch'; batch: EntryBatch }
  /** Answered with `flushed` once everything sent before it is written (or its write failed). */
  | { kind: 'flush'; id: number }
  | { kind: 'close' };

/** The file as it is after a write: counts, and the index offsets added since the last report. */
export interface FileProgress {
  entries: number;
  bytes: number;
  addedBytes: number;
  newIndex: number[];
  refused: number;
}

export type FromWriterThread =
  | ({ kind: 'written' } & FileProgress)
  | { kind: 'flushed'; id: number }
  | { kind: 'write-failed'; message: string }
  | { kind: 'stopped'; entries: number }
  | { kind: 'closed'; entries: number; bytes: number; index: number[] };
