import { describe, expect, it } from 'vitest';
import { isBrowserCloseCode, isSendableCloseCode, parseCloseArgs } from './close-rules';

describe('close codes', () => {
  it('accepts exactly what ws can send', () => {
    const sendable = [1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 4999];
    const refused = [0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 1000.5, -1];
    sendable.forEach((code) => expect(isSendableCloseCode(code)).toBe(true));
    refused.forEach((code) => expect(isSendableCloseCode(code)).toBe(false));
    expect([1000, 3000, 4999, 1001].map(isBrowserCloseCode)).toEqual([true, true, true, false]);
  });
});

describe('parseCloseArgs (A11)', () => {
  it('defaults to 1000 and an empty reason, with or without options', () => {
    for (const options of [undefined, null, {}, 'junk', { code: null }]) expect(parseCloseArgs(options as never, 'closeSocket')).toMatchObject({ ok: true, request: { code: 1000, reason: '' }, warnings: [] });
  });

  it('fails with 1 for codes ws refuses, non-integers, non-string reasons and reasons over 123 bytes', () => {
    expect(parseCloseArgs({ code: 1005 }, 'closeSocket')).toMatchObject({ ok: false, problem: { code: 1, detail: 'closeSocket code 1005 is not allowed' } });
    expect(parseCloseArgs({ code: '1000' }, 'SocketTask.close')).toMatchObject({ ok: false, problem: { detail: expect.stringMatching(/^SocketTask\.close code must be an integer/) } });
    expect(parseCloseArgs({ reason: 1 }, 'closeSocket')).toMatchObject({ ok: false, problem: { code: 1 } });
    const long = parseCloseArgs({ reason: 'a'.repeat(124) }, 'closeSocket');
    expect(long).toMatchObject({ ok: false, problem: { code: 1, detail: expect.stringContaining('124 UTF-8 bytes') } });
    expect(long.warnings.map((warning) => warning.id)).toEqual(['reason-too-long']);
    expect(parseCloseArgs({ reason: 'a'.repeat(123) }, 'closeSocket')).toMatchObject({ ok: true });
  });

  it('warns when a sendable code would be refused by browsers', () => {
    const result = parseCloseArgs({ code: 1011, reason: 'oops' }, 'closeSocket');
    expect(result).toMatchObject({ ok: true, request: { code: 1011, reason: 'oops' } });
    expect(result.warnings.map((warning) => warning.id)).toEqual(['close-code-browser-rejects']);
  });
});
