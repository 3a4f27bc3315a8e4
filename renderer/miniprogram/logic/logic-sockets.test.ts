// my.connectSocket from page and component code, through the real engine to the lab's echo endpoint: the
// socket family works unchanged in the logic, and the capture names the page of each call.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startLabServer, type LabServer } from '../../../main/lab/lab-server';
import { createEngine } from '../../../main/core/engine';
import type { Engine } from '../../../main/core/ports';
import { createMy } from '../../../shared/my/create-my';
import type { LogicToView } from '../../../shared/miniprogram/view-logic-protocol';
import { createLogicRuntime, type LogicRuntime } from './runtime';
import { engineTransport } from './test-support/engine-transport';
import { onePageModules } from './test-support/logic-harness';

let lab: LabServer;
let engine: Engine | undefined;
beforeAll(async () => {
  lab = await startLabServer();
});
afterAll(() => lab.close());
afterEach(() => engine?.shutdown());

describe('sockets from logic code', () => {
  it('connects, sends and receives from a page; the capture names the page', async () => {
    engine = createEngine();
    const sent: LogicToView[] = [];
    // The route is read only when a call is made, after `runtime` below exists.
    const socketMy = createMy(engineTransport(engine, () => runtime.currentRoute()));
    const echoUrl = lab.url('echo');
    type PageThis = { setData(changes: object): void; data: { received: string[] } };
    type SocketMy = { connectSocket(options: object): void; onSocketOpen(listener: () => void): void; onSocketMessage(listener: (event: { data: string }) => void): void; sendSocketMessage(options: object): void };
    const runtime: LogicRuntime = createLogicRuntime({
      channel: { post: (message) => sent.push(message), onMessage: () => undefined },
      config: { pages: ['pages/chat/chat'], tabBarPages: [] },
      baseMy: socketMy,
      modules: onePageModules('pages/chat/chat', (my) => ({
        data: { received: [] },
        onLoad(this: PageThis) {
          const api = my as SocketMy;
          api.onSocketOpen(() => api.sendSocketMessage({ data: 'hello from a page' }));
          api.onSocketMessage((event) => this.setData({ received: [...this.data.received, event.data] }));
          api.connectSocket({ url: echoUrl });
        },
      })),
    });
    runtime.start();
    await expect
      .poll(() => sent.some((message) => message.t === 'set-data' && JSON.stringify(message.ops).includes('hello from a page')), { timeout: 10_000 })
      .toBe(true);
    const calls = [...engine.capture.from(0)].filter((entry) => entry.kind === 'call');
    expect(calls.map((entry) => [entry.name, entry.page])).toEqual(
      expect.arrayContaining([
        ['connectSocket', 'pages/chat/chat'],
        ['sendSocketMessage', 'pages/chat/chat'],
      ]),
    );
  });
});
