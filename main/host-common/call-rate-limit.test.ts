import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCaptureLog } from '../core/capture-log';
import { createCallPacer, DEFAULT_MY_RATE_LIMIT, rateLimitedOpOf } from './call-rate-limit';

function setup(rateLimit = { capacity: 3, refillPerSecond: 1000 }) {
  const capture = createCaptureLog({});
  const delivered: unknown[] = [];
  const flow: string[] = [];
  const pacer = createCallPacer({
    now: () => Date.now(),
    rateLimit,
    capture,
    clientId: () => 'app-1',
    deliver: (raw) => delivered.push(raw),
    flow: { pause: () => flow.push('pause'), resume: () => flow.push('resume') },
  });
  const warnings = () => [...capture.from(0)].filter((entry) => entry.kind === 'warning').map((entry) => ({ name: entry.name, clientId: entry.clientId, detail: entry.detail, message: entry.errorMessage }));
  return { pacer, delivered, flow, warnings };
}

const send = (callId: number) => ({ op: 'send', callId, target: null, options: { data: 'x' } });

describe('call pacer (backpressure instead of refusals)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('delivers a burst past the limit completely and in order, pausing reading while messages wait', () => {
    const { pacer, delivered, flow, warnings } = setup();
    for (let callId = 1; callId <= 10; callId += 1) pacer.receive(send(callId));
    expect(delivered).toHaveLength(3);
    expect(pacer.waiting()).toBe(7);
    expect(flow).toEqual(['pause']);
    vi.advanceTimersByTime(20);
    expect(delivered.map((raw) => (raw as { callId: number }).callId)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(pacer.waiting()).toBe(0);
    expect(flow.at(-1)).toBe('resume');
    // One notice per burst, not per pause: the end waits for a second without waiting messages.
    expect(warnings().map((notice) => notice.name)).toEqual(['call-rate-limit']);
    vi.advanceTimersByTime(1000);
    const notices = warnings();
    expect(notices.map((notice) => notice.name)).toEqual(['call-rate-limit', 'call-rate-limit-end']);
    expect(notices[0]?.message).toMatch(/^The app is sending more than 1000 my:send msgs\/s \(burst 3\)/);
    expect(notices[0]?.clientId).toBe('app-1');
    expect(notices[1]?.detail).toMatchObject({ channel: 'my:send', held: 7 });
    expect(notices[1]?.message).toMatch(/none failed/);
  });

  it('keeps order across kinds of message: a listen sent after a waiting send waits too', () => {
    const { pacer, delivered } = setup({ capacity: 1, refillPerSecond: 1000 });
    pacer.receive(send(1));
    pacer.receive(send(2));
    pacer.receive({ op: 'listen', target: null, event: 'message', action: 'on', count: 1, sameFunctionCount: 1 });
    expect(delivered).toHaveLength(1);
    vi.advanceTimersByTime(5);
    expect(delivered.map((raw) => (raw as { op: string }).op)).toEqual(['send', 'send', 'listen']);
  });

  it('passes one dispatched report per delivered event without a token', () => {
    const { pacer, delivered } = setup({ capacity: 1, refillPerSecond: 1 });
    const report = { op: 'dispatched', target: null, event: 'message', listeners: 1, thrown: [] };
    for (let index = 0; index < 1000; index += 1) pacer.eventDelivered();
    for (let index = 0; index < 1001; index += 1) pacer.receive(report);
    expect(delivered).toHaveLength(1001);
    pacer.receive(report);
    expect(delivered).toHaveLength(1001);
    expect(pacer.waiting()).toBe(1);
  });

  it('reset forgets what the page had waiting and reads again', () => {
    const { pacer, delivered, flow } = setup({ capacity: 1, refillPerSecond: 1 });
    pacer.receive(send(1));
    pacer.receive(send(2));
    pacer.reset();
    expect(pacer.waiting()).toBe(0);
    expect(flow).toEqual(['pause', 'resume']);
    vi.advanceTimersByTime(5000);
    expect(delivered).toHaveLength(1);
  });

  it('names the bucket by the op a raw message claims, and the default pace is generous', () => {
    expect(['connect', 'send', 'close', 'listen', 'dispatched'].map((op) => rateLimitedOpOf({ op }))).toEqual(['connect', 'send', 'close', 'listen', 'dispatched']);
    expect([rateLimitedOpOf({ op: 'eval' }), rateLimitedOpOf({ op: 7 }), rateLimitedOpOf('text'), rateLimitedOpOf(null), rateLimitedOpOf([])]).toEqual(['unknown', 'unknown', 'unknown', 'unknown', 'unknown']);
    expect(DEFAULT_MY_RATE_LIMIT).toEqual({ capacity: 50_000, refillPerSecond: 50_000 });
  });
});
