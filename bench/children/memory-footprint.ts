// Memory per held entry (run with --expose-gc). `engine`: the engine captures the flood with its default
// ring; `bare`: a ws client keeps the same number of most recent payload strings in a plain ring array,
// which is the payload's own cost. Heap and RSS are read after full collections, before and after.
import WebSocket from 'ws';
import { createEngine } from '../../main/core/engine';
import { DEFAULT_CAPTURE_OPTIONS } from '../../main/core/capture-log';
import { answer, childInput } from './child-io';

export interface MemoryInput {
  side: 'engine' | 'bare';
  url: string;
  count: number;
}

export interface MemoryResult {
  held: number;
  total: number;
  heapBytesPerEntry: number;
  rssBytesPerEntry: number;
  heapUsedMiB: number;
  rssMiB: number;
}

const collect = (globalThis as { gc?: () => void }).gc;

function settledMemory(): NodeJS.MemoryUsage {
  if (!collect) throw new Error('run with --expose-gc');
  for (let i = 0; i < 3; i += 1) collect();
  return process.memoryUsage();
}

function captureWithEngine(url: string, count: number): Promise<{ held: number; total: number; keep: unknown }> {
  return new Promise((resolve, reject) => {
    const engine = createEngine();
    let messages = 0;
    const client = engine.attachClient({
      origin: 'http://127.0.0.1',
      send(message) {
        if (message.kind !== 'event') return;
        if (message.payload.event === 'message') messages += 1;
        if (message.payload.event === 'error') reject(new Error(message.payload.errorMessage));
        if (message.payload.event === 'close') {
          if (messages < count) reject(new Error(`flood closed after ${messages} of ${count} frames`));
          const stats = engine.capture.stats();
          resolve({ held: stats.held, total: stats.total, keep: { engine, client } });
        }
      },
    });
    client.receive({ op: 'connect', callId: 1, target: null, options: { url } });
  });
}

function captureBare(url: string, count: number, capacity: number): Promise<{ held: number; total: number; keep: unknown }> {
  return new Promise((resolve, reject) => {
    const ring: (string | undefined)[] = new Array(capacity);
    let total = 0;
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.on('message', (data: Buffer) => {
      ring[total % capacity] = data.toString();
      total += 1;
    });
    ws.on('error', reject);
    ws.on('close', () => {
      if (total < count) reject(new Error(`flood closed after ${total} of ${count} frames`));
      resolve({ held: Math.min(total, capacity), total, keep: ring });
    });
  });
}

const input = childInput<MemoryInput>();
await answer<MemoryResult>(async () => {
  const before = settledMemory();
  const run =
    input.side === 'engine' ? await captureWithEngine(input.url, input.count) : await captureBare(input.url, input.count, DEFAULT_CAPTURE_OPTIONS.capacity);
  await new Promise((resolve) => setTimeout(resolve, 200)); // let the closed socket's buffers go
  const after = settledMemory();
  const result: MemoryResult = {
    held: run.held,
    total: run.total,
    heapBytesPerEntry: (after.heapUsed - before.heapUsed) / run.held,
    rssBytesPerEntry: (after.rss - before.rss) / run.held,
    heapUsedMiB: after.heapUsed / 1024 ** 2,
    rssMiB: after.rss / 1024 ** 2,
  };
  if (run.keep === undefined) throw new Error('nothing was kept');
  return result;
});
