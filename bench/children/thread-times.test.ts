import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { processRunningMicros, sampleThreadTimes, threadTimesSince } from './thread-times';

function spin(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('thread times from /proc schedstat', () => {
  it('counts a busy stretch as running and a wait as asleep, and splits the whole wall time', () => {
    const start = sampleThreadTimes();
    spin(150);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 150);
    const times = threadTimesSince(start);
    const wall = times.running + times.waiting + times.asleep;
    expect(wall).toBeGreaterThanOrEqual(295_000);
    // Under load the busy stretch may also wait for a core, but it never sleeps: about 150 ms asleep.
    expect(times.asleep).toBeGreaterThan(120_000);
    expect(times.asleep).toBeLessThan(wall - 100_000);
    expect(times.running).toBeGreaterThan(10_000);
  });

  it("counts another thread's CPU apart from the calling thread's, and a whole process's", async () => {
    const start = sampleThreadTimes();
    const before = processRunningMicros(process.pid);
    // A fixed amount of work (not a wall-clock spin, which a loaded machine would leave mostly unrun); the
    // worker then stays alive until terminated, so its thread is still listed when sampled.
    const worker = new Worker('let x = 0; for (let i = 0; i < 3e8; i += 1) x += i % 7; require("node:worker_threads").parentPort.postMessage(x); setInterval(() => {}, 60_000);', { eval: true });
    await new Promise((resolve) => worker.once('message', resolve));
    // Sampled while the worker still lives: an ended thread's task, and its time, leave /proc.
    const times = threadTimesSince(start);
    const processRunning = processRunningMicros(process.pid) - before;
    await worker.terminate();
    expect(times.otherThreadsRunning).toBeGreaterThan(100_000);
    expect(times.running).toBeLessThan(times.otherThreadsRunning);
    expect(processRunning).toBeGreaterThan(100_000);
    expect(processRunningMicros(-1)).toBeNaN();
  });
});
