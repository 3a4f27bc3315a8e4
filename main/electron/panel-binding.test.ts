import { MessageChannel } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { MiniappBounds } from '../../shared/electron-ipc';
import type { PanelMessage } from '../../shared/panel-wire';
import { createEngine } from '../core/engine';
import { createPanelSession } from '../core/panel-session';
import type { Engine, PanelSession } from '../core/ports';
import { FakeWebContents, fakeFrame } from './test-support/fake-electron';
import { bindPanel } from './panel-binding';

// The real engine and panel session. Electron's WebContents is the fake of fake-electron.ts; Node's
// worker_threads MessageChannel stands in for Electron's MessageChannelMain (same port API: postMessage,
// start, close, 'message' and 'close' events), so the stream really crosses a port.
const engines: Engine[] = [];
const ports: MessagePort[] = [];
afterEach(async () => {
  ports.splice(0).forEach((port) => port.close());
  await Promise.all(engines.splice(0).map((engine) => engine.shutdown()));
});

function setup() {
  const engine = createEngine();
  engines.push(engine);
  const contents = new FakeWebContents('app://panel/index.html');
  const bounds: MiniappBounds[] = [];
  const sessions: PanelSession[] = [];
  const log: string[] = [];
  let reloads = 0;
  const binding = bindPanel({
    contents,
    origin: 'app://panel',
    createChannel: () => {
      const channel = new MessageChannel();
      ports.push(channel.port1, channel.port2);
      return channel;
    },
    createSession: (send) => {
      const session = createPanelSession(engine, send);
      sessions.push(session);
      return session;
    },
    onMiniappBounds: (rect) => bounds.push(rect),
    onReloadMiniapp: () => {
      reloads += 1;
    },
    log: (line) => log.push(line),
  });
  /** The renderer end of the latest port, collecting what arrives. */
  const rendererPort = () => {
    const posted = contents.posted.at(-1);
    expect(posted?.channel).toBe('panel:port');
    const port = posted?.transfer[0] as MessagePort;
    const received: PanelMessage[] = [];
    let closed = false;
    port.on('message', (message: PanelMessage) => received.push(message));
    port.on('close', () => {
      closed = true;
    });
    return { port, received, isClosed: () => closed };
  };
  return { engine, contents, bounds, sessions, log, binding, rendererPort, reloads: () => reloads };
}

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('bindPanel', () => {
  it('answers panel:ready with a port that streams the capture after subscribe', async () => {
    const { engine, contents, rendererPort } = setup();
    contents.sendFromRenderer('panel:ready', undefined);
    const renderer = rendererPort();
    contents.sendFromRenderer('panel:request', { kind: 'subscribe' });
    engine.capture.append({ clientId: 'app-1', connectionId: '', kind: 'warning', name: 'probe', direction: 'none', size: 0 });
    await until(() => renderer.received.some((message) => message.kind === 'batch'), 'a batch');
    expect(renderer.received[0]?.kind).toBe('state');
    const batch = renderer.received.find((message) => message.kind === 'batch');
    expect(batch?.kind === 'batch' && batch.entries.map((entry) => entry.name)).toEqual(['probe']);
  });

  it('replaces port and session on a panel reload, closing the old ones; the capture survives', async () => {
    const { engine, contents, sessions, rendererPort } = setup();
    contents.sendFromRenderer('panel:ready', undefined);
    const first = rendererPort();
    engine.capture.append({ clientId: 'app-1', connectionId: '', kind: 'warning', name: 'before-reload', direction: 'none', size: 0 });

    contents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false });
    await until(first.isClosed, 'the old port to close');
    contents.sendFromRenderer('panel:ready', undefined);
    const second = rendererPort();
    contents.sendFromRenderer('panel:request', { kind: 'subscribe' });
    await until(() => second.received.some((message) => message.kind === 'batch'), 'the replayed batch');
    const batch = second.received.find((message) => message.kind === 'batch');
    expect(batch?.kind === 'batch' && batch.entries.map((entry) => entry.name)).toEqual(['before-reload']);
    expect(sessions).toHaveLength(2);
  });

  it('closes the session when the renderer closes its port', async () => {
    const { engine, contents, rendererPort } = setup();
    contents.sendFromRenderer('panel:ready', undefined);
    const renderer = rendererPort();
    contents.sendFromRenderer('panel:request', { kind: 'my', message: { op: 'listen', target: null, event: 'open', action: 'on', count: 1, sameFunctionCount: 1 } });
    expect(engine.state().clients.map((client) => client.clientId)).toContain('panel');
    renderer.port.close();
    await until(() => !engine.state().clients.some((client) => client.clientId === 'panel'), 'the panel client to detach');
  });

  it('validates requests and bounds, and drops requests sent before panel:ready', () => {
    const { engine, contents, bounds, log } = setup();
    contents.sendFromRenderer('panel:request', { kind: 'clear' });
    contents.sendFromRenderer('panel:ready', undefined);
    contents.sendFromRenderer('panel:request', { kind: 'force-close' });
    contents.sendFromRenderer('panel:request', { kind: 'settings', patch: { maxTasks: 3 } });
    contents.sendFromRenderer('panel:miniapp-bounds', { x: 10, y: 20, width: 375, height: 667 });
    contents.sendFromRenderer('panel:miniapp-bounds', { x: -5, y: 0, width: 1, height: 1 });
    expect(engine.settings().maxTasks).toBe(3);
    expect(bounds).toEqual([{ x: 10, y: 20, width: 375, height: 667 }]);
    expect(log).toEqual([
      'dropped a clear request sent before panel:ready',
      expect.stringMatching(/^dropped an invalid panel request/),
      expect.stringMatching(/^dropped invalid mini-app bounds/),
    ]);
  });

  it('passes panel:reload-miniapp on from the panel only', () => {
    const { contents, reloads } = setup();
    contents.sendFromRenderer('panel:reload-miniapp', undefined);
    contents.sendFromRenderer('panel:reload-miniapp', undefined, fakeFrame('app://panel/x.html', { parent: contents.mainFrame }));
    expect(reloads()).toBe(1);
  });

  it('ignores panel:* from a subframe, a null frame, another webContents or another origin', () => {
    const { contents, bounds, log } = setup();
    const rect = { x: 1, y: 1, width: 1, height: 1 };
    contents.sendFromRenderer('panel:ready', undefined, fakeFrame('app://panel/x.html', { parent: contents.mainFrame }));
    contents.sendFromRenderer('panel:miniapp-bounds', rect, null);
    contents.ipc.emit('panel:miniapp-bounds', { sender: new FakeWebContents('app://panel/'), senderFrame: contents.mainFrame }, rect);
    contents.mainFrame.url = 'miniapp://app/';
    contents.sendFromRenderer('panel:miniapp-bounds', rect);
    expect(contents.posted).toEqual([]);
    expect(bounds).toEqual([]);
    expect(log).toHaveLength(4);
  });

  it('stops listening when the panel webContents is destroyed', () => {
    const { contents } = setup();
    contents.sendFromRenderer('panel:ready', undefined);
    contents.destroy();
    expect(contents.ipc.eventNames()).toEqual([]);
  });
});
