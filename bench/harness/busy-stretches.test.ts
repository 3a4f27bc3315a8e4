import { describe, expect, it } from 'vitest';
import { busyStretches, describeBusyStretches } from './busy-stretches';
import type { CpuProfile } from './cpu-profile';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber, columnNumber: 0 });

// (root) → flush → render → measure; (root) → onMessage; (root) → (idle). Samples every 10 ms.
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 5, 6] },
    { id: 2, callFrame: frame('flush', 'http://127.0.0.1:1/assets/index-abc.js', 59), children: [3] },
    { id: 3, callFrame: frame('render', 'http://127.0.0.1:1/assets/index-abc.js', 9), children: [4] },
    { id: 4, callFrame: frame('measure', 'http://127.0.0.1:1/assets/index-abc.js', 19) },
    { id: 5, callFrame: frame('onMessage', 'http://127.0.0.1:1/assets/index-abc.js', 29) },
    { id: 6, callFrame: frame('(idle)') },
  ],
  startTime: 0,
  endTime: 200_000,
  // A 60 ms stretch (flush, render ×2, measure ×3), idle, a 30 ms stretch (onMessage), idle.
  samples: [2, 3, 3, 4, 4, 4, 6, 5, 5, 5, 6],
  timeDeltas: [10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000],
};

describe('busy stretches of a CPU profile', () => {
  it('keeps only stretches of at least the minimum and sums inclusive time of each function in them', () => {
    const stretches = busyStretches(profile, { minMs: 50 });
    expect(stretches).toMatchObject({ count: 1, longestMs: 60, totalMs: 60 });
    expect(stretches.functions.map((fn) => [fn.name, fn.ms])).toEqual([
      ['flush index-abc.js:60', 60],
      ['render index-abc.js:10', 50],
      ['measure index-abc.js:20', 30],
    ]);
    expect(stretches.selfTime.map((fn) => [fn.name, fn.ms])).toEqual([
      ['measure index-abc.js:20', 30],
      ['render index-abc.js:10', 20],
      ['flush index-abc.js:60', 10],
    ]);
    expect(describeBusyStretches(stretches, 50)).toBe(
      '1 busy stretches of 50 ms or more (longest 60 ms, 60 ms together); inclusive time in them: flush index-abc.js:60 100%; render index-abc.js:10 83%; measure index-abc.js:20 50%; self time in them: measure index-abc.js:20 50%; render index-abc.js:10 33%; flush index-abc.js:60 17%',
    );
  });

  it('names only the functions `include` accepts in the inclusive list', () => {
    const stretches = busyStretches(profile, { minMs: 50, include: (name) => !name.startsWith('render') });
    expect(stretches.functions.map((fn) => fn.name)).toEqual(['flush index-abc.js:60', 'measure index-abc.js:20']);
  });

  it('counts the shorter stretch when the minimum allows it, and says so when none qualifies', () => {
    expect(busyStretches(profile, { minMs: 30 }).count).toBe(2);
    expect(describeBusyStretches(busyStretches(profile, { minMs: 100 }), 100)).toBe('no busy stretch of 100 ms or more');
  });
});
