import { describe, expect, it } from 'vitest';
import { buildHandshakeRequest, splitProtocols, WEBVIEW_USER_AGENT } from './header-rules';

describe('splitProtocols', () => {
  it('splits, trims and drops empties and duplicates (Ariver trailing comma)', () => {
    expect(splitProtocols(['a, b,', ' a ', 'c,,d'])).toEqual(['a', 'b', 'c', 'd']);
    expect(splitProtocols([])).toEqual([]);
  });
});

describe('buildHandshakeRequest', () => {
  it('lower-cases keys, stringifies values, drops owned headers with warnings, sets the UA', () => {
    const result = buildHandshakeRequest({ 'X-A': 1, 'x-b': { n: true }, Connection: 'close', Referer: 'r', 'User-Agent': 'u' }, undefined);
    expect(result).toMatchObject({ ok: true, request: { headers: { 'x-a': '1', 'x-b': '{"n":true}', 'user-agent': WEBVIEW_USER_AGENT }, protocols: [], protocolSource: 'none' } });
    expect(result.warnings.map((warning) => warning.detail?.header)).toEqual(['Connection', 'Referer', 'User-Agent']);
  });

  it('merges protocols and a Sec-WebSocket-Protocol header into real subprotocols', () => {
    expect(buildHandshakeRequest({ 'Sec-WebSocket-Protocol': 'mqtt,' }, ['v1', 'mqtt'])).toMatchObject({ ok: true, request: { protocols: ['v1', 'mqtt'], protocolSource: 'both' } });
    expect(buildHandshakeRequest(undefined, 'a,b')).toMatchObject({ ok: true, request: { protocols: ['a', 'b'], protocolSource: 'protocols' } });
    expect(buildHandshakeRequest({ 'sec-websocket-protocol': 'x' }, null)).toMatchObject({ ok: true, request: { protocols: ['x'], protocolSource: 'header' } });
  });

  it('fails with 1 on wrong types, bad header names or values, and invalid subprotocol tokens', () => {
    const bad: [unknown, unknown, RegExp][] = [
      ['x', undefined, /header must be an object/],
      [[1], undefined, /header must be an object/],
      [{ 'bad name': 'v' }, undefined, /not a valid HTTP header name/],
      [{ 'x-a': 'line\r\nbreak' }, undefined, /line breaks or control characters/],
      [{ 'x-a': '1', '[Truncated]': '9000 more keys' }, undefined, /more than 1000 names \(9000 more keys were cut by my\)/],
      [undefined, 5, /protocols must be an array of strings/],
      [undefined, ['ok', 3], /found number/],
      [undefined, ['a b'], /subprotocol "a b" is not a valid token/],
      [undefined, ['é'], /not a valid token/],
    ];
    for (const [header, protocols, message] of bad) {
      const result = buildHandshakeRequest(header as never, protocols as never);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.problem.code).toBe(1);
        expect(result.problem.detail).toMatch(message);
      }
    }
  });
});
