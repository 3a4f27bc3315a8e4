// Background and foreground (docs/behaviour.md#app-life-background-and-foreground): every mini-app client hears both
// moments, sockets stay open by default, the backgroundCloseSeconds setting closes them with 1001 (server and
// app both see it), and each moment is an engine lifecycle entry. Real `ws` server on 127.0.0.1.
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BACKGROUND_CLOSE_CODE } from './app-life';
import { createEngine } from './engine';
import { createPanelSession } from './panel-session';
import type { Engine } from './ports';
import { attachWireTestClient, type WireTestClient } from './test-support/wire-test-client';

let server: WebSocketServer;
let url: string;
const serverCloses: number[] = [];
let engine: Engine | undefined;

beforeAll(async () => {
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  server.on('connection', (socket) => socket.on('close', (code) => serverCloses.push(code)));
});
afterAll(async () => {
  server.clients.forEach((client) => client.terminate());
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
afterEach(async () => {
  await engine?.shutdown();
  engine = undefined;
  serverCloses.length = 0;
});

async function openApp(backgroundCloseSeconds: number | null): Promise<WireTestClient> {
  engine = createEngine({ settings: { backgroundCloseSeconds } });
  const app = attachWireTestClient(engine);
  app.call('connect', { url });
  await app.event(null, 'open');
  return app;
}

function lifeEntries(): string[] {
  return [...(engine as Engine).capture.from(0)].filter((entry) => entry.name.startsWith('app-')).map((entry) => entry.name);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('app background and foreground', () => {
  it('tells every mini-app client (not the panel) and logs both moments; sockets stay open by default', async () => {
    const app = await openApp(null);
    const panelMessages: unknown[] = [];
    const panel = createPanelSession(engine as Engine, (message) => panelMessages.push(message));
    panel.receive({ kind: 'app-visibility', visible: false });
    expect(app.trace().slice(-1)).toEqual(['app-hide']);
    expect((engine as Engine).state().app).toMatchObject({ visible: false });
    await sleep(300);
    panel.receive({ kind: 'app-visibility', visible: true });
    expect(app.trace().slice(-2)).toEqual(['app-hide', 'app-show']);
    expect((engine as Engine).state().connections[0]?.state).toBe('OPEN');
    expect(serverCloses).toEqual([]);
    expect(lifeEntries()).toEqual(['app-background', 'app-foreground']);
    const foreground = [...(engine as Engine).capture.from(0)].find((entry) => entry.name === 'app-foreground');
    expect(foreground?.detail?.backgroundSeconds).toBeGreaterThanOrEqual(0.25);
    panel.close();
  });

  it('repeats of the current state change nothing', async () => {
    const app = await openApp(null);
    (engine as Engine).appLife.setVisible(true, 'panel');
    (engine as Engine).appLife.setVisible(false, 'panel');
    (engine as Engine).appLife.setVisible(false, 'panel');
    expect(app.trace().filter((step) => step.startsWith('app-'))).toEqual(['app-hide']);
    expect(lifeEntries()).toEqual(['app-background']);
  });

  it('closes the sockets with 1001 after backgroundCloseSeconds: the server and the app see it, logged', async () => {
    const app = await openApp(0.2);
    (engine as Engine).appLife.setVisible(false, 'panel');
    expect((engine as Engine).state().app?.closeAt).toBeGreaterThan(Date.now());
    const close = await app.event(null, 'close');
    expect(close.payload).toMatchObject({ event: 'close', code: BACKGROUND_CLOSE_CODE });
    await expect.poll(() => serverCloses).toEqual([1001]);
    expect(lifeEntries()).toEqual(['app-background', 'app-background-close']);
    const entry = [...(engine as Engine).capture.from(0)].find((candidate) => candidate.name === 'closed');
    expect(entry?.detail).toMatchObject({ closedFirstBy: 'engine', codeSent: 1001 });
    expect((engine as Engine).state().app).toMatchObject({ visible: false, socketsClosed: true });
  });

  it('coming back before the deadline keeps the sockets; a setting changed in the background re-arms the close', async () => {
    const app = await openApp(0.3);
    (engine as Engine).appLife.setVisible(false, 'panel');
    await sleep(100);
    (engine as Engine).appLife.setVisible(true, 'panel');
    await sleep(400);
    expect((engine as Engine).state().connections[0]?.state).toBe('OPEN');
    (engine as Engine).updateSettings({ backgroundCloseSeconds: null });
    (engine as Engine).appLife.setVisible(false, 'panel');
    expect((engine as Engine).state().app?.closeAt).toBeUndefined();
    (engine as Engine).updateSettings({ backgroundCloseSeconds: 0.1 });
    await app.event(null, 'close');
    expect(lifeEntries()).toEqual(['app-background', 'app-foreground', 'app-background', 'app-background-close']);
  });

  it("the panel's own sockets are not closed, and a new page load brings a hidden app back", async () => {
    const app = await openApp(0.1);
    const panelClient = attachWireTestClient(engine as Engine, 'panel', 'panel');
    panelClient.call('connect', { url });
    await panelClient.event(null, 'open');
    (engine as Engine).appLife.setVisible(false, 'panel');
    await app.event(null, 'close');
    expect(panelClient.trace().some((step) => step.startsWith('app-') || step.startsWith('close'))).toBe(false);
    attachWireTestClient(engine as Engine);
    expect((engine as Engine).state().app).toEqual({ visible: true });
    const foreground = [...(engine as Engine).capture.from(0)].filter((entry) => entry.name === 'app-foreground');
    expect(foreground.map((entry) => entry.detail?.reason)).toEqual(['page load']);
  });

  it('refuses a malformed app-visibility panel request with a warning', async () => {
    await openApp(null);
    const panel = createPanelSession(engine as Engine, () => undefined);
    panel.receive({ kind: 'app-visibility', visible: 'no' });
    expect((engine as Engine).state().app).toEqual({ visible: true });
    expect([...(engine as Engine).capture.from(0)].some((entry) => entry.name === 'invalid-panel-message')).toBe(true);
    panel.close();
  });
});
