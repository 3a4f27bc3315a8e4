// my.onAppShow / onAppHide / onError and their off* in HTML mode (a page using `my` directly;
// docs/behaviour.md#app-life-background-and-foreground): a real `my` on a real engine, a real socket on 127.0.0.1 that the
// background close ends with 1001 while the app listens.
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMemoryTransportPair, createMy } from '../../shared/my';
import { createEngine } from './engine';
import type { Engine } from './ports';
import { createMyRig } from './test-support/my-rig';

let server: WebSocketServer;
let url: string;
let engine: Engine | undefined;

beforeAll(async () => {
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
afterEach(async () => {
  await engine?.shutdown();
  engine = undefined;
});

describe('my app life events (HTML mode)', () => {
  it('runs onAppHide then onAppShow(options) listeners in registration order; off removes one or all', async () => {
    engine = createEngine();
    const rig = createMyRig(engine);
    const first = () => rig.log.push('hide-1');
    rig.my.onAppHide(first);
    rig.my.onAppHide(() => rig.log.push('hide-2'));
    rig.my.onAppShow((options) => rig.log.push(`show ${JSON.stringify(options)}`));
    engine.appLife.setVisible(false, 'panel');
    await rig.until(() => rig.log.length === 2, 'two onAppHide listeners');
    engine.appLife.setVisible(true, 'panel');
    await rig.until(() => rig.log.length === 3, 'onAppShow');
    expect(rig.log).toEqual(['hide-1', 'hide-2', 'show {"path":"","query":{},"scene":"1000","referrerInfo":{}}']);
    rig.my.offAppHide(first);
    engine.appLife.setVisible(false, 'panel');
    await rig.until(() => rig.log.length === 4, 'the remaining onAppHide');
    rig.my.offAppHide();
    rig.my.offAppShow();
    engine.appLife.setVisible(true, 'panel');
    engine.appLife.setVisible(false, 'panel');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rig.log.slice(3)).toEqual(['hide-2']);
  });

  it('the app hears onAppHide, then onSocketClose 1001 when the background close comes', async () => {
    engine = createEngine({ settings: { backgroundCloseSeconds: 0.1 } });
    const rig = createMyRig(engine);
    rig.listenGlobally();
    rig.my.onAppHide(() => rig.log.push('hide'));
    rig.my.connectSocket({ url });
    await rig.until(() => rig.log.includes('open'), 'open');
    engine.appLife.setVisible(false, 'panel');
    await rig.until(() => rig.log.includes('close:1001'), 'the background close');
    expect(rig.log).toEqual(['open', 'hide', 'close:1001']);
  });

  it('hands errors from the host to onError listeners until offError; a throwing listener does not stop the next', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let report: ((message: string, stack: string) => void) | undefined;
    const my = createMy(createMemoryTransportPair().client, { watchErrors: (reporter) => (report = reporter) });
    const seen: string[] = [];
    const listener = (message: string, stack: string) => seen.push(`${message}|${stack}`);
    my.onError(() => {
      throw new Error('listener broke');
    });
    my.onError(listener);
    report?.('TypeError: x is undefined', 'at page.js:3');
    my.offError(listener);
    report?.('second', '');
    expect(seen).toEqual(['TypeError: x is undefined|at page.js:3']);
    expect(consoleError).toHaveBeenCalledTimes(2);
    consoleError.mockRestore();
  });

  it('gives the news to onAppVisibility instead of its own listeners when the host takes it (mini-program logic)', async () => {
    engine = createEngine();
    const pair = createMemoryTransportPair();
    const session = engine.attachClient({ origin: 'http://miniapp.test', send: pair.engineSide.send });
    pair.engineSide.onMessage(session.receive);
    const taken: boolean[] = [];
    const my = createMy(pair.client, { onAppVisibility: (visible) => taken.push(visible) });
    const own: string[] = [];
    my.onAppHide(() => own.push('hide'));
    engine.appLife.setVisible(false, 'panel');
    await expect.poll(() => taken).toEqual([false]);
    expect(own).toEqual([]);
  });
});
