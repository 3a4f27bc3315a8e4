import { describe, expect, it } from 'vitest';
import { isValidBase64, parseSendArgs } from './send-rules';

describe('isValidBase64', () => {
  it('accepts standard base64 with or without padding, and is linear on large input', () => {
    for (const text of ['', 'QQ==', 'QUI=', 'QUJD', 'QQ', 'QUI', '+/+/']) expect(isValidBase64(text)).toBe(true);
    for (const text of ['Q', 'QQ=', 'Q===', 'QU=I', 'QU I', '-_-_', 'é']) expect(isValidBase64(text)).toBe(false);
    expect(isValidBase64('QUJD'.repeat(8 * 1024 * 1024))).toBe(true);
  });
});

describe('parseSendArgs (a.2, A15)', () => {
  it('text by default, binary with any truthy isBuffer', () => {
    expect(parseSendArgs({ data: 'héllo' })).toMatchObject({ ok: true, message: { data: 'héllo', binary: false, size: 6 } });
    for (const isBuffer of [true, 1, 'yes']) {
      const result = parseSendArgs({ data: 'AAEC', isBuffer });
      expect(result.ok && [...(result.message.data as Buffer)]).toEqual([0, 1, 2]);
    }
    expect(parseSendArgs({ data: 'AAEC', isBuffer: 0 })).toMatchObject({ ok: true, message: { binary: false } });
  });

  it('{ $binary } from an ArrayBuffer goes out binary with a warning', () => {
    const result = parseSendArgs({ data: { $binary: 'AAEC' } });
    expect(result).toMatchObject({ ok: true, message: { binary: true, size: 3, base64: 'AAEC' } });
    expect(result.warnings.map((warning) => warning.id)).toEqual(['arraybuffer-sent']);
  });

  it('fails with 1 for missing, null, non-string data, non-object options and invalid base64', () => {
    for (const options of [{}, { data: null }, { data: 3 }, { data: ['a'] }, { data: { other: 1 } }, null, 'text', [1]]) {
      expect(parseSendArgs(options as never)).toMatchObject({ ok: false, problem: { code: 1 } });
    }
    const invalid = parseSendArgs({ data: 'not base64', isBuffer: true });
    expect(invalid).toMatchObject({ ok: false, problem: { code: 1 } });
    expect(invalid.warnings.map((warning) => warning.id)).toEqual(['invalid-base64']);
  });

  it('warns when text looks like base64 without isBuffer, but not for words', () => {
    expect(parseSendArgs({ data: Buffer.from([...Array(24).keys()]).toString('base64') }).warnings.map((warning) => warning.id)).toEqual(['isbuffer-missing']);
    expect(parseSendArgs({ data: 'abcdefghijklmnopqrstuvwx' }).warnings).toEqual([]);
    expect(parseSendArgs({ data: 'hello' }).warnings).toEqual([]);
  });
});
