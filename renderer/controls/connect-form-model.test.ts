import { describe, expect, it } from 'vitest';
import { EMPTY_CONNECT_FORM, parseConnectForm } from './connect-form-model';

describe('parseConnectForm', () => {
  it('builds a request with only the options that were given', () => {
    expect(parseConnectForm({ ...EMPTY_CONNECT_FORM, url: ' ws://127.0.0.1:1/echo ' })).toEqual({ ok: true, value: { url: 'ws://127.0.0.1:1/echo', multiple: false } });
  });

  it('passes data, header (values stringified), protocols, multiple and timeout', () => {
    const parsed = parseConnectForm({
      url: 'wss://example.test/ws',
      data: '{"room":"a","n":2}',
      header: '{"x-token":"abc","x-n":5,"x-o":{"a":1}}',
      protocols: 'mqtt, json',
      multiple: true,
      timeout: '2000',
    });
    expect(parsed).toEqual({
      ok: true,
      value: {
        url: 'wss://example.test/ws',
        data: { room: 'a', n: 2 },
        header: { 'x-token': 'abc', 'x-n': '5', 'x-o': '{"a":1}' },
        protocols: ['mqtt', 'json'],
        multiple: true,
        timeout: 2000,
      },
    });
  });

  it('says what is wrong with data, header and timeout', () => {
    const bad = (fields: Partial<typeof EMPTY_CONNECT_FORM>) => {
      const parsed = parseConnectForm({ ...EMPTY_CONNECT_FORM, url: 'ws://x', ...fields });
      return parsed.ok ? 'ok' : parsed.error;
    };
    expect(bad({ data: '[1,2]' })).toBe('data must be a JSON object, e.g. {"room": "a"}');
    expect(bad({ data: '{room}' })).toMatch(/^data is not valid JSON/);
    expect(bad({ header: '"x"' })).toBe('header must be a JSON object, e.g. {"x-token": "abc"}');
    expect(bad({ timeout: '999999' })).toBe('timeout must be between 1 and 120000');
  });

  it('lets a wrong url through, so the engine answers with its error code', () => {
    expect(parseConnectForm({ ...EMPTY_CONNECT_FORM, url: '' })).toEqual({ ok: true, value: { url: '', multiple: false } });
  });
});
