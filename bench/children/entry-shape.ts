// Where the memory per entry goes (run with --expose-gc): the capture log's real append(), called the
// way connection.ts logs an incoming text frame, vs the very same fields built as one object literal
// and held in an array. Same payload strings on both sides, so the difference is the entry's shape.
import { createCaptureLog } from '../../main/core/capture-log';
import type { NewCaptureEntry } from '../../main/core/ports';
import { answer, childInput } from './child-io';

export interface EntryShapeInput {
  entries: number;
}

export interface EntryShapeResult {
  appendBytesPerEntry: number;
  literalBytesPerEntry: number;
  payloadBytesPerEntry: number;
}

const collect = (globalThis as { gc?: () => void }).gc;

function heapUsed(): number {
  if (!collect) throw new Error('run with --expose-gc');
  for (let i = 0; i < 3; i += 1) collect();
  return process.memoryUsage().heapUsed;
}

function payloadOf(seq: number): string {
  return Buffer.from(`${seq}:`.padEnd(100, 'x')).toString();
}

/** Heap growth per item while `make` creates `count` items, kept in a preallocated array (or by `make`). */
function bytesPerItem(count: number, make: (seq: number) => unknown): number {
  const keep: unknown[] = new Array(count).fill(undefined);
  const before = heapUsed();
  for (let seq = 0; seq < count; seq += 1) keep[seq] = make(seq);
  const grown = heapUsed() - before;
  keep.fill(undefined);
  return grown / count;
}

const { entries } = childInput<EntryShapeInput>();
await answer<EntryShapeResult>(async () => {
  const payloadBytesPerEntry = bytesPerItem(entries, payloadOf);
  const literalBytesPerEntry = bytesPerItem(entries, (seq) => ({
    seq,
    wallTime: Date.now() + 0.5,
    monoTime: performance.now(),
    clientId: 'app-1',
    connectionId: 's1',
    kind: 'frame',
    name: 'text',
    direction: 'in',
    opcode: 1,
    size: 100,
    payload: payloadOf(seq),
    binary: false,
  }));
  const clientId = 'app-1';
  const connectionId = 's1';
  const log = createCaptureLog({ capacity: entries });
  const logFrame = (entry: Omit<NewCaptureEntry, 'clientId' | 'connectionId'>): void => {
    log.append({ clientId, connectionId, ...entry });
  };
  const appendBytesPerEntry = bytesPerItem(entries, (seq) =>
    logFrame({ kind: 'frame', name: 'text', direction: 'in', opcode: 1, size: 100, payload: payloadOf(seq), binary: false }),
  );
  if (log.stats().held !== entries) throw new Error('the log did not hold every entry');
  return { appendBytesPerEntry, literalBytesPerEntry, payloadBytesPerEntry };
});
