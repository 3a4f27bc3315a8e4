import { performance } from 'node:perf_hooks';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CaptureEntry } from '../../shared/capture';
import type { EngineMessage } from '../../shared/my-wire';
import { createMy } from '../../shared/my/create-my';
import { createEngine } from '../core/engine';
import type { Engine } from '../core/ports';
import { startLabServer } from '../lab/lab-server';
import type { LabServer } from '../lab/lab-server';
import { createIpcMyTransport } from '../../preload/miniapp-transport';
import { LOGIC_LINK_CHANNELS } from '../../shared/electron-ipc';
import { FakeWebContents, fakeFrame } from './test-support/fake-electron';
import { bindMiniappClient } from './miniapp-client-binding';
import type { MiniappBindingOptions } from './miniapp-client-binding';

// The real engine and the real lab server on 127.0.0.1; only Electron's WebContents and ipcRenderer are
// fakes (fake-electron.ts), wired like Electron's IPC pipe.
const ORIGIN = 'miniapp://app';
let lab: LabServer;
const engines: Engine[] = [];

beforeAll(async () => {
  lab = await startLabServer();
});
afterAll(() => lab.close());
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.shutdown()));
});

function setup(overrides: Partial<MiniappBindingOptions> = {}) {
  const engine = createEngine();
  engines.push(engine);
  const contents = new FakeWebContents(`${ORIGIN}/`);
  const log: string[] = [];
  const binding = bindMiniappClient({ engine, contents, origin: ORIGIN, now: () => performance.now(), log: (line) => log.push(line), ...overrides });
  const navigate = (url = `${ORIGIN}/`) => {
    contents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false, url });
    contents.mainFrame.url = url;
    contents.emit('did-navigate');
  };
  return { engine, contents, binding, log, navigate };
}

