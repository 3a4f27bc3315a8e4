import { describe, expect, it } from 'vitest';
import { countJsonTextValues, exceedsValueBudget, jsonTextExceedsValues, MAX_CLIENT_MESSAGE_VALUES } from './json-value-budget';
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
    expect(exceedsValueBudget({ a: [1, 2, { b: 'c' }] }, 6)).toBe(false);
    expect(exceedsValueBudget({ a: [1, 2, { b: 'c' }] }, 5)).toBe(true);
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    expect(exceedsValueBudget(cyclic, 1000)).toBe(true);
    const started = performance.now();
    expect(exceedsValueBudget({ data: new Array(20_000_000) }, MAX_CLIENT_MESSAGE_VALUES)).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("the page's own my stays within it: the sanitizer's largest argument fits, in text and parsed", () => {
    // The worst case: objects up to just under maxNodes, then one array of maxItems (its items are not re-checked).
    const wide = Object.fromEntries(Array.from({ length: 99 }, (_, index) => [`h${index}`, Object.fromEntries(Array.from({ length: 1000 }, (__, key) => [`k${key}`, key]))]));
    const options = sanitizeOptions({ url: 'wss://h/', header: wide, tail: Array.from({ length: 200_000 }, (_, index) => index) });
    const message = { op: 'connect', callId: 1, target: null, options };
    expect(countJsonTextValues(JSON.stringify(message))).toBeGreaterThan(190_000);
    expect(countJsonTextValues(JSON.stringify(message))).toBeLessThanOrEqual(MAX_CLIENT_MESSAGE_VALUES);
    expect(exceedsValueBudget(message, MAX_CLIENT_MESSAGE_VALUES)).toBe(false);
  });
});
