import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { MAX_CONNECT_TIMEOUT_MS, planConnect } from './connect-plan';

describe('planConnect', () => {
  it('uses the timeout param, else the settings, clamped to 120 s (A22)', () => {
    expect(planConnect({ url: 'wss://h/', timeout: 1500.2 }, DEFAULT_SETTINGS)).toMatchObject({ ok: true, plan: { timeoutMs: 1501 } });
    expect(planConnect({ url: 'wss://h/' }, DEFAULT_SETTINGS)).toMatchObject({ ok: true, plan: { timeoutMs: 30_000 } });
    expect(planConnect({ url: 'wss://h/', timeout: 10_000_000 }, DEFAULT_SETTINGS)).toMatchObject({ ok: true, plan: { timeoutMs: MAX_CONNECT_TIMEOUT_MS } });
    expect(planConnect({ url: 'wss://h/' }, { ...DEFAULT_SETTINGS, connectTimeoutMs: 250 })).toMatchObject({ ok: true, plan: { timeoutMs: 250 } });
  });

  it('orders the sources call > app.json > settings and says which one applied', () => {
    const settings = { ...DEFAULT_SETTINGS, connectTimeoutMs: 250 };
    expect(planConnect({ url: 'wss://h/', timeout: 700 }, settings, 1500)).toMatchObject({ ok: true, plan: { timeoutMs: 700, timeoutFrom: 'call' } });
    expect(planConnect({ url: 'wss://h/', timeout: null }, settings, 1500)).toMatchObject({ ok: true, plan: { timeoutMs: 1500, timeoutFrom: 'app.json' } });
    expect(planConnect({ url: 'wss://h/' }, settings)).toMatchObject({ ok: true, plan: { timeoutMs: 250, timeoutFrom: 'settings' } });
    expect(planConnect({ url: 'wss://h/' }, settings, 10_000_000)).toMatchObject({ ok: true, plan: { timeoutMs: MAX_CONNECT_TIMEOUT_MS, timeoutFrom: 'app.json' } });
  });

  it('fails with 1 for a timeout that is not a positive number', () => {
    for (const timeout of [0, -5, '30', true, [1]]) expect(planConnect({ url: 'wss://h/', timeout }, DEFAULT_SETTINGS)).toMatchObject({ ok: false, problem: { code: 1 } });
  });

  it('checks the URL before anything else, so a null url with bad headers is 3', () => {
    expect(planConnect({ url: null, header: 'bad', timeout: 'bad' }, DEFAULT_SETTINGS)).toMatchObject({ ok: false, problem: { code: 3 } });
    expect(planConnect('ws://h/', DEFAULT_SETTINGS)).toMatchObject({ ok: false, problem: { code: 3 } });
  });

  it('collects the URL and header warnings together', () => {
    const result = planConnect({ url: 'ws://h/#x', header: { referer: 'r' } }, DEFAULT_SETTINGS);
    expect(result.warnings.map((warning) => warning.id)).toEqual(['url-fragment', 'insecure-ws', 'header-dropped']);
  });
});