function entries(engine: Engine): CaptureEntry[] {
  return [...engine.capture.from(0)];
}

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('bindMiniappClient', () => {
  it('carries a real my round trip: connect to the lab echo, open, send, echo back', async () => {
    const { engine, contents, navigate } = setup();
    navigate();
    const my = createMy(createIpcMyTransport(contents.rendererIpc()));
    const heard: unknown[] = [];
    let opened = false;
    my.onSocketOpen(() => {
      opened = true;
    });
    my.onSocketMessage((event) => heard.push(event));
    my.connectSocket({ url: lab.url('echo') });
    await until(() => opened, 'onSocketOpen');
    await my.sendSocketMessage({ data: 'hello over IPC' });
    await until(() => heard.length === 1, 'the echo');
    expect(heard).toEqual([{ data: 'hello over IPC', isBuffer: false }]);
    const frames = entries(engine).filter((entry) => entry.kind === 'frame' && entry.name === 'text');
    expect(frames.map((entry) => [entry.direction, entry.payload])).toEqual([
      ['out', 'hello over IPC'],
      ['in', 'hello over IPC'],
    ]);
    expect(new Set(frames.map((entry) => entry.clientId)).size).toBe(1);
  });

  it('gives every page the app.json connect timeout: a connect without timeout records it and where it came from', async () => {
    const { engine, contents, navigate } = setup({ appJson: { connectSocketDefaultMultiple: true, connectTimeoutMs: 1500 } });
    navigate();
    const my = createMy(createIpcMyTransport(contents.rendererIpc()), { defaultMultiple: true });
    my.connectSocket({ url: lab.url('silent') });
    my.connectSocket({ url: lab.url('silent'), timeout: 700 });
    await until(() => entries(engine).filter((entry) => entry.name === 'connecting').length === 2, 'two connecting entries');
    expect(entries(engine).filter((entry) => entry.name === 'connecting').map((entry) => [entry.detail?.['timeoutMs'], entry.detail?.['timeoutFrom']])).toEqual([
      [1500, 'app.json'],
      [700, 'call'],
    ]);
    expect(engine.state().clients.map((client) => client.appJson)).toEqual([{ connectSocketDefaultMultiple: true, connectTimeoutMs: 1500 }]);
  });

  it("keeps a page's storage under the project it was given: a write lands in that project's store", async () => {
    const { engine, contents, navigate } = setup({ projectKey: '/projects/shop' });
    navigate();
    const my = createMy(createIpcMyTransport(contents.rendererIpc()));
    my.setStorageSync({ key: 'token', data: 'abc' });
    await until(() => engine.storage().open('/projects/shop').entries()['token'] === '"abc"', "the write in the project's store");
    expect(engine.storage().projects().map(({ project }) => project)).toEqual(['/projects/shop']);
  });

  it('detaches the page on a main-frame navigation (sockets close with 1001) and gives the next page a new client', async () => {
    const { engine, contents, binding, navigate } = setup();
    navigate();
    const my = createMy(createIpcMyTransport(contents.rendererIpc()));
    let opened = false;
    my.onSocketOpen(() => {
      opened = true;
    });
    my.connectSocket({ url: lab.url('echo') });
    await until(() => opened, 'onSocketOpen');
    const firstClient = binding.clientId();
    expect(firstClient).not.toBeNull();

    contents.emit('did-start-navigation', { isMainFrame: false, isSameDocument: false, url: `${ORIGIN}/frame.html` });
    contents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: true, url: `${ORIGIN}/#anchor` });
    expect(binding.clientId()).toBe(firstClient);

    contents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false, url: `${ORIGIN}/` });
    expect(binding.clientId()).toBeNull();
    expect(contents.messagesOn('my:engine').at(-1)).toEqual({ kind: 'reset', reason: `mini-app navigated to ${ORIGIN}/` });
    // A late message of the page being left is not given a session.
    contents.sendFromRenderer('my:listen', { op: 'listen', target: null, event: 'open', action: 'on', count: 1, sameFunctionCount: 1 });
    expect(binding.clientId()).toBeNull();
    await until(() => engine.state().connections.every((connection) => connection.state === 'CLOSED'), 'the socket to close');
    expect(engine.state().connections[0]?.closeCode).toBe(1001);
    expect(entries(engine).some((entry) => entry.name === 'client-detached' && entry.clientId === firstClient)).toBe(true);

    contents.emit('did-navigate');
    contents.sendFromRenderer('my:listen', { op: 'listen', target: null, event: 'open', action: 'on', count: 1, sameFunctionCount: 1 });
    expect(binding.clientId()).not.toBeNull();
    expect(binding.clientId()).not.toBe(firstClient);
  });

  it('detaches on a crashed renderer and stops listening when the view is destroyed', () => {
    const { engine, contents, binding, navigate } = setup();
    navigate();
    contents.sendFromRenderer('my:listen', { op: 'listen', target: null, event: 'open', action: 'on', count: 1, sameFunctionCount: 1 });
    const crashed = binding.clientId();
    contents.emit('render-process-gone', {}, { reason: 'crashed' });
    expect(binding.clientId()).toBeNull();
    expect(entries(engine).find((entry) => entry.name === 'client-detached' && entry.clientId === crashed)?.detail).toEqual({
      reason: 'mini-app renderer gone (crashed)',
    });
    navigate();
    contents.sendFromRenderer('my:listen', { op: 'listen', target: null, event: 'open', action: 'on', count: 1, sameFunctionCount: 1 });
    expect(binding.clientId()).not.toBeNull();
    contents.destroy();
    expect(binding.clientId()).toBeNull();
    expect(contents.ipc.eventNames()).toEqual([]);
  });

  it('drops messages from a subframe, another webContents or a foreign origin without touching the engine', () => {
    const { engine, contents, binding, navigate, log } = setup();
    navigate();
    const listen = { op: 'listen', target: null, event: 'open', action: 'on', count: 1, sameFunctionCount: 1 };
    contents.sendFromRenderer('my:listen', listen, fakeFrame(`${ORIGIN}/frame.html`, { parent: contents.mainFrame }));
    contents.sendFromRenderer('my:listen', listen, null);
    contents.ipc.emit('my:listen', { sender: new FakeWebContents(`${ORIGIN}/`), senderFrame: contents.mainFrame }, listen);
    contents.mainFrame.url = 'https://evil.example/';
    contents.sendFromRenderer('my:listen', listen);
    expect(binding.clientId()).toBeNull();
    expect(entries(engine)).toEqual([]);
    expect(log).toHaveLength(4);
  });

  it('answers a malformed call with fail 1 and a warning, and never passes it to the engine', () => {
    const { engine, contents, navigate } = setup();
    navigate();
    contents.sendFromRenderer('my:connect', { op: 'connect', callId: 5, target: null });
    contents.sendFromRenderer('my:connect', { op: 'close', callId: 6, target: null, options: {} });
    contents.sendFromRenderer('my:send', 'garbage');
    const sent = contents.messagesOn('my:engine') as EngineMessage[];
    // The page's storage mirror and phone profile come first (docs/behaviour.md#storage-mirror).
    expect(sent[0]).toMatchObject({ kind: 'seed', storage: {} });
    const results = sent.slice(1);
    expect(results).toEqual([
      { kind: 'result', callId: 5, ok: false, error: 1, errorMessage: expect.stringContaining('rejected a malformed my:connect message') },
      { kind: 'result', callId: 6, ok: false, error: 1, errorMessage: expect.stringContaining('op "close" sent on my:connect') },
    ]);
    const warnings = entries(engine).filter((entry) => entry.kind === 'warning');
    expect(warnings.map((entry) => [entry.name, entry.detail?.channel])).toEqual([
      ['invalid-message', 'my:connect'],
      ['invalid-message', 'my:connect'],
      ['invalid-message', 'my:send'],
    ]);
    expect(entries(engine).some((entry) => entry.kind === 'call')).toBe(false);
  });

  it('paces a burst past the limit: later calls wait in order, none fails, the burst is one notice at each end', () => {
    vi.useFakeTimers();
    try {
      let now = 0;
      const { engine, contents, navigate } = setup({ now: () => now, rateLimit: { capacity: 3, refillPerSecond: 1 } });
      navigate();
      const send = (callId: number) => contents.sendFromRenderer('my:send', { op: 'send', callId, target: null, options: { data: 'x' } });
      for (let callId = 1; callId <= 5; callId += 1) send(callId);
      contents.sendFromRenderer('my:listen', { op: 'listen', target: null, event: 'open', action: 'on', count: 1, sameFunctionCount: 1 });
      const calls = () => entries(engine).filter((entry) => entry.kind === 'call').map((entry) => entry.name);
      expect(calls()).toEqual(['sendSocketMessage', 'sendSocketMessage', 'sendSocketMessage']);
      const limitNotices = () => entries(engine).filter((entry) => entry.name.startsWith('call-rate-limit'));
      expect(limitNotices().map((entry) => entry.detail)).toEqual([{ warning: 'call-rate-limit', channel: 'my:send', capacity: 3, refillPerSecond: 1 }]);

      now += 2000;
      vi.advanceTimersByTime(2000);
      expect(calls()).toEqual(['sendSocketMessage', 'sendSocketMessage', 'sendSocketMessage', 'sendSocketMessage', 'sendSocketMessage', 'onSocketOpen']);
      const answers = contents.messagesOn('my:engine') as EngineMessage[];
      expect(answers.some((message) => message.kind === 'result' && !message.ok && message.error === 1)).toBe(false);
      expect(limitNotices().map((entry) => [entry.name, entry.detail?.held])).toEqual([
        ['call-rate-limit', undefined],
        ['call-rate-limit-end', 3],
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('admits one dispatched report per delivered event, so a server flood never trips the limit', async () => {
    const { engine, contents, navigate } = setup({ rateLimit: { capacity: 3, refillPerSecond: 1 } });
    navigate();
    const my = createMy(createIpcMyTransport(contents.rendererIpc()));
    const received: string[] = [];
    my.onSocketMessage((event) => received.push((event as { data: string }).data));
    my.connectSocket({ url: lab.url('flood').replace(/\?.*$/, '?count=2000&size=16') });
    await until(() => received.length === 2000, '2000 flood messages');
    expect(received.map((data) => Number(data.split(':')[0]))).toEqual([...Array(2000).keys()]);
    expect(entries(engine).filter((entry) => entry.name.startsWith('call-rate-limit'))).toEqual([]);
  });

  it("binds a mini-program's logic link as a second client on the my-logic:* channels, beside the page's my", async () => {
    const { engine, contents, binding, navigate } = setup();
    const logic = bindMiniappClient({ engine, contents, origin: ORIGIN, now: () => performance.now(), channels: LOGIC_LINK_CHANNELS });
    navigate();
    const pageMy = createMy(createIpcMyTransport(contents.rendererIpc()));
    const logicMy = createMy(createIpcMyTransport(contents.rendererIpc(), LOGIC_LINK_CHANNELS));
    const heard: Record<string, unknown[]> = { page: [], logic: [] };
    pageMy.onSocketMessage((event) => heard.page?.push(event.data));
    logicMy.onSocketMessage((event) => heard.logic?.push(event.data));
    let opened = 0;
    pageMy.onSocketOpen(() => (opened += 1));
    logicMy.onSocketOpen(() => (opened += 1));
    // Both number their calls from 1: only separate clients keep them apart.
    pageMy.connectSocket({ url: lab.url('echo') });
    logicMy.connectSocket({ url: lab.url('echo') });
    await until(() => opened === 2, 'both sockets to open');
    await pageMy.sendSocketMessage({ data: 'from the page' });
    await logicMy.sendSocketMessage({ data: 'from the logic' });
    await until(() => heard.page?.length === 1 && heard.logic?.length === 1, 'both echoes');
    expect(heard).toEqual({ page: ['from the page'], logic: ['from the logic'] });
    expect(logic.clientId()).not.toBeNull();
    expect(logic.clientId()).not.toBe(binding.clientId());
    expect(engine.state().clients).toHaveLength(2);
    expect(contents.messagesOn('my:engine').length).toBeGreaterThan(0);
    expect(contents.messagesOn('my-logic:engine').length).toBeGreaterThan(0);

    contents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false, url: `${ORIGIN}/` });
    expect(logic.clientId()).toBeNull();
    expect(contents.messagesOn('my-logic:engine').at(-1)).toEqual({ kind: 'reset', reason: `mini-app navigated to ${ORIGIN}/` });
    await until(() => engine.state().connections.every((connection) => connection.state === 'CLOSED'), 'both sockets to close');
  });
});
