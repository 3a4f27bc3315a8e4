// The security suite (docs/architecture.md#threat-model): what issue 17 did as an attacker, against a real
// browser host, lab and engine on loopback. Each attack must end in a refusal or a bound, the host stays
// up and another connection keeps working.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { connect as connectTcp } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EngineMessage } from '../../shared/my-wire';
import { createCaptureLog } from '../core/capture-log';
import { createEngine } from '../core/engine';
import type { Engine } from '../core/ports';
import type { RateLimit } from '../host-common/call-rate-limit';
import { startLabServer, type LabServer } from '../lab/lab-server';
import { startBrowserHost, type BrowserHost } from './index';
import { connect, get, miniappBridgeUrl, panelBridgeUrl, terminateOpenSockets, waitFor } from './test-support/host-clients';

let base: string;
let outDir: string;
let miniappDir: string;
let lab: LabServer;
let engine: Engine;
let host: BrowserHost | undefined;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'msd-hostile-'));
  outDir = join(base, 'out');
  miniappDir = join(base, 'app');
  await mkdir(join(outDir, 'renderer'), { recursive: true });
  await mkdir(join(outDir, 'miniapp-demo'), { recursive: true });
  await mkdir(join(miniappDir, '.git'), { recursive: true });
  await writeFile(join(outDir, 'renderer', 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  await writeFile(join(outDir, 'web-miniapp.js'), '/* shim */');
  await writeFile(join(outDir, 'miniapp-demo', 'index.html'), '<html><head></head><body>demo</body></html>');
  await writeFile(join(miniappDir, 'index.html'), '<!doctype html><html><head><script src="app.js"></script></head><body>app</body></html>');
  await writeFile(join(miniappDir, 'app.js'), 'window.started = true;');
  await writeFile(join(miniappDir, 'app.json'), '{}');
  await writeFile(join(miniappDir, '.env'), 'SECRET=1');
  await writeFile(join(miniappDir, '.git', 'config'), '[core]');
  await writeFile(join(base, 'secret.txt'), 'outside the mini-app');
  await symlink(join(base, 'secret.txt'), join(miniappDir, 'link.txt'));
  lab = await startLabServer();
});

afterAll(async () => {
  await lab.close();
  await rm(base, { recursive: true, force: true });
});

afterEach(async () => {
  terminateOpenSockets();
  await host?.close();
  host = undefined;
  await engine?.shutdown();
});

async function start(options: { rateLimit?: RateLimit; captureBytes?: number } = {}): Promise<BrowserHost> {
  engine = createEngine({ capture: createCaptureLog(options.captureBytes === undefined ? {} : { maxBytes: options.captureBytes }) });
  engine.setLabEndpoints(lab.endpoints);
  host = await startBrowserHost({ engine, outDir, miniapp: miniappDir, rateLimit: options.rateLimit });
  return host;
}

async function openPage(h: BrowserHost) {
  const page = await connect(await miniappBridgeUrl(h), 'null');
  if ('refused' in page) throw new Error(`refused ${page.refused}`);
  return { socket: page.socket, received: page.messages as EngineMessage[] };
}

/** A `my` round trip through the lab's echo on a fresh page: the proof that the host still serves. */
async function echoStillWorks(h: BrowserHost): Promise<void> {
  const page = await openPage(h);
  page.socket.send(JSON.stringify({ op: 'connect', callId: 1, target: null, options: { url: lab.url('echo') } }));
  await waitFor(() => page.received.find((m) => m.kind === 'event' && m.payload.event === 'open'), 'open');
  page.socket.send(JSON.stringify({ op: 'send', callId: 2, target: null, options: { data: 'still here' } }));
  await waitFor(() => page.received.find((m) => m.kind === 'event' && m.payload.event === 'message'), 'echo');
}

