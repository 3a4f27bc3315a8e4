import { describe, expect, it } from 'vitest';
import type { Json } from '../json';
import { jsonSchema } from '../json';
import { SANITIZE_LIMITS, sanitizeOptions, type AnyFunction } from './sanitize';

/** What crosses a real link: the sanitized value must survive JSON text unchanged. */
function expectJsonSafe(value: Json): void {
  expect(JSON.parse(JSON.stringify(value))).toEqual(value);
  expect(jsonSchema.safeParse(value).success).toBe(true);
}

describe('sanitizeOptions', () => {
  it('keeps plain JSON data as it is', () => {
    const options = { url: 'wss://127.0.0.1:9/x?a=1', header: { 'X-Id': 'é' }, protocols: ['mqtt', 'v2'], timeout: 5000, multiple: true, nothing: null };
    expect(sanitizeOptions(options)).toEqual(options);
    expect(sanitizeOptions('plain')).toBe('plain');
    expect(sanitizeOptions(12.5)).toBe(12.5);
    expect(sanitizeOptions(false)).toBe(false);
    expect(sanitizeOptions(null)).toBeNull();
  });

  it('drops functions, undefined and symbols from objects and turns them into null inside arrays', () => {
    const value = sanitizeOptions({ a: () => 1, b: undefined, c: Symbol('c'), d: 1, list: [undefined, () => 2, Symbol('x'), 3] });
    expect(value).toEqual({ d: 1, list: [null, null, null, 3] });
    expect(Object.keys(value as object)).toEqual(['d', 'list']);
    expect(sanitizeOptions(undefined)).toBeNull();
    expect(sanitizeOptions(() => 1)).toBeNull();
    expect(sanitizeOptions(Symbol('top'))).toBeNull();
  });

  it('reports each top-level function once, with its key, and no nested ones', () => {
    const success = () => 'ok';
    let successReads = 0;
    const options = {
      get success() {
        successReads += 1;
        return success;
      },
      nested: { fail: () => 'nested' },
      complete: 'not a function',
    };
    const found: [string, AnyFunction][] = [];
    sanitizeOptions(options, (key, fn) => found.push([key, fn]));
    expect(found).toEqual([['success', success]]);
    expect(successReads).toBe(1);
  });

  it('maps NaN and Infinity to null, bigint to a string, Date to ISO, boxed primitives to their value', () => {
    expect(
      sanitizeOptions({
        nan: Number.NaN,
        inf: Number.POSITIVE_INFINITY,
        negInf: -Infinity,
        big: 12345678901234567890n,
        date: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)),
        badDate: new Date('not a date'),
        boxedString: new String('boxed'),
        boxedNumber: new Number(7),
        boxedNaN: new Number(Number.NaN),
        boxedBoolean: new Boolean(false),
      }),
    ).toEqual({
      nan: null,
      inf: null,
      negInf: null,
      big: '12345678901234567890',
      date: '2024-01-02T03:04:05.006Z',
      badDate: null,
      boxedString: 'boxed',
      boxedNumber: 7,
      boxedNaN: null,
      boxedBoolean: false,
    });
  });

  it('turns ArrayBuffer, typed arrays (with offsets) and DataView into { $binary: base64 }', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 251, 252, 253, 254, 255]);
    expect(sanitizeOptions(bytes.buffer)).toEqual({ $binary: 'AAEC+vv8/f7/' });
    expect(sanitizeOptions({ data: bytes.subarray(3, 6) })).toEqual({ data: { $binary: '+vv8' } });
    expect(sanitizeOptions(new DataView(bytes.buffer, 1, 2))).toEqual({ $binary: 'AQI=' });
    expect(sanitizeOptions(new Uint16Array([1]))).toEqual({ $binary: 'AQA=' });
    expect(sanitizeOptions(new ArrayBuffer(0))).toEqual({ $binary: '' });
    expect(sanitizeOptions(new SharedArrayBuffer(2))).toEqual({ $binary: 'AAA=' });
  });

  it('encodes a large binary payload exactly (beyond one encoding chunk)', () => {
    const bytes = new Uint8Array(300_000).map((_, index) => (index * 31) % 256);
    const sanitized = sanitizeOptions(bytes) as { $binary: string };
    expect(sanitized.$binary).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('does not take a forged ArrayBuffer, Date or String for the real thing', () => {
    const forged = { [Symbol.toStringTag]: 'ArrayBuffer', byteLength: 3, a: 1 };
    expect(sanitizeOptions(forged)).toEqual({ a: 1, byteLength: 3 });
    expect(sanitizeOptions({ [Symbol.toStringTag]: 'Date', when: 'now' })).toEqual({ when: 'now' });
    expect(sanitizeOptions({ [Symbol.toStringTag]: 'String', text: 'x' })).toEqual({ text: 'x' });
  });

  it('marks cycles but copies shared (non-cyclic) references in full', () => {
    const shared = { value: 1 };
    const cyclic: Record<string, unknown> = { shared, again: shared, list: [] as unknown[] };
    cyclic['self'] = cyclic;
    (cyclic['list'] as unknown[]).push(cyclic, shared);
    const value = sanitizeOptions(cyclic);
    expect(value).toEqual({
      shared: { value: 1 },
      again: { value: 1 },
      list: ['[Circular]', { value: 1 }],
      self: '[Circular]',
    });
    expectJsonSafe(value);
  });

  it('replaces objects nested deeper than 16 levels with "[Too deep]"', () => {
    let nested: Record<string, unknown> = { leaf: true };
    for (let level = 0; level < 100; level += 1) nested = { child: nested };
    let node: unknown = sanitizeOptions(nested);
    for (let depth = 0; depth <= SANITIZE_LIMITS.maxDepth; depth += 1) {
      expect(node).toBeTypeOf('object');
      node = (node as Record<string, unknown>)['child'];
    }
    expect(node).toBe('[Too deep]');
    const nestedArrays = JSON.parse('['.repeat(40) + ']'.repeat(40)) as unknown;
    expect(JSON.stringify(sanitizeOptions(nestedArrays))).toBe('['.repeat(17) + '"[Too deep]"' + ']'.repeat(17));
  });

  it('keeps the first 1000 keys of a 10k-key object and says how many were cut', () => {
    const wide: Record<string, number> = {};
    for (let index = 0; index < 10_000; index += 1) wide[`key${index}`] = index;
    const value = sanitizeOptions({ data: wide }) as { data: Record<string, Json> };
    expect(Object.keys(value.data)).toHaveLength(SANITIZE_LIMITS.maxKeys + 1);
    expect(value.data['key0']).toBe(0);
    expect(value.data['key999']).toBe(999);
    expect(value.data['key1000']).toBeUndefined();
    expect(value.data['[Truncated]']).toBe('9000 more keys');
  });

  it('keeps the first 100000 items of a longer array and says how many were cut', () => {
    const value = sanitizeOptions(new Array(100_005).fill(1)) as Json[];
    expect(value).toHaveLength(100_001);
    expect(value[99_999]).toBe(1);
    expect(value[100_000]).toBe('[Truncated: 5 more items]');
    expect(sanitizeOptions(new Array(3))).toEqual([null, null, null]);
  });

  it('stops at a budget of visited values when shared references blow up', () => {
    let layer: unknown[] = [1];
    for (let level = 0; level < 15; level += 1) layer = Array.from({ length: 10 }, () => layer);
    const value = sanitizeOptions(layer);
    const text = JSON.stringify(value);
    expect(text).toContain('"[Too large]"');
    expect(text.length).toBeLessThan(100_000_000);
  });

  it('passes a 1 MiB string through untouched, lone surrogates included', () => {
    const big = 'x'.repeat(1024 * 1024 - 1) + '\uD800';
    const value = sanitizeOptions({ data: big }) as { data: string };
    expect(value.data).toBe(big);
    expect(value.data.length).toBe(1024 * 1024);
  });

  it('records a throwing getter as "[Thrown: message]" and keeps the other keys', () => {
    const options = {
      url: 'ws://127.0.0.1:1/',
      get header(): never {
        throw new Error('header getter failed');
      },
      get reason(): never {
        throw 'a string';
      },
      get code(): never {
        throw Object.create(null);
      },
    };
    expect(sanitizeOptions(options)).toEqual({
      url: 'ws://127.0.0.1:1/',
      header: '[Thrown: header getter failed]',
      reason: '[Thrown: a string]',
      code: '[Thrown: a thrown value that cannot be printed]',
    });
  });

  it('survives Proxies whose traps throw, revoked Proxies and hostile arrays', () => {
    const hostileKeys = new Proxy({}, { ownKeys: () => { throw new Error('no keys'); } });
    const hostileGet = new Proxy({ a: 1, b: 2 }, { get: (target, key) => (key === 'a' ? target.a : (() => { throw new Error(`no ${String(key)}`); })()) });
    const { proxy: revoked, revoke } = Proxy.revocable({ a: 1 }, {});
    revoke();
    const lyingArray = new Proxy([1, 2, 3], { get: (target, key) => (key === 'length' ? 2 ** 32 - 1 : Reflect.get(target, key)) });
    const throwingIndex = new Proxy([1, 2], { get: (target, key) => (key === '1' ? (() => { throw new Error('index 1'); })() : Reflect.get(target, key)) });
    // throwingIndex first: the lying array spends the whole maxNodes budget, so what follows it is "[Too large]".
    const value = sanitizeOptions({ hostileKeys, hostileGet, revoked, throwingIndex, lyingArray });
    expect(value).toMatchObject({
      hostileKeys: '[Thrown: no keys]',
      hostileGet: { a: 1, b: '[Thrown: no b]' },
      revoked: expect.stringMatching(/^\[Thrown: .*revoked/),
      throwingIndex: [1, '[Thrown: index 1]'],
    });
    const lying = (value as { lyingArray: Json[] }).lyingArray;
    expect(lying).toHaveLength(SANITIZE_LIMITS.maxItems + 1);
    expect(lying.slice(0, 4)).toEqual([1, 2, 3, null]);
    expect(lying[SANITIZE_LIMITS.maxItems]).toBe(`[Truncated: ${2 ** 32 - 1 - SANITIZE_LIMITS.maxItems} more items]`);
  });

  it('keeps a "__proto__" key as data instead of changing the prototype', () => {
    const value = sanitizeOptions(JSON.parse('{"__proto__": {"polluted": true}, "a": 1}')) as Record<string, Json>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'a']);
    expect(JSON.stringify(value)).toBe('{"__proto__":{"polluted":true},"a":1}');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('ignores symbol keys and prototype properties, like JSON', () => {
    class Options {
      url = 'ws://127.0.0.1:1/';
      get derived(): string {
        return 'from prototype';
      }
    }
    expect(sanitizeOptions({ [Symbol('hidden')]: 1, ...{ visible: 2 } })).toEqual({ visible: 2 });
    expect(sanitizeOptions(new Options())).toEqual({ url: 'ws://127.0.0.1:1/' });
    expect(sanitizeOptions(new Map([['a', 1]]))).toEqual({});
  });

  it('always yields JSON the wire schema accepts', () => {
    const samples: unknown[] = [
      { a: [1, 'two', { three: 3n }], b: new Date(0), c: new Uint8Array([1]) },
      [Number.NaN, undefined, () => 1],
      new Proxy({}, { getPrototypeOf: () => { throw new Error('proto'); } }),
      Object.create(null),
    ];
    for (const sample of samples) expectJsonSafe(sanitizeOptions(sample));
  });
});
