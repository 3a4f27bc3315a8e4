import { describe, expect, it } from 'vitest';
import { appendData, buildSocketUrl, encodeIllegalUrlCharacters, MAX_URL_CHARS } from './url-builder';

describe('appendData (docs/behaviour.md#a7-data-is-appended-to-the-url)', () => {
  it('uses ? or & as native containers do, stringifying values', () => {
    expect(appendData('ws://h/p', { a: '1', b: 2, c: true, d: null, e: { x: [1] } })).toBe('ws://h/p?a=1&b=2&c=true&d=null&e={"x":[1]}');
    expect(appendData('ws://h/p?x=1', { a: 'b' })).toBe('ws://h/p?x=1&a=b');
    expect(appendData('ws://h/p?x=1&', { a: 'b' })).toBe('ws://h/p?x=1&a=b');
    expect(appendData('ws://h/p?', { a: 'b' })).toBe('ws://h/p?a=b');
    expect(appendData('ws://h/p', {})).toBe('ws://h/p');
    expect(appendData('ws://h/p', { '': 'skipped', k: '' })).toBe('ws://h/p?k=');
  });
});

describe('encodeIllegalUrlCharacters (A7)', () => {
  it('encodes only what a URL cannot carry and keeps valid escapes', () => {
    expect(encodeIllegalUrlCharacters('?a=b c&d="#"')).toBe('?a=b%20c&d=%22%23%22');
    expect(encodeIllegalUrlCharacters('?n=中文')).toBe('?n=%E4%B8%AD%E6%96%87');
    expect(encodeIllegalUrlCharacters('?p=50%25&q=100%')).toBe('?p=50%25&q=100%25');
    expect(encodeIllegalUrlCharacters("?ok=a-b_c.d~e!$'()*+,;:@/?")).toBe("?ok=a-b_c.d~e!$'()*+,;:@/?");
    expect(encodeIllegalUrlCharacters('?emoji=😀&lone=\ud800')).toBe('?emoji=%F0%9F%98%80&lone=%EF%BF%BD');
  });
});

describe('buildSocketUrl', () => {
  const ok = (url: unknown, data?: unknown, strict = false) => buildSocketUrl(url as never, data as never, strict);

  it('3 for missing, null, empty or non-string url', () => {
    for (const url of [undefined, null, '', 5, true, ['ws://x'], { href: 'ws://x' }]) expect(ok(url)).toMatchObject({ ok: false, problem: { code: 3 } });
  });

  it('4 for whitespace, control characters, unparsable URLs and empty hosts', () => {
    for (const url of ['ws://a b/', 'ws://host/\u0001', 'ws://host/\u007f', 'ws:// host', 'host/path', '//host/path', 'ws://', 'wss://:443/'])
      expect(ok(url)).toMatchObject({ ok: false, problem: { code: 4 } });
  });

  it('5 for other schemes (before any http→ws rewrite); ws: under strict wss is the wss-required condition (5 or 20 by profile)', () => {
    for (const url of ['http://h/', 'HTTPS://h/', 'ws+unix:/tmp/s', 'file:///x', 'mailto:a@b']) expect(ok(url)).toMatchObject({ ok: false, problem: { code: 5 } });
    expect(ok('ws://h/', undefined, true)).toMatchObject({ ok: false, problem: { code: 'wss-required', detail: expect.stringContaining('strict wss') } });
    expect(ok('wss://h/', undefined, true)).toMatchObject({ ok: true, url: 'wss://h/' });
  });

  it('accepts upper-case schemes, strips fragments with a warning, flags ws: as insecure', () => {
    const result = ok('WS://h:1/p#frag', { a: 1 });
    expect(result).toMatchObject({ ok: true, url: 'WS://h:1/p?a=1' });
    expect(result.warnings.map((warning) => warning.id)).toEqual(['url-fragment', 'insecure-ws']);
  });

  it('data makes a URL with spaces valid (they are encoded) and warns about the encoding', () => {
    const result = ok('wss://h/p', { q: 'a b' });
    expect(result).toMatchObject({ ok: true, url: 'wss://h/p?q=a%20b' });
    expect(result.warnings.map((warning) => warning.id)).toEqual(['data-percent-encoded']);
  });

  it('ignores non-object data with a warning', () => {
    for (const data of ['a=1', 5, [1, 2], true]) {
      const result = ok('wss://h/', data);
      expect(result).toMatchObject({ ok: true, url: 'wss://h/' });
      expect(result.warnings.map((warning) => warning.id)).toEqual(['data-not-object']);
    }
  });

  it('4 for a URL over 2 MiB, data appended and encoded (docs/behaviour.md#a26-call-size-limits); exactly 2 MiB passes', () => {
    const base = 'wss://h/?q=';
    expect(ok(base + 'a'.repeat(MAX_URL_CHARS - base.length))).toMatchObject({ ok: true });
    const long = ok(base + 'a'.repeat(MAX_URL_CHARS));
    expect(long).toMatchObject({ ok: false, problem: { code: 4, detail: expect.stringContaining(`limit is ${MAX_URL_CHARS}`) } });
    expect(ok('wss://h/', { q: 'a'.repeat(MAX_URL_CHARS) })).toMatchObject({ ok: false, problem: { code: 4 } });
    // Under the limit before encoding, over it after: each 中 becomes nine characters.
    const encoded = ok('wss://h/', { q: '中'.repeat(MAX_URL_CHARS / 4) });
    expect(encoded).toMatchObject({ ok: false, problem: { code: 4 } });
  });

  it('quotes at most a short copy of a long URL or query in its messages and warnings', () => {
    const spaced = ok(`ws://h/${' '.repeat(10)}${'x'.repeat(100_000)}`);
    expect(spaced).toMatchObject({ ok: false, problem: { code: 4 } });
    const warned = ok('wss://h/', { q: ' '.repeat(100_000) });
    expect(JSON.stringify(warned.warnings).length).toBeLessThan(1500);
    const bad = ok(`ws://[${'x'.repeat(100_000)}`);
    expect(bad.ok ? 0 : (bad.problem.detail ?? '').length).toBeLessThan(400);
  });
});
