import { describe, expect, it } from 'vitest';
import { createCaptureLog } from '../core/capture-log';
import { createCallRateLimiter, DEFAULT_MY_RATE_LIMIT, rateLimitedOpOf } from './call-rate-limit';

function setup(rateLimit = { capacity: 3, refillPerSecond: 1 }) {
  let now = 1000;
  const capture = createCaptureLog({});
  const limiter = createCallRateLimiter({ now: () => now, rateLimit, capture, clientId: () => 'app-1' });
  const warnings = () => [...capture.from(0)].filter((entry) => entry.kind === 'warning').map((entry) => ({ name: entry.name, clientId: entry.clientId, detail: entry.detail, message: entry.errorMessage }));
  return { limiter, warnings, advance: (ms: number) => (now += ms) };
}

const send = (callId: number) => ({ op: 'send', callId, target: null, options: { data: 'x' } });

describe('call rate limit', () => {
  it('admits a burst per op, then refuses calls with fail 1 naming the limit', () => {
    const { limiter } = setup();
    const answers = [1, 2, 3, 4, 5].map((callId) => limiter.admit('send', send(callId)));
    expect(answers.map((answer) => answer.admitted)).toEqual([true, true, true, false, false]);
    expect(answers[3]).toEqual({
      admitted: false,
      reply: { kind: 'result', callId: 4, ok: false, error: 1, errorMessage: 'An unknown error. (too many my.* calls: more than 1 per second on my:send)' },
    });
    // Each op has its own bucket.
    expect(limiter.admit('connect', { op: 'connect', callId: 9, target: null, options: {} })).toEqual({ admitted: true });
  });

  it('refuses listener and report messages without a reply, and calls without a usable callId', () => {
    const { limiter } = setup({ capacity: 1, refillPerSecond: 1 });
    const listen = { op: 'listen', target: null, event: 'open', action: 'on', count: 1, sameFunctionCount: 1 };
    expect(limiter.admit('listen', listen)).toEqual({ admitted: true });
    expect(limiter.admit('listen', listen)).toEqual({ admitted: false, reply: undefined });
    expect(limiter.admit('close', { op: 'close', callId: 1 })).toEqual({ admitted: true });
    expect(limiter.admit('close', { op: 'close', callId: -1 })).toEqual({ admitted: false, reply: undefined });
    expect(limiter.admit('unknown', 'not json')).toEqual({ admitted: true });
    expect(limiter.admit('unknown', 'not json')).toEqual({ admitted: false, reply: undefined });
  });

  it('logs one warning when a run of refusals starts and one with the count when it ends', () => {
    const { limiter, warnings, advance } = setup();
    for (let callId = 1; callId <= 6; callId += 1) limiter.admit('send', send(callId));
    expect(warnings()).toEqual([
      { name: 'call-rate-limit', clientId: 'app-1', detail: { warning: 'call-rate-limit', channel: 'my:send', capacity: 3, refillPerSecond: 1 }, message: expect.stringContaining('More than 1 my:send messages per second') },
    ]);
    advance(1000);
    expect(limiter.admit('send', send(7)).admitted).toBe(true);
    expect(warnings().map((warning) => [warning.name, warning.detail?.rejected])).toEqual([
      ['call-rate-limit', undefined],
      ['call-rate-limit-end', 3],
    ]);
  });

  it('admits one dispatched report per delivered event without a token; extra reports draw on the bucket', () => {
    const { limiter } = setup({ capacity: 1, refillPerSecond: 1 });
    const report = { op: 'dispatched', target: null, event: 'message', listeners: 1, thrown: [] };
    for (let index = 0; index < 1000; index += 1) limiter.eventDelivered();
    const admitted = Array.from({ length: 1000 }, () => limiter.admit('dispatched', report).admitted);
    expect(admitted.every(Boolean)).toBe(true);
    expect(limiter.admit('dispatched', report).admitted).toBe(true);
    expect(limiter.admit('dispatched', report).admitted).toBe(false);
  });

  it('reset forgets unanswered events and the refusal run, but keeps the buckets empty', () => {
    const { limiter, warnings } = setup({ capacity: 1, refillPerSecond: 1 });
    limiter.eventDelivered();
    limiter.admit('send', send(1));
    limiter.admit('send', send(2));
    limiter.reset();
    expect(limiter.admit('dispatched', { op: 'dispatched' }).admitted).toBe(true);
    expect(limiter.admit('dispatched', { op: 'dispatched' }).admitted).toBe(false);
    expect(limiter.admit('send', send(3)).admitted).toBe(false);
    expect(warnings().filter((warning) => warning.name === 'call-rate-limit' && warning.detail?.channel === 'my:send')).toHaveLength(2);
  });

  it('names the bucket by the op a raw message claims, and the default limit is generous', () => {
    expect(['connect', 'send', 'close', 'listen', 'dispatched'].map((op) => rateLimitedOpOf({ op }))).toEqual(['connect', 'send', 'close', 'listen', 'dispatched']);
    expect([rateLimitedOpOf({ op: 'eval' }), rateLimitedOpOf({ op: 7 }), rateLimitedOpOf('text'), rateLimitedOpOf(null), rateLimitedOpOf([])]).toEqual(['unknown', 'unknown', 'unknown', 'unknown', 'unknown']);
    expect(DEFAULT_MY_RATE_LIMIT).toEqual({ capacity: 10_000, refillPerSecond: 10_000 });
  });
});
