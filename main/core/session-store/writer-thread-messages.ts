// What the engine's thread and the session writer thread say to each other
// (docs/architecture.md#session-writer-thread). One MessagePort carries both ways, in order.
import type { EntryBatch } from './entry-batch';
import type { SessionPaths } from './session-files';

export interface WriterThreadData {
  paths: SessionPaths;
  firstSeq: number;
  flushIntervalMs: number;
  maxPendingBytes: number;
  /** Int32Array[1] over it: batches the thread has taken (written, or refused), for the sender's backpressure. */
  taken: SharedArrayBuffer;
}

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
