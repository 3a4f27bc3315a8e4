import { describe, expect, it } from 'vitest';
import { longTaskContents, mainThreadTasks } from './trace-tasks';

describe('mainThreadTasks', () => {
  it('lists RunTask slices of renderer main threads only, longest first, wall and CPU ms', () => {
    const trace = {
      traceEvents: [
        { ph: 'M', name: 'thread_name', pid: 1, tid: 10, args: { name: 'CrRendererMain' } },
        { ph: 'M', name: 'thread_name', pid: 1, tid: 11, args: { name: 'DedicatedWorker thread' } },
        { ph: 'X', name: 'RunTask', pid: 1, tid: 10, dur: 12_500 },
        { ph: 'X', name: 'RunTask', pid: 1, tid: 10, dur: 48_000, tdur: 3_000 },
        { ph: 'X', name: 'RunTask', pid: 1, tid: 11, dur: 300_000 },
        { ph: 'X', name: 'FunctionCall', pid: 1, tid: 10, dur: 90_000 },
      ],
    };
    expect(mainThreadTasks(JSON.stringify(trace))).toEqual([{ wall: 48, cpu: 3 }, { wall: 12.5, cpu: 12.5 }]);
  });

  it("keeps only the main frame's renderer when asked (out-of-process iframes have their own)", () => {
    const trace = [
      { name: 'TracingStartedInBrowser', args: { data: { frames: [{ processId: 2, url: 'http://127.0.0.1:1/app', parent: 'F1' }, { processId: 1, url: 'http://127.0.0.1:1/' }] } } },
      { ph: 'M', name: 'thread_name', pid: 1, tid: 10, args: { name: 'CrRendererMain' } },
      { ph: 'M', name: 'thread_name', pid: 2, tid: 20, args: { name: 'CrRendererMain' } },
      { ph: 'X', name: 'RunTask', pid: 1, tid: 10, dur: 7_000, tdur: 6_000 },
      { ph: 'X', name: 'RunTask', pid: 2, tid: 20, dur: 90_000, tdur: 80_000 },
    ];
    expect(mainThreadTasks(JSON.stringify(trace), true)).toEqual([{ wall: 7, cpu: 6 }]);
    expect(mainThreadTasks(JSON.stringify(trace))).toHaveLength(2);
  });

  it('sums the events inside the long tasks by name, on their own thread only', () => {
    const trace = [
      { ph: 'M', name: 'thread_name', pid: 1, tid: 10, args: { name: 'CrRendererMain' } },
      { ph: 'X', name: 'RunTask', pid: 1, tid: 10, ts: 0, dur: 80_000 },
      { ph: 'X', name: 'FireAnimationFrame', pid: 1, tid: 10, ts: 1_000, dur: 50_000 },
      { ph: 'X', name: 'MajorGC', pid: 1, tid: 10, ts: 2_000, dur: 30_000 },
      { ph: 'X', name: 'Layout', pid: 1, tid: 10, ts: 60_000, dur: 10_000 },
      { ph: 'X', name: 'Layout', pid: 1, tid: 11, ts: 60_000, dur: 70_000 },
      { ph: 'X', name: 'RunTask', pid: 1, tid: 10, ts: 100_000, dur: 20_000 },
      { ph: 'X', name: 'Paint', pid: 1, tid: 10, ts: 101_000, dur: 5_000 },
    ];
    expect(longTaskContents(JSON.stringify(trace), 50)).toEqual([
      { name: 'FireAnimationFrame', ms: 50 },
      { name: 'MajorGC', ms: 30 },
      { name: 'Layout', ms: 10 },
    ]);
  });
});
