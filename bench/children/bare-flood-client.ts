// Baseline of the capture measurement: a bare `ws` client that only counts the flood's frames.
import WebSocket from 'ws';
import { answer, childInput, cpuMicrosSince } from './child-io';
import { sampleThreadTimes, threadTimesSince, type ThreadTimes } from './thread-times';

export interface FloodClientInput {
  url: string;
  count: number;
}

/** Frames counted, the time from open to the last one, and the receiving process's CPU time meanwhile. */
export interface FloodRunResult {
  frames: number;
  ms: number;
  framesPerSecond: number;
  /** User + system CPU µs of this process per frame, open to last frame. */
  cpuMicrosPerFrame: number;
  /** Where the receiving (main) thread's time went over the same window, and the other threads' CPU. */
  threadTimes: ThreadTimes;
}

const input = childInput<FloodClientInput>();
await answer<FloodRunResult>(
  () =>
    new Promise((resolve, reject) => {
      const ws = new WebSocket(input.url, { perMessageDeflate: false });
      let frames = 0;
      let started = 0;
      let cpu = process.cpuUsage();
      let threads = sampleThreadTimes();
      ws.on('open', () => {
        started = performance.now();
        cpu = process.cpuUsage();
        threads = sampleThreadTimes();
      });
      ws.on('message', () => {
        frames += 1;
        if (frames !== input.count) return;
        const ms = performance.now() - started;
        resolve({ frames, ms, framesPerSecond: frames / (ms / 1000), cpuMicrosPerFrame: cpuMicrosSince(cpu) / frames, threadTimes: threadTimesSince(threads) });
        ws.close();
      });
      ws.on('error', reject);
      ws.on('close', () => reject(new Error(`flood closed after ${frames} of ${input.count} frames`)));
    }),
);
