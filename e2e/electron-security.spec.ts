// Electron-only checks of the host's walls (docs/architecture.md#security-walls) on the real app: each page sees only
// its one object, the mini-app's only way out is `my`, and it cannot navigate away or open windows.
// Skipped in the browser project, and in the electron project wherever no Electron binary exists.
import { expect, test } from '@playwright/test';
import { launchElectronApp } from './harness/electron-app';
import type { ElectronAppHandle } from './harness/electron-app';
import { electronAvailability } from './harness/electron-availability';

const availability = electronAvailability();

test.describe('Electron host walls', () => {
  let handle: ElectronAppHandle | undefined;

  test.beforeAll(async () => {
    test.skip(test.info().project.name !== 'electron', 'Electron-only spec (the browser project drives the browser host)');
    test.skip(!availability.available, availability.reason);
    handle = await launchElectronApp();
  });
  test.afterAll(async () => {
    await handle?.close();
  });

  const app = (): ElectronAppHandle => {
    if (!handle) throw new Error('the app did not start');
    return handle;
  };

  test('the panel sees only msdPanel, the mini-app only my', async () => {
    const panel = await app().panel.evaluate(() => ({
      keys: Object.keys(window.msdPanel ?? {}).sort(),
      frozen: Object.isFrozen(window.msdPanel),
      node: [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process],
    }));
    expect(panel).toEqual({ keys: ['onMessage', 'reloadMiniapp', 'send', 'setMiniappBounds'], frozen: true, node: ['undefined', 'undefined'] });

    const miniapp = await app().miniapp.evaluate(() => ({
      connect: typeof (globalThis as { my?: { connectSocket?: unknown } }).my?.connectSocket,
      frozen: Object.isFrozen((globalThis as { my?: unknown }).my),
      node: [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process],
      panel: typeof (globalThis as { msdPanel?: unknown }).msdPanel,
    }));
    expect(miniapp).toEqual({ connect: 'function', frozen: true, node: ['undefined', 'undefined'], panel: 'undefined' });
  });

  test('a SocketTask of the mini-app echoes through the lab over the real IPC path', async () => {
    const echoed = await app().miniapp.evaluate(
      () =>
        new Promise<unknown>((resolve, reject) => {
          type Task = {
            onOpen(listener: () => void): void;
            onMessage(listener: (event: unknown) => void): void;
            onError(listener: (event: unknown) => void): void;
            send(options: { data: string }): Promise<unknown>;
            close(): Promise<unknown>;
          };
          const scope = globalThis as unknown as {
            my: { connectSocket(options: { url: string; multiple: true }): Task };
            __MSD_LAB__?: { endpoints: { name: string; url: string }[] };
          };
          const url = scope.__MSD_LAB__?.endpoints.find((endpoint) => endpoint.name === 'echo')?.url;
          if (!url) return reject(new Error('no lab echo endpoint in __MSD_LAB__'));
          const task = scope.my.connectSocket({ url, multiple: true });
          task.onOpen(() => void task.send({ data: 'electron e2e' }));
          task.onMessage((event) => {
            void task.close();
            resolve(event);
          });
          task.onError((event) => reject(new Error(JSON.stringify(event))));
        }),
    );
    expect(echoed).toMatchObject({ data: 'electron e2e', isBuffer: false });
  });

  test('the mini-app reaches no network except through my', async () => {
    const outcome = await app().miniapp.evaluate(async () => {
      const scope = globalThis as unknown as { __MSD_LAB__?: { endpoints: { name: string; url: string }[] } };
      const url = scope.__MSD_LAB__?.endpoints.find((endpoint) => endpoint.name === 'echo')?.url ?? 'ws://127.0.0.1:9/';
      const socket = await new Promise<string>((resolve) => {
        try {
          const ws = new WebSocket(url);
          ws.onopen = () => resolve('open');
          ws.onerror = () => resolve('blocked');
          setTimeout(() => resolve('timeout'), 10_000);
        } catch {
          resolve('blocked');
        }
      });
      const fetched = await fetch('https://example.com/').then(
        () => 'fetched',
        () => 'blocked',
      );
      return { socket, fetched };
    });
    expect(outcome).toEqual({ socket: 'blocked', fetched: 'blocked' });
  });

  test('the mini-app cannot open windows or navigate away', async () => {
    const { miniapp } = app();
    const before = miniapp.url();
    expect(await miniapp.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    await miniapp.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await miniapp.waitForTimeout(1000);
    expect(miniapp.url()).toBe(before);
    expect(app().app.windows().some((page) => page.url().startsWith('https://example.com'))).toBe(false);
  });

  test('the panel gets answers over its MessagePort', async () => {
    const reply = await app().panel.evaluate(
      () =>
        new Promise<unknown>((resolve) => {
          const api = window.msdPanel;
          if (!api) return resolve(null);
          const off = api.onMessage((message) => {
            if (message.kind === 'reply' && message.requestId === 987654) {
              off();
              resolve(message);
            }
          });
          api.send({ kind: 'export', requestId: 987654, format: 'jsonl' });
        }),
    );
    expect(reply).toMatchObject({ kind: 'reply', requestId: 987654, ok: true });
  });
});
