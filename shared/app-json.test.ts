import { describe, expect, it } from 'vitest';
import { MAX_CONNECT_TIMEOUT_MS, parseAppJson } from './app-json';

describe('parseAppJson', () => {
  it('reads the two socket keys and ignores the rest of app.json', () => {
    const text = JSON.stringify({ pages: ['pages/index/index'], window: { defaultTitle: 'x' }, behavior: { connectSocketDefaultMultiple: true }, networkTimeout: { connectSocket: 10_000, request: 5000 } });
    expect(parseAppJson(text)).toEqual({ found: true, settings: { connectSocketDefaultMultiple: true, connectTimeoutMs: 10_000 } });
    expect(parseAppJson(JSON.stringify({ behavior: { connectSocketDefaultMultiple: false } }))).toEqual({ found: true, settings: { connectSocketDefaultMultiple: false } });
  });

  it('an app.json without the keys is found with no settings; no file is not found', () => {
    expect(parseAppJson('{"pages":["index"]}')).toEqual({ found: true, settings: {} });
    expect(parseAppJson(undefined)).toEqual({ found: false });
  });

  it('malformed JSON: defaults and the parser\'s reason', () => {
    const read = parseAppJson('{ "networkTimeout": { "connectSocket": 1500, } ');
    expect(read).toMatchObject({ found: true, settings: {} });
    expect(read.found && read.problem).toMatch(/^app\.json is not valid JSON \(/);
  });

  it('wrong types: defaults for both keys and which key was wrong', () => {
    for (const [json, key] of [
      [{ behavior: { connectSocketDefaultMultiple: 'true' }, networkTimeout: { connectSocket: 1500 } }, 'behavior.connectSocketDefaultMultiple'],
      [{ networkTimeout: { connectSocket: '1500' } }, 'networkTimeout.connectSocket'],
      [{ networkTimeout: { connectSocket: 0 } }, 'networkTimeout.connectSocket'],
      [{ networkTimeout: { connectSocket: -3 } }, 'networkTimeout.connectSocket'],
      [{ networkTimeout: 1500 }, 'networkTimeout'],
      [[1, 2], '(root)'],
      ['text', '(root)'],
    ] as const) {
      const read = parseAppJson(JSON.stringify(json));
      expect(read).toMatchObject({ found: true, settings: {} });
      expect(read.found && read.problem).toContain(`wrong types (${key}:`);
    }
  });

  it('clamps the timeout to the platform cap and rounds it up to whole ms', () => {
    expect(parseAppJson('{"networkTimeout":{"connectSocket":999999}}')).toEqual({ found: true, settings: { connectTimeoutMs: MAX_CONNECT_TIMEOUT_MS } });
    expect(parseAppJson('{"networkTimeout":{"connectSocket":1500.2}}')).toEqual({ found: true, settings: { connectTimeoutMs: 1501 } });
  });
});
