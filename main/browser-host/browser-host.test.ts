// The browser host over real sockets: HTTP servers on 127.0.0.1, the `ws` bridges, the real engine and
// the real lab server. Pages are played by `ws` clients that send what the shim and the panel send.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { CaptureEntry } from '../../shared/capture';
import { MAX_CLIENT_BATCH, unpackEngineLinkMessage, type EngineMessage } from '../../shared/my-wire';
import type { PanelMessage } from '../../shared/panel-wire';
import { harSchema } from '../../shared/har';
import type { RateLimit } from '../host-common/call-rate-limit';
import { createEngine } from '../core/engine';
import type { Engine } from '../core/ports';
import { startLabServer, type LabServer } from '../lab/lab-server';
import { startBrowserHost, type BrowserHost } from './index';
import { connect, get, miniappBridgeUrl, panelBridgeUrl, terminateOpenSockets, waitFor } from './test-support/host-clients';

let outDir: string;
let miniappDir: string;
let lab: LabServer;
let engine: Engine;
let host: BrowserHost | undefined;

beforeAll(async () => {
  const base = await mkdtemp(join(tmpdir(), 'msd-host-'));
  outDir = join(base, 'out');
  miniappDir = join(base, 'app');
  await mkdir(join(outDir, 'renderer', 'assets'), { recursive: true });
  await mkdir(join(outDir, 'miniapp-demo'), { recursive: true });
  await mkdir(miniappDir, { recursive: true });
  await writeFile(
    join(outDir, 'renderer', 'index.html'),
    `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="script-src 'self'"><script type="module" src="./assets/panel.js"></script></head><body></body></html>`,
  );
  await writeFile(join(outDir, 'renderer', 'assets', 'panel.js'), 'console.log("panel")');
  await writeFile(join(outDir, 'web-miniapp.js'), '/* shim */');
  await writeFile(join(outDir, 'miniapp-demo', 'index.html'), '<html><head><title>demo</title></head><body>demo</body></html>');
  await writeFile(join(miniappDir, 'index.html'), '<!doctype html><html><head><script src="app.js"></script></head><body>app</body></html>');
  await writeFile(join(miniappDir, 'app.js'), 'window.started = true;');
  await writeFile(join(base, 'secret.txt'), 'outside the mini-app');
  lab = await startLabServer();
});

afterAll(async () => {
  await lab.close();
  await rm(join(outDir, '..'), { recursive: true, force: true });
});

afterEach(async () => {
  terminateOpenSockets();
  await host?.close();
  host = undefined;
  await engine?.shutdown();
});

async function start(options: { miniapp?: string; lab?: { close(): Promise<void> }; rateLimit?: RateLimit } = {}): Promise<BrowserHost> {
  engine = createEngine();
  engine.setLabEndpoints(lab.endpoints);
  host = await startBrowserHost({ engine, outDir, ...options });
  return host;
}

function captured(): CaptureEntry[] {
  return [...engine.capture.from(0)];
}

