// Baseline of the capture measurement: a bare `ws` client that only counts the flood's frames.
import WebSocket from 'ws';
import { answer, childInput } from './child-io';

export interface FloodClientInput {
  url: string;
  count: number;
}

/** Frames counted and the time from open to the last one. */
export interface FloodRunResult {
  frames: number;
  ms: number;
  framesPerSecond: number;
}

const input = childInput<FloodClientInput>();
await answer<FloodRunResult>(
  () =>
    new Promise((resolve, reject) => {
      const ws = new WebSocket(input.url, { perMessageDeflate: false });
      let frames = 0;
      let started = 0;
      ws.on('open', () => (started = performance.now()));
      ws.on('message', () => {
        frames += 1;
        if (frames !== input.count) return;
        const ms = performance.now() - started;
        resolve({ frames, ms, framesPerSecond: frames / (ms / 1000) });
        ws.close();
      });
      ws.on('error', reject);
      ws.on('close', () => reject(new Error(`flood closed after ${frames} of ${input.count} frames`)));
    }),
);
