import { describe, expect, it } from 'vitest';
import { asSendSocketMessageCall, payloadAs } from './payload-forms';

describe('payload forms for the row menu', () => {
  const text = { payload: '{"a":1,"b":"é"}', binary: false };
  const binary = { payload: Buffer.from('hi ✓', 'utf8').toString('base64'), binary: true };

  it('copies text as is and binary decoded as UTF-8', () => {
    expect(payloadAs(text, 'text')).toBe('{"a":1,"b":"é"}');
    expect(payloadAs(binary, 'text')).toBe('hi ✓');
  });

  it('pretty-prints JSON, and quotes what is not JSON', () => {
    expect(payloadAs(text, 'json')).toBe('{\n  "a": 1,\n  "b": "é"\n}');
    expect(payloadAs({ payload: 'plain "x"', binary: false }, 'json')).toBe('"plain \\"x\\""');
  });

  it('gives base64 and hex of the bytes on the wire (UTF-8 for text)', () => {
    expect(payloadAs({ payload: 'é', binary: false }, 'base64')).toBe(Buffer.from('é', 'utf8').toString('base64'));
    expect(payloadAs({ payload: 'é', binary: false }, 'hex')).toBe('c3 a9');
    expect(payloadAs(binary, 'base64')).toBe(binary.payload);
    expect(payloadAs(binary, 'hex')).toBe(Buffer.from('hi ✓', 'utf8').toString('hex').replace(/(..)(?!$)/g, '$1 '));
  });

  it('writes a my.sendSocketMessage call that sends the same message', () => {
    expect(asSendSocketMessageCall(text)).toBe('my.sendSocketMessage({ data: "{\\"a\\":1,\\"b\\":\\"é\\"}" })');
    expect(asSendSocketMessageCall(binary)).toBe(`my.sendSocketMessage({ data: "${binary.payload}", isBuffer: true })`);
    // The call is valid JavaScript whose data is the payload.
    const data: unknown[] = [];
    new Function('my', asSendSocketMessageCall(text))({ sendSocketMessage: (options: { data: unknown }) => data.push(options.data) });
    expect(data).toEqual([text.payload]);
  });
});
