// The frame gate's delays on a fake clock (docs/debugging.md#network-conditions): latency holds a frame exactly
// its value once, bandwidth spaces frames by their size. engine-network.test.ts shows the same on real sockets
// with lower bounds only; the exact figures are checked here, where no loaded machine can make them late
// (docs/architecture.md#test-support).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NetworkConditions } from '../../../shared/debugging/network-conditions';
import { NO_CONDITIONS } from '../../../shared/debugging/network-conditions';
import { createFrameGate } from './frame-gate';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A gate under `conditions` and the fake-clock times at which each frame's data passed it. */
function gate(direction: 'in' | 'out', conditions: Partial<NetworkConditions>) {
  const started = Date.now();
  const passed: [string, number][] = [];
  const frameGate = createFrameGate(direction, {
    conditions: () => ({ ...NO_CONDITIONS, ...conditions }),
    breakpointFor: () => undefined,
    pause: () => () => undefined,
    lose: () => undefined,
    monotonic: () => Date.now(),
    random: () => 0.5,
  });
  const send = (data: string) => frameGate.frame({ data, binary: false, size: data.length }, (frame) => passed.push([frame.data, Date.now() - started]), () => undefined);
  return { send, passed };
}

describe('frame gate delays', () => {
  it('holds an incoming frame for its latency, once: not a millisecond less, not twice', () => {
    const { send, passed } = gate('in', { latencyInMs: 80, latencyOutMs: 60 });
    send('late');
    vi.advanceTimersByTime(79);
    expect(passed).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(passed).toEqual([['late', 80]]);
  });

  it('holds an outgoing frame for the outgoing latency', () => {
    const { send, passed } = gate('out', { latencyInMs: 80, latencyOutMs: 60 });
    send('up');
    vi.advanceTimersByTime(59);
    expect(passed).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(passed).toEqual([['up', 60]]);
  });

  it('spaces frames by their size: 8 KiB at 640 kbit/s take 102.4 ms each, one after the other', () => {
    const { send, passed } = gate('in', { bandwidthKbps: 640 });
    send('a'.repeat(8192));
    send('b'.repeat(8192));
    vi.advanceTimersByTime(102);
    expect(passed).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(passed.map(([data, at]) => [data[0], at])).toEqual([['a', 103]]);
    vi.advanceTimersByTime(101);
    expect(passed).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(passed.map(([data, at]) => [data[0], at])).toEqual([['a', 103], ['b', 205]]);
  });
});
