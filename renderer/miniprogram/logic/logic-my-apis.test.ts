// The `my` APIs beyond sockets from a mini-program page's logic, through the real engine: a token from a
// real HTTP server on 127.0.0.1 with my.request, kept with setStorageSync in the project's store, canIUse
// answering for the runtime's own APIs too, and an unsupported my.X failing with one Problems entry.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../main/core/engine';
import type { Engine } from '../../../main/core/ports';
import { createMy } from '../../../shared/my/create-my';
import { createLogicRuntime, type LogicRuntime } from './runtime';
import { engineTransport } from './test-support/engine-transport';
import { onePageModules } from './test-support/logic-harness';

let server: Server;
let base = '';
let engine: Engine | undefined;
beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const user = (JSON.parse(body || '{}') as { user?: string }).user ?? 'nobody';
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ token: `token-of-${user}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => engine?.shutdown());

type AnyMy = Record<string, (options?: unknown) => unknown>;

describe('my beyond sockets from page logic', () => {
  it('requests a token, stores it in the project, answers canIUse for runtime APIs, fails an unsupported API once in Problems', async () => {
    engine = createEngine();
    const seen: Record<string, unknown> = {};
    const runtime: LogicRuntime = createLogicRuntime({
      channel: { post: () => undefined, onMessage: () => undefined },
      config: { pages: ['pages/login/login'], tabBarPages: [] },
      baseMy: createMy(engineTransport(engine, () => runtime.currentRoute(), '/projects/shop')),
      modules: onePageModules('pages/login/login', (my) => ({
        onLoad() {
          const api = my as AnyMy;
          seen['canIUse'] = ['request', 'navigateTo', 'setNavigationBar', 'noSuchApi'].map((name) => api['canIUse']?.(name));
          api['request']?.({
            url: `${base}/token`,
            method: 'POST',
            data: { user: 'ada' },
            success(result: { data: { token: string }; status: number }) {
              api['setStorageSync']?.({ key: 'token', data: result.data.token });
              seen['stored'] = (api['getStorageSync']?.({ key: 'token' }) as { data: unknown }).data;
            },
            fail: (failure: unknown) => (seen['requestFailed'] = failure),
          });
          for (let call = 0; call < 2; call += 1) api['scanCode']?.({ fail: (failure: { errorMessage: string }) => (seen['scanCode'] = failure) });
        },
      })),
    });
    runtime.start();
    await expect.poll(() => seen['stored'], { timeout: 10_000 }).toBe('token-of-ada');
    expect(seen['requestFailed']).toBeUndefined();
    expect(seen['canIUse']).toEqual([true, true, true, false]);
    expect(seen['scanCode']).toEqual({ error: 1, errorMessage: 'my.scanCode is not available in the preview' });
    await expect.poll(() => engine?.storage().open('/projects/shop').entries()).toEqual({ token: '"token-of-ada"' });
    const entries = [...engine.capture.from(0)];
    const request = entries.find((entry) => entry.kind === 'http');
    expect(request?.detail?.['url']).toBe(`${base}/token`);
    expect(entries.filter((entry) => entry.kind === 'warning' && entry.name === 'api-unsupported')).toHaveLength(1);
  });
});
