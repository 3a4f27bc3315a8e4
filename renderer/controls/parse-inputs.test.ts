import { describe, expect, it } from 'vitest';
import {
  buildOutgoingMessage,
  formatByteSize,
  hexToBase64,
  normalizeBase64,
  parseByteSize,
  parseJsonInput,
  parseOptionalInteger,
  parseProtocols,
  utf8ByteLength,
} from './parse-inputs';

describe('connection control inputs', () => {
  it('parses JSON fields, blank as not given, with the parser reason on error', () => {
    expect(parseJsonInput('  ', 'header')).toEqual({ ok: true, value: undefined });
    expect(parseJsonInput('{"a":1,"b":[true,null]}', 'header')).toEqual({ ok: true, value: { a: 1, b: [true, null] } });
    const bad = parseJsonInput('{a:1}', 'header');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/^header is not valid JSON: /);
  });

  it('splits the protocols list on commas, trimming and dropping empties', () => {
    expect(parseProtocols('mqtt, v2.chat ,, json,')).toEqual(['mqtt', 'v2.chat', 'json']);
    expect(parseProtocols(' , ')).toBeUndefined();
  });

  it('checks whole numbers and their range', () => {
    expect(parseOptionalInteger('', 'timeout', 1, 120000)).toEqual({ ok: true, value: undefined });
    expect(parseOptionalInteger(' 5000 ', 'timeout', 1, 120000)).toEqual({ ok: true, value: 5000 });
    expect(parseOptionalInteger('1.5', 'timeout', 1, 120000)).toEqual({ ok: false, error: 'timeout must be a whole number' });
    expect(parseOptionalInteger('0', 'timeout', 1, 120000)).toEqual({ ok: false, error: 'timeout must be between 1 and 120000' });
  });

  it('counts UTF-8 bytes, not characters', () => {
    expect(utf8ByteLength('abc')).toBe(3);
    expect(utf8ByteLength('连接')).toBe(6);
  });

  it('converts hex in its usual spellings to base64', () => {
    expect(hexToBase64('de ad be ef')).toEqual({ ok: true, value: '3q2+7w==' });
    expect(hexToBase64('0xDE,0xAD:0xBE-0xEF')).toEqual({ ok: true, value: '3q2+7w==' });
    expect(hexToBase64('00ff10')).toEqual({ ok: true, value: 'AP8Q' });
    expect(hexToBase64('')).toEqual({ ok: true, value: '' });
    expect(hexToBase64('abc')).toEqual({ ok: false, error: 'hex needs an even number of digits (got 3)' });
    expect(hexToBase64('zz').ok).toBe(false);
  });

  it('validates base64 and adds missing padding', () => {
    expect(normalizeBase64('3q2+\n7w==')).toEqual({ ok: true, value: '3q2+7w==' });
    expect(normalizeBase64('3q2+7w')).toEqual({ ok: true, value: '3q2+7w==' });
    expect(normalizeBase64('3q2+7')).toEqual({ ok: false, error: 'base64 length is impossible (one character too many or too few)' });
    expect(normalizeBase64('not base64!').ok).toBe(false);
    expect(normalizeBase64('ab=c').ok).toBe(false);
  });

  it('builds the outgoing message for each composer mode', () => {
    expect(buildOutgoingMessage('text', 'hi')).toEqual({ ok: true, value: { data: 'hi', isBuffer: false } });
    expect(buildOutgoingMessage('json', '{"op":"sub"}')).toEqual({ ok: true, value: { data: '{"op":"sub"}', isBuffer: false } });
    expect(buildOutgoingMessage('json', '{op}').ok).toBe(false);
    expect(buildOutgoingMessage('json', '').ok).toBe(false);
    expect(buildOutgoingMessage('hex', 'ff 00')).toEqual({ ok: true, value: { data: '/wA=', isBuffer: true } });
    expect(buildOutgoingMessage('base64', '/wA')).toEqual({ ok: true, value: { data: '/wA=', isBuffer: true } });
  });

  it('reads and writes byte sizes in binary units', () => {
    expect(parseByteSize('16 MiB', 'max', 1, 2 ** 30)).toEqual({ ok: true, value: 16 * 1024 * 1024 });
    expect(parseByteSize('512k', 'max', 1, 2 ** 30)).toEqual({ ok: true, value: 512 * 1024 });
    expect(parseByteSize('1048576', 'max', 1, 2 ** 30)).toEqual({ ok: true, value: 1048576 });
    expect(parseByteSize('1.5 KiB', 'max', 1, 2 ** 30)).toEqual({ ok: true, value: 1536 });
    expect(parseByteSize('2 GiB', 'max', 1, 2 ** 30)).toEqual({ ok: false, error: 'max must be between 1 B and 1 GiB' });
    expect(parseByteSize('lots', 'max', 1, 2 ** 30).ok).toBe(false);
    expect(parseByteSize('5 parsecs', 'max', 1, 2 ** 30).ok).toBe(false);
    expect(formatByteSize(16 * 1024 * 1024)).toBe('16 MiB');
    expect(formatByteSize(1536)).toBe('1536 B');
    expect(formatByteSize(1536 * 1024)).toBe('1536 KiB');
  });
});
