// The session writer thread (node:worker_threads): decodes the engine's entry batches (entry-batch.ts)
// and appends them with the session writer (session-writer.ts) — record encoding and file writes happen
// here, off the engine's thread. Every batch is written as it arrives, so the engine's flush interval
// bounds what a SIGKILL loses (docs/architecture.md#session-writer-thread).
import { parentPort, workerData } from 'node:worker_threads';
import { EntryUnbatcher } from './entry-batch';
import { createSessionWriter } from './session-writer';
import { FAILED, RUNNING, TAKEN, type FromWriterThread, type ToWriterThread, type WriterThreadData } from './writer-thread-messages';

const port = parentPort;
if (!port) throw new Error('session-writer-thread runs as a worker thread');
const data = workerData as WriterThreadData;
const state = new Int32Array(data.state);
const post = (message: FromWriterThread): void => port.postMessage(message);

const writer = createSessionWriter({
  paths: data.paths,
  firstSeq: data.firstSeq,
  flushIntervalMs: data.flushIntervalMs,
  maxPendingBytes: data.maxPendingBytes,
  onFlushError: (error) => post({ kind: 'write-failed', message: error instanceof Error ? error.message : String(error) }),
  onStopped: (entries) => post({ kind: 'stopped', entries }),
});
const unbatcher = new EntryUnbatcher();
let reported = { entries: 0, bytes: 0, index: 0, refused: 0 };

/** Writes what waits and tells the engine's thread what the file holds now and what was refused (when that changed). */
function writeAndReport(): void {
  const file = writer.snapshot();
  const refused = writer.notSaved();
  if (file.bytes === reported.bytes && file.entries === reported.entries && refused === reported.refused) return;
  post({ kind: 'written', entries: file.entries, bytes: file.bytes, addedBytes: file.bytes - reported.bytes, newIndex: file.index.slice(reported.index), refused });
  reported = { entries: file.entries, bytes: file.bytes, index: file.index.length, refused };
}

const take = (message: ToWriterThread): void => {
  if (message.kind === 'batch') {
    unbatcher.forEach(message.batch, writer);
    writeAndReport();
    Atomics.add(state, TAKEN, 1);
    Atomics.notify(state, TAKEN);
  } else if (message.kind === 'flush') {
    writeAndReport();
    post({ kind: 'flushed', id: message.id });
  } else {
    const end = writer.close();
    post({ kind: 'closed', ...end });
    port.close();
  }
};

port.on('message', (message: ToWriterThread) => {
  try {
    take(message);
  } catch (error) {
    // The engine's thread may be waiting on the shared state, where no error event reaches it.
    Atomics.store(state, FAILED, 1);
    Atomics.notify(state, TAKEN);
    throw error;
  }
});
Atomics.store(state, RUNNING, 1);