describe('a hostile local page', () => {
  it('is refused on every port when it names a DNS-rebound host or comes from a foreign origin', async () => {
    const h = await start();
    const ports = [new URL(h.panelUrl).port, new URL(h.miniappUrl).port, new URL(lab.url('echo')).port];
    for (const port of ports) {
      expect((await get(`http://127.0.0.1:${port}/`, { Host: `rebound.example:${port}` })).status, port).toBe(403);
    }
    const labUpgrade = await connect(lab.url('echo'), 'http://evil.example');
    expect(labUpgrade).toEqual({ refused: 403 });
    const labRebound = await get(`http://127.0.0.1:${ports[2]}/`, { Origin: 'http://evil.example' });
    expect(labRebound.status).toBe(403);
    const labPage = await get(`http://127.0.0.1:${ports[2]}/`);
    expect(labPage.status).toBe(200);
    expect(labPage.headers['x-content-type-options']).toBe('nosniff');
    expect(labPage.headers['referrer-policy']).toBe('no-referrer');

    // Cross-origin WebSockets to both bridges.
    expect(await connect(await panelBridgeUrl(h), 'http://evil.example')).toEqual({ refused: 403 });
    expect(await connect(await miniappBridgeUrl(h), 'http://evil.example')).toEqual({ refused: 403 });
    await echoStillWorks(h);
  });

  it('reads nothing of the mini-app folder: no dotfiles, no traversal or symlink out, no CORS grant to a fetch', async () => {
    const h = await start();
    const origin = new URL(h.miniappUrl).origin;
    for (const path of ['/.env', '/.git/config', '/%2eenv', '/.git/', '/x/../.env', '/%2E%67it/config']) {
      const answer = await get(origin + path);
      expect(answer.status, path).toBe(404);
      expect(answer.body, path).not.toMatch(/SECRET|\[core\]/);
    }
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/link.txt', '/%00', '/a%5c..%5csecret.txt']) {
      const answer = await get(origin + path);
      expect([400, 404], path).toContain(answer.status);
      expect(answer.body, path).not.toContain('outside the mini-app');
    }
    // Another page's sandboxed frame also says `Origin: null`: its fetch gets no grant to read app.js or app.json.
    for (const path of ['/app.js', '/app.json']) {
      const read = await get(origin + path, { Origin: 'null', 'Sec-Fetch-Dest': 'empty', 'Sec-Fetch-Mode': 'cors' });
      expect(read.headers['access-control-allow-origin'], path).toBeUndefined();
    }
    // An image load of the page (a canvas's drawImage) is granted, so the canvas it is drawn on stays readable.
    const image = await get(origin + '/app.json', { Origin: 'null', 'Sec-Fetch-Dest': 'image', 'Sec-Fetch-Mode': 'cors' });
    expect(image.headers['access-control-allow-origin']).toBe('null');
  });

  it('cannot attach a mini-app client outside the panel: a window.open of the mini-app (its own origin) and a reused ticket are refused', async () => {
    const h = await start();
    const miniappOrigin = new URL(h.miniappUrl).origin;
    expect(await connect(await miniappBridgeUrl(h), miniappOrigin)).toEqual({ refused: 403 });
    const ticketUrl = await miniappBridgeUrl(h);
    const first = await connect(ticketUrl, 'null');
    expect('socket' in first).toBe(true);
    expect(await connect(ticketUrl, 'null')).toEqual({ refused: 403 });
    expect(engine.state().clients).toHaveLength(1);
    // The HTML page is framed only by the panel.
    expect(String((await get(h.miniappUrl)).headers['content-security-policy'])).toMatch(/frame-ancestors http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('cannot starve the servers with half-sent requests (slowloris)', async () => {
    const h = await start();
    const port = Number(new URL(h.panelUrl).port);
    let slowClosed = 0;
    const slow = Array.from({ length: 50 }, () => {
      const socket = connectTcp(port, '127.0.0.1');
      socket.on('error', () => undefined);
      socket.on('close', () => (slowClosed += 1));
      socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
      return socket;
    });
    try {
      // Served while every half-sent request is still open (not after the server gave up on them): a property,
      // not a duration, so a loaded machine makes it slower, never red (docs/architecture.md#test-support).
      await Promise.all(slow.map((socket) => new Promise((resolve) => (socket.readyState === 'open' ? resolve(undefined) : socket.once('connect', resolve)))));
      expect((await get(h.panelUrl)).status).toBe(200);
      expect(slowClosed).toBe(0);
      await echoStillWorks(h);
    } finally {
      slow.forEach((socket) => socket.destroy());
    }
  });
});

describe('a hostile mini-app', () => {
  it('bursts 50,000 sends past the pace: every one succeeds, in order, and the burst is one notice', async () => {
    const h = await start({ rateLimit: { capacity: 1000, refillPerSecond: 5000 } });
    const page = await openPage(h);
    page.socket.send(JSON.stringify({ op: 'connect', callId: 1, target: null, options: { url: lab.url('echo') } }));
    await waitFor(() => page.received.find((m) => m.kind === 'event' && m.payload.event === 'open'), 'open');
    const total = 50_000;
    for (let from = 0; from < total; from += 500) {
      const messages = Array.from({ length: 500 }, (_, index) => ({ op: 'send', callId: 10 + from + index, target: null, options: { data: `m${from + index}` } }));
      page.socket.send(JSON.stringify({ op: 'batch', messages }));
    }
    const results = await waitFor(() => {
      const found = page.received.filter((m) => m.kind === 'result' && m.callId >= 10);
      return found.length === total ? found : undefined;
    }, 'every answer', 60_000);
    expect(results.filter((m) => m.kind === 'result' && !m.ok)).toEqual([]);
    expect(results.map((m) => (m.kind === 'result' ? m.callId : -1))).toEqual(Array.from({ length: total }, (_, index) => 10 + index));
    await waitFor(() => [...engine.capture.from(0)].find((entry) => entry.name === 'call-rate-limit-end'), 'the end of the burst');
    const notices = [...engine.capture.from(0)].filter((entry) => entry.name.startsWith('call-rate-limit'));
    expect(notices.map((entry) => entry.name)).toEqual(['call-rate-limit', 'call-rate-limit-end']);
    await echoStillWorks(h);
  }, 90_000);

  it('sends malformed frames: binary garbage, broken JSON, an unknown op; each is a warning, never a crash', async () => {
    const h = await start();
    const page = await openPage(h);
    page.socket.send(Buffer.from([0xff, 0xfe, 0x00, 0x01]));
    page.socket.send('{"op":');
    page.socket.send(JSON.stringify({ op: 'eval', callId: 5, code: 'process.exit()' }));
    page.socket.send(JSON.stringify({ op: 'batch', messages: 'not a list' }));
    await waitFor(() => ([...engine.capture.from(0)].filter((entry) => entry.name === 'invalid-message').length >= 3 ? true : undefined), 'warnings');
    await echoStillWorks(h);
  });
});

describe('a hostile server', () => {
  it('floods 64 MiB of 1 MiB messages: the capture stays within its byte bound and another page keeps working', async () => {
    const bound = 16 * 1024 * 1024;
    const h = await start({ captureBytes: bound });
    const page = await openPage(h);
    const flood = `${lab.url('flood').split('?')[0]}?count=64&size=${1024 * 1024}&rate=0`;
    page.socket.send(JSON.stringify({ op: 'connect', callId: 1, target: null, options: { url: flood } }));
    await waitFor(() => (page.received.filter((m) => m.kind === 'event' && m.payload.event === 'message').length >= 64 ? true : undefined), 'the flood', 60_000);
    expect(engine.capture.heldBytes()).toBeLessThanOrEqual(bound);
    // The oldest entries left the live log (the saved session keeps them), counted as dropped.
    expect(engine.capture.stats().dropped).toBeGreaterThan(0);
    await echoStillWorks(h);
  }, 90_000);
});