describe('serving', () => {
  it('serves the panel with its config in a nonce script, and the mini-app on another origin with the shim first', async () => {
    const h = await start({ miniapp: miniappDir });
    const panelOrigin = new URL(h.panelUrl).origin;
    const miniappOrigin = new URL(h.miniappUrl).origin;
    expect(panelOrigin).not.toBe(miniappOrigin);
    expect(new URL(h.panelUrl).hostname).toBe('127.0.0.1');

    const panel = await get(h.panelUrl);
    expect(panel.status).toBe(200);
    const csp = String(panel.headers['content-security-policy']);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain(`frame-src ${miniappOrigin}`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(panel.body).toContain(`<script nonce="${nonce}">window.__MSD_CONFIG__`);
    expect(panel.body).not.toMatch(/http-equiv="Content-Security-Policy"/i);
    expect(panel.body.indexOf('__MSD_CONFIG__')).toBeLessThan(panel.body.indexOf('assets/panel.js'));
    const config = JSON.parse(/Object\.freeze\((.*?)\);<\/script>/.exec(panel.body)?.[1] ?? 'null') as { panelBridge: string; miniappUrl: string };
    expect(config.miniappUrl).toBe(h.miniappUrl);
    expect(config.panelBridge).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:${new URL(h.panelUrl).port}/panel\\?token=[\\w-]{32}$`));

    const app = await get(h.miniappUrl);
    expect(app.status).toBe(200);
    const appCsp = String(app.headers['content-security-policy']);
    expect(appCsp).toContain(`connect-src ws://127.0.0.1:${new URL(h.miniappUrl).port}/my;`);
    expect(appCsp).toContain(`frame-ancestors ${panelOrigin}`);
    expect(appCsp).not.toContain('token');
    const shimAt = app.body.indexOf('<script src="/__msd/web-miniapp.js" data-msd-bridge="ws://');
    expect(shimAt).toBeGreaterThan(0);
    expect(shimAt).toBeLessThan(app.body.indexOf('app.js'));
    expect(app.body.indexOf('window.__MSD_LAB__')).toBeGreaterThan(shimAt);
    expect(app.body).toContain(lab.url('echo'));

    expect((await get(`${miniappOrigin}/__msd/web-miniapp.js`)).body).toBe('/* shim */');
    // The CORS grant goes to module-script loads of the opaque-origin page only, never to a fetch.
    const script = await get(`${miniappOrigin}/app.js`, { Origin: 'null', 'Sec-Fetch-Dest': 'script' });
    expect(script.headers['access-control-allow-origin']).toBe('null');
    expect((await get(`${miniappOrigin}/app.js`, { Origin: 'null', 'Sec-Fetch-Dest': 'empty' })).headers['access-control-allow-origin']).toBeUndefined();
    expect((await get(`${miniappOrigin}/app.js`, { Origin: 'null' })).headers['access-control-allow-origin']).toBeUndefined();
    expect((await get(`${miniappOrigin}/app.js`)).headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves the bundled demo when no mini-app is given', async () => {
    const h = await start();
    expect((await get(h.miniappUrl)).body).toContain('<body>demo</body>');
  });

  it('keeps requests inside the mini-app folder and refuses foreign Host headers and methods', async () => {
    const h = await start({ miniapp: miniappDir });
    const miniappOrigin = new URL(h.miniappUrl).origin;
    expect((await get(`${miniappOrigin}/..%2fsecret.txt`)).body).not.toContain('outside the mini-app');
    expect((await get(`${miniappOrigin}/%2e%2e/secret.txt`)).status).toBe(404);
    expect((await get(`${miniappOrigin}/missing.js`)).status).toBe(404);
    expect((await get(h.miniappUrl, { Host: `rebound.example:${new URL(h.miniappUrl).port}` })).status).toBe(403);
    expect((await get(h.panelUrl, { Host: `localhost:${new URL(h.panelUrl).port}` })).status).toBe(403);
    const post = await fetch(h.panelUrl, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
  });

  it('rejects an unusable mini-app at start', async () => {
    engine = createEngine();
    await expect(startBrowserHost({ engine, outDir, miniapp: join(miniappDir, 'nope') })).rejects.toThrow(/does not exist or has no index\.html/);
    await expect(startBrowserHost({ engine, outDir, miniapp: 'ftp://example.test/' })).rejects.toThrow(/must be http: or https:/);
  });

  it('proxies an http mini-app, injecting the shim into its pages', async () => {
    const upstream = await start({ miniapp: miniappDir });
    const upstreamApp = new URL(upstream.miniappUrl).origin;
    // A second host previews the first one's mini-app origin as a URL (its own responses carry a CSP).
    const secondEngine = createEngine();
    const proxy = await startBrowserHost({ engine: secondEngine, outDir, miniapp: `${upstreamApp}/index.html` });
    try {
      const page = await get(proxy.miniappUrl);
      expect(page.status).toBe(200);
      expect(proxy.miniappUrl).toMatch(/\/index\.html$/);
      const bridges = page.body.match(/data-msd-bridge="ws:\/\/127\.0\.0\.1:(\d+)\//g) ?? [];
      expect(bridges[0]).toContain(`:${new URL(proxy.miniappUrl).port}/`);
      const script = await get(`${new URL(proxy.miniappUrl).origin}/app.js`);
      expect(script.body).toBe('window.started = true;');
    } finally {
      await proxy.close();
      await secondEngine.shutdown();
    }
  });
});

describe('capture API', () => {
  it('needs the token, then returns the capture as HAR and JSONL', async () => {
    const h = await start();
    const base = h.captureHarUrl.split('?')[0] ?? '';
    expect((await get(base)).status).toBe(401);
    expect((await get(`${base}?token=wrong`)).status).toBe(401);
    const har = await get(h.captureHarUrl);
    expect(har.status).toBe(200);
    expect(harSchema.safeParse(JSON.parse(har.body)).success).toBe(true);
    const token = new URL(h.captureJsonlUrl).searchParams.get('token') ?? '';
    const jsonl = await get(h.captureJsonlUrl.split('?')[0] ?? '', { Authorization: `Bearer ${token}` });
    expect(jsonl.status).toBe(200);
    expect(jsonl.headers['content-type']).toContain('application/x-ndjson');
  });
});

describe('bridges', () => {
  it('refuses a mini-app bridge without the token, with a wrong token, or from a foreign origin', async () => {
    const h = await start({ miniapp: miniappDir });
    const url = await miniappBridgeUrl(h);
    const bare = url.split('?')[0] ?? '';
    expect(await connect(bare, 'null')).toEqual({ refused: 403 });
    expect(await connect(`${bare}?token=guess`, 'null')).toEqual({ refused: 403 });
    expect(await connect(url, 'http://evil.example')).toEqual({ refused: 403 });
    expect(await connect(url, new URL(h.panelUrl).origin)).toEqual({ refused: 403 });
    expect(await connect(url.replace('/my?', '/other?'), 'null')).toEqual({ refused: 404 });
    expect(engine.state().clients).toEqual([]);
  });

  it('refuses the panel bridge without the token or from another origin (the mini-app included)', async () => {
    const h = await start({ miniapp: miniappDir });
    const url = await panelBridgeUrl(h);
    expect(await connect(url.split('?')[0] ?? '', new URL(h.panelUrl).origin)).toEqual({ refused: 403 });
    expect(await connect(url, 'null')).toEqual({ refused: 403 });
    expect(await connect(url, new URL(h.miniappUrl).origin)).toEqual({ refused: 403 });
    const miniappToken = new URL(await miniappBridgeUrl(h)).searchParams.get('token');
    expect(await connect(`${url.split('?')[0]}?token=${miniappToken}`, new URL(h.panelUrl).origin)).toEqual({ refused: 403 });
  });

  it('runs `my` calls from a page through the engine to the lab and back, and detaches the page when its bridge closes', async () => {
    const h = await start({ miniapp: miniappDir });
    const page = await connect(`${await miniappBridgeUrl(h)}&page=${encodeURIComponent(`${h.miniappUrl}?x=1`)}`, 'null');
    if ('refused' in page) throw new Error(`refused ${page.refused}`);
    const received = page.messages as EngineMessage[];
    page.socket.send(JSON.stringify({ op: 'connect', callId: 1, target: null, options: { url: lab.url('echo') } }));
    await waitFor(() => received.find((m) => m.kind === 'event' && m.payload.event === 'open'), 'open');
    page.socket.send(JSON.stringify({ op: 'send', callId: 2, target: null, options: { data: 'hello' } }));
    page.socket.send(JSON.stringify({ op: 'send', callId: 3, target: null, options: { data: Buffer.from([0, 1, 255]).toString('base64'), isBuffer: true } }));
    const messages = await waitFor(() => {
      const found = received.filter((m) => m.kind === 'event' && m.payload.event === 'message');
      return found.length === 2 ? found : undefined;
    }, 'two echoes');
    expect(messages.map((m) => m.kind === 'event' && m.payload)).toEqual([
      { event: 'message', data: 'hello', isBuffer: false },
      { event: 'message', data: 'AAH/', isBuffer: true },
    ]);
    // The page's storage mirror and phone profile come first (docs/behaviour.md#storage-mirror).
    expect(received[0]).toMatchObject({ kind: 'seed', storage: {}, systemInfo: { platform: 'iOS' } });
    expect(received[1]).toEqual({ kind: 'result', callId: 1, ok: true, payload: {} });
    expect(engine.state().clients.map((c) => c.origin)).toEqual([`${h.miniappUrl}?x=1`]);

    page.socket.send('{not json');
    page.socket.send(JSON.stringify({ op: 'connect', callId: 'x' }));
    page.socket.send(JSON.stringify({ op: 'send', callId: 4, target: null, options: { data: 'still serving' } }));
    await waitFor(() => received.find((m) => m.kind === 'event' && m.payload.event === 'message' && m.payload.data === 'still serving'), 'echo after garbage');

    page.socket.close();
    const goingAway = await waitFor(() => captured().find((e) => e.kind === 'frame' && e.name === 'close' && e.direction === 'out'), 'close frame');
    expect(goingAway.detail).toMatchObject({ code: 1001 });
    expect(captured().find((e) => e.name === 'client-detached')?.detail).toEqual({ reason: 'page reloaded' });
    await waitFor(() => (engine.state().clients.length === 0 ? true : undefined), 'client gone');
  });

  it('takes a batch from a page message by message, in order: a send packed with its connect meets it connecting (10)', async () => {
    const h = await start({ miniapp: miniappDir });
    const page = await connect(await miniappBridgeUrl(h), 'null');
    if ('refused' in page) throw new Error(`refused ${page.refused}`);
    const received = page.messages as EngineMessage[];
    const connectCall = { op: 'connect', callId: 1, target: null, options: { url: lab.url('echo') } };
    const early = { op: 'send', callId: 2, target: null, options: { data: 'too early' } };
    page.socket.send(JSON.stringify({ op: 'batch', messages: [connectCall, early, { op: 'send', callId: 'garbage' }] }));
    await waitFor(() => received.find((m) => m.kind === 'event' && m.payload.event === 'open'), 'open');
    const results = received.filter((m) => m.kind === 'result');
    expect(results.map((m) => m.kind === 'result' && [m.callId, m.ok, m.ok ? 0 : m.error])).toEqual([
      [1, true, 0],
      [2, false, 10],
    ]);
    await waitFor(() => captured().find((e) => e.name === 'invalid-message'), 'the bad item refused on its own');

    page.socket.send(JSON.stringify({ op: 'batch', messages: Array.from({ length: MAX_CLIENT_BATCH + 1 }, (_, index) => ({ ...early, callId: 100 + index })) }));
    await waitFor(() => (captured().filter((e) => e.name === 'invalid-message').length === 2 ? true : undefined), 'the oversized batch refused whole');
    expect(captured().filter((e) => e.kind === 'call' && e.name === 'sendSocketMessage')).toHaveLength(1);
  });

  it('paces a page like the Electron host: a burst past the limit waits, in order, nothing fails, the burst is one notice', async () => {
    const h = await start({ miniapp: miniappDir, rateLimit: { capacity: 5, refillPerSecond: 50 } });
    const page = await connect(await miniappBridgeUrl(h), 'null');
    if ('refused' in page) throw new Error(`refused ${page.refused}`);
    const received = page.messages as EngineMessage[];
    for (let callId = 1; callId <= 8; callId += 1) page.socket.send(JSON.stringify({ op: 'send', callId, target: null, options: { data: `spam ${callId}` } }));
    for (let index = 0; index < 4; index += 1) page.socket.send('{not json');
    const results = await waitFor(() => {
      const found = received.filter((m) => m.kind === 'result');
      return found.length === 8 ? found : undefined;
    }, 'eight answers');
    // Every send reaches the engine, in order (10: nothing is connected); none is refused with 1.
    expect(results.map((m) => m.kind === 'result' && !m.ok && [m.callId, m.error])).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((callId) => [callId, 10]));
    await waitFor(() => (captured().filter((e) => e.name === 'invalid-message').length === 4 ? true : undefined), 'garbage after the sends');
    expect(captured().filter((e) => e.kind === 'call').map((e) => e.detail?.callId)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const clientId = engine.state().clients[0]?.clientId;
    await waitFor(() => captured().find((e) => e.name === 'call-rate-limit-end'), 'the end of the burst');
    expect(captured().filter((e) => e.name.startsWith('call-rate-limit')).map((e) => [e.name, e.clientId, e.detail?.channel])).toEqual([
      ['call-rate-limit', clientId, 'my:send'],
      ['call-rate-limit-end', clientId, 'my:send'],
    ]);

    page.socket.send(JSON.stringify({ op: 'connect', callId: 20, target: null, options: { url: lab.url('echo') } }));
    await waitFor(() => received.find((m) => m.kind === 'event' && m.payload.event === 'open'), 'open after the burst');
  });

  it('never limits the dispatched reports that answer delivered events, so a server flood passes', async () => {
    const h = await start({ miniapp: miniappDir, rateLimit: { capacity: 3, refillPerSecond: 1 } });
    const page = await connect(await miniappBridgeUrl(h), 'null');
    if ('refused' in page) throw new Error(`refused ${page.refused}`);
    const received = page.messages as EngineMessage[];
    let answered = 0;
    let bridgeMessages = 0;
    page.socket.on('message', (data) => {
      bridgeMessages += 1;
      for (const message of unpackEngineLinkMessage(JSON.parse(data.toString())) as EngineMessage[]) {
        if (message.kind !== 'event') continue;
        answered += 1;
        page.socket.send(JSON.stringify({ op: 'dispatched', target: null, event: message.payload.event, listeners: 1, thrown: [] }));
      }
    });
    page.socket.send(JSON.stringify({ op: 'connect', callId: 1, target: null, options: { url: lab.url('flood').replace(/\?.*$/, '?count=500&size=16') } }));
    const messages = await waitFor(() => {
      const found = received.filter((m) => m.kind === 'event' && m.payload.event === 'message');
      return found.length === 500 ? found : undefined;
    }, '500 flood messages');
    expect(messages.map((m) => (m.kind === 'event' && m.payload.event === 'message' ? Number(m.payload.data.split(':')[0]) : -1))).toEqual([...Array(500).keys()]);
    // The bridge packs what one tick produced: the flood arrives in far fewer bridge messages than frames.
    expect(bridgeMessages).toBeLessThan(100);
    await waitFor(() => (answered >= 501 ? true : undefined), 'reports sent');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(captured().filter((e) => e.name.startsWith('call-rate-limit'))).toEqual([]);
  });

  it('gives each panel tab its own session: subscribe replays the capture; closing a tab keeps the capture', async () => {
    const h = await start({ miniapp: miniappDir });
    const panelUrl = await panelBridgeUrl(h);
    const page = await connect(await miniappBridgeUrl(h), 'null');
    if ('refused' in page) throw new Error('refused');
    page.socket.send(JSON.stringify({ op: 'connect', callId: 1, target: null, options: { url: '' } }));
    await waitFor(() => (page.messages.length > 0 ? true : undefined), 'connect result');
    const heldBefore = engine.capture.stats().held;

    const tab = await connect(panelUrl, new URL(h.panelUrl).origin);
    if ('refused' in tab) throw new Error('refused');
    tab.socket.send(JSON.stringify({ kind: 'subscribe' }));
    const batch = await waitFor(() => (tab.messages as PanelMessage[]).find((m) => m.kind === 'batch'), 'batch');
    expect(batch.kind === 'batch' && batch.entries.some((e) => e.errorCode === 3)).toBe(true);
    expect((tab.messages as PanelMessage[]).some((m) => m.kind === 'state')).toBe(true);
    tab.socket.close();
    await waitFor(() => (tab.socket.readyState === WebSocket.CLOSED ? true : undefined), 'tab closed');
    expect(engine.capture.stats().held).toBeGreaterThanOrEqual(heldBefore);

    const second = await connect(panelUrl, new URL(h.panelUrl).origin);
    if ('refused' in second) throw new Error('refused');
    second.socket.send(JSON.stringify({ kind: 'export', requestId: 7, format: 'jsonl' }));
    const reply = await waitFor(() => (second.messages as PanelMessage[]).find((m) => m.kind === 'reply'), 'reply');
    expect(reply).toMatchObject({ kind: 'reply', requestId: 7, ok: true });
  });

  it('stopping the host detaches every page (1001), closes the bridges, the lab and both servers', async () => {
    const ownLab = await startLabServer();
    const h = await start({ miniapp: miniappDir, lab: ownLab });
    const page = await connect(await miniappBridgeUrl(h), 'null');
    if ('refused' in page) throw new Error('refused');
    page.socket.send(JSON.stringify({ op: 'connect', callId: 1, target: 'task-1', options: { url: ownLab.url('echo'), multiple: true } }));
    await waitFor(() => (page.messages as EngineMessage[]).find((m) => m.kind === 'event' && m.payload.event === 'open'), 'open');
    const closed = new Promise<number>((resolve) => page.socket.once('close', (code) => resolve(code)));
    await h.close();
    host = undefined;
    expect(await closed).toBe(1001);
    expect(captured().find((e) => e.kind === 'frame' && e.name === 'close' && e.direction === 'out')?.detail).toMatchObject({ code: 1001 });
    expect(captured().find((e) => e.name === 'client-detached')?.detail).toEqual({ reason: 'host stopped' });
    await expect(fetch(h.panelUrl)).rejects.toThrow();
    await expect(fetch(h.miniappUrl)).rejects.toThrow();
    await expect(fetch(ownLab.url('echo').replace('ws:', 'http:'))).rejects.toThrow();
  });
});
