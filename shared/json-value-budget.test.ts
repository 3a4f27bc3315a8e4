import { describe, expect, it } from 'vitest';
import { callBoundRefusal, countJsonTextValues, jsonTextExceedsValues, MAX_CLIENT_MESSAGE_DEPTH, MAX_CLIENT_MESSAGE_VALUES, valueBoundExceeded } from './json-value-budget';
import { sanitizeOptions } from './my/sanitize';

describe('the value budget of a client message (docs/behaviour.md#a26-call-size-limits)', () => {
  it('counts values in JSON text without parsing it: commas and brackets inside strings, escapes included, do not count', () => {
    expect(countJsonTextValues('"a,b,[c]{d}"')).toBe(1);
    expect(countJsonTextValues('"quote \\", still [in] the string"')).toBe(1);
    expect(countJsonTextValues('[1,2,3]')).toBe(4);
    const value = { op: 'send', callId: 1, target: null, options: { data: 'x,y', list: [1, [2, 3], { a: 'b' }] } };
    expect(countJsonTextValues(JSON.stringify(value))).toBeGreaterThanOrEqual(12);
  });

  it('knows text shorter than the limit holds no more values than the limit, and still counts text as long as the limit', () => {
    // The densest text: every character opens a value.
    expect(countJsonTextValues('['.repeat(9))).toBe(10);
    expect(jsonTextExceedsValues('['.repeat(9), 10)).toBe(false);
    expect(jsonTextExceedsValues('['.repeat(10), 10)).toBe(true);
    expect(jsonTextExceedsValues(JSON.stringify(Array.from({ length: 20 }, () => 0)), 10)).toBe(true);
    expect(jsonTextExceedsValues(JSON.stringify({ op: 'send', callId: 1, target: null, options: { data: 'x' } }), 10)).toBe(false);
  });

  it('stops counting past the limit', () => {
    expect(countJsonTextValues(JSON.stringify(Array.from({ length: 1000 }, () => 0)), 10)).toBe(11);
  });

  it('tells a parsed value over the budget without walking all of it, cycles included', () => {
    expect(valueBoundExceeded({ a: [1, 2, { b: 'c' }] }, 6, 10)).toBeUndefined();
    expect(valueBoundExceeded({ a: [1, 2, { b: 'c' }] }, 5, 10)).toBe('values');
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    expect(valueBoundExceeded(cyclic, 1000, Number.POSITIVE_INFINITY)).toBe('values');
    // Counted, not timed (docs/architecture.md#test-support): the array's length alone tells it is over.
    let itemsRead = 0;
    const huge = new Proxy(new Array<unknown>(20_000_000), {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) itemsRead += 1;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    expect(valueBoundExceeded({ data: huge }, MAX_CLIENT_MESSAGE_VALUES, MAX_CLIENT_MESSAGE_DEPTH)).toBe('values');
    expect(itemsRead).toBe(0);
  });

  it("the page's own my stays within it: the sanitizer's largest argument fits, in text and parsed", () => {
    // The worst case: objects up to just under maxNodes, then one array of maxItems (its items are not re-checked).
    const wide = Object.fromEntries(Array.from({ length: 99 }, (_, index) => [`h${index}`, Object.fromEntries(Array.from({ length: 1000 }, (__, key) => [`k${key}`, key]))]));
    const options = sanitizeOptions({ url: 'wss://h/', header: wide, tail: Array.from({ length: 200_000 }, (_, index) => index) });
    const message = { op: 'connect', callId: 1, target: null, options };
    expect(countJsonTextValues(JSON.stringify(message))).toBeGreaterThan(190_000);
    expect(countJsonTextValues(JSON.stringify(message))).toBeLessThanOrEqual(MAX_CLIENT_MESSAGE_VALUES);
    expect(callBoundRefusal(message)).toBeUndefined();
  });

  it("refuses nesting past the depth bound, which the sanitizer's deepest argument stays within", () => {
    let deep: unknown = 'bottom';
    for (let level = 0; level < 40; level += 1) deep = { deeper: deep };
    const sanitized = { op: 'connect', callId: 1, target: null, options: sanitizeOptions({ url: 'ws://127.0.0.1:1/', data: deep }) };
    expect(callBoundRefusal(sanitized)).toBeUndefined();
    const nested = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}0${']'.repeat(depth)}`) as unknown;
    expect(valueBoundExceeded(nested(MAX_CLIENT_MESSAGE_DEPTH), 1000, MAX_CLIENT_MESSAGE_DEPTH)).toBeUndefined();
    expect(valueBoundExceeded(nested(MAX_CLIENT_MESSAGE_DEPTH + 1), 1000, MAX_CLIENT_MESSAGE_DEPTH)).toBe('depth');
    expect(callBoundRefusal(nested(100_000))).toBe(`the call nests more than ${MAX_CLIENT_MESSAGE_DEPTH} levels deep (the limit of one call)`);
  });
});
