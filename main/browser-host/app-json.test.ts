// The mini-app's app.json through the real browser host on 127.0.0.1 (docs/behaviour.md#a17-default-of-multiple-from-appjson, docs/behaviour.md#a22-which-connect-timeout-applies): what the host writes into
// the page for the shim, the timeout each page's connects get (and where it came from), the panel's view
// of it, and the warning for an unusable file. Pages are played by `ws` clients, as the shim talks.
import { createServer, type Server } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { CaptureEntry } from '../../shared/capture';
import { createEngine } from '../core/engine';
import type { Engine } from '../core/ports';
import { startLabServer, type LabServer } from '../lab/lab-server';
import { startBrowserHost, type BrowserHost } from './index';

let base: string;
let outDir: string;
let lab: LabServer;
let engine: Engine;
let host: BrowserHost | undefined;
const sockets: WebSocket[] = [];

/** A mini-app folder with an index.html and, when given, an app.json of this text. */
async function miniappFolder(name: string, appJson?: string): Promise<string> {
  const dir = join(base, name);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'index.html'), '<!doctype html><html><head></head><body>app</body></html>');
  if (appJson !== undefined) await writeFile(join(dir, 'app.json'), appJson);
  return dir;
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'msd-app-json-'));
  outDir = join(base, 'out');
  await mkdir(join(outDir, 'renderer'), { recursive: true });
  await mkdir(join(outDir, 'miniapp-demo'), { recursive: true });
  await writeFile(join(outDir, 'renderer', 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  await writeFile(join(outDir, 'web-miniapp.js'), '/* shim */');
  await writeFile(join(outDir, 'miniapp-demo', 'index.html'), '<html><head></head><body>demo</body></html>');
  lab = await startLabServer();
});

afterAll(async () => {
  await lab.close();
  await rm(base, { recursive: true, force: true });
});

afterEach(async () => {
  sockets.splice(0).forEach((socket) => socket.terminate());
  await host?.close();
  host = undefined;
  await engine.shutdown();
});

async function start(miniapp: string): Promise<BrowserHost> {
  engine = createEngine();
  host = await startBrowserHost({ engine, outDir, miniapp });
  return host;
}

async function pageHtml(h: BrowserHost): Promise<string> {
  return (await fetch(h.miniappUrl)).text();
}

/** Opens the page's bridge as the shim does and sends connectSocket calls; resolves once it is open. */
async function openPage(h: BrowserHost): Promise<WebSocket> {
  const match = /data-msd-bridge="([^"]+)"/.exec(await pageHtml(h));
  if (!match?.[1]) throw new Error('no bridge in the mini-app page');
  const socket = new WebSocket(match[1].replace(/&amp;/g, '&'), { origin: 'null' });
  sockets.push(socket);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  return socket;
}

function connectCall(socket: WebSocket, callId: number, options: Record<string, unknown>): void {
  socket.send(JSON.stringify({ op: 'connect', callId, target: null, options }));
}

async function until<T>(find: () => T | undefined, what: string): Promise<T> {
  for (let attempt = 0; attempt < 500; attempt += 1) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`never saw ${what}`);
}

function entries(): CaptureEntry[] {
  return [...engine.capture.from(0)];
}

/** The detail of the n-th `connecting` entry (1-based), once logged. */
function connecting(n: number): Promise<Record<string, unknown>> {
  return until(() => entries().filter((entry) => entry.name === 'connecting')[n - 1]?.detail as Record<string, unknown> | undefined, `connecting #${n}`);
}

describe('app.json in the browser host', () => {
  it('a folder with app.json: multiple by default in the page, its timeout for connects without one, shown to the panel', async () => {
    const h = await start(await miniappFolder('with', JSON.stringify({ pages: ['index'], behavior: { connectSocketDefaultMultiple: true }, networkTimeout: { connectSocket: 1500, request: 3000 } })));
    expect(await pageHtml(h)).toContain('data-msd-default-multiple="true"');
    const page = await openPage(h);
    const silent = lab.endpoints.find((endpoint) => endpoint.name === 'silent')?.url ?? '';
    connectCall(page, 1, { url: silent });
    expect(await connecting(1)).toMatchObject({ timeoutMs: 1500, timeoutFrom: 'app.json' });
    connectCall(page, 2, { url: silent, timeout: 700 });
    expect(await connecting(2)).toMatchObject({ timeoutMs: 700, timeoutFrom: 'call' });
    const client = engine.state().clients.find((info) => info.appJson !== undefined);
    expect(client?.appJson).toEqual({ connectSocketDefaultMultiple: true, connectTimeoutMs: 1500 });
    expect(entries().filter((entry) => entry.name === 'app-json-invalid')).toEqual([]);
  });

  it('no app.json (the demo): nothing in the page, the session setting applies, no warning, nothing for the panel', async () => {
    const h = await start(await miniappFolder('without'));
    expect(await pageHtml(h)).not.toContain('data-msd-default-multiple');
    connectCall(await openPage(h), 1, { url: lab.endpoints.find((endpoint) => endpoint.name === 'silent')?.url ?? '' });
    expect(await connecting(1)).toMatchObject({ timeoutMs: 30_000, timeoutFrom: 'settings' });
    expect(engine.state().clients.every((info) => info.appJson === undefined)).toBe(true);
    expect(entries().filter((entry) => entry.name === 'app-json-invalid')).toEqual([]);
  });

  it('a malformed app.json: defaults and exactly one app-json-invalid warning with the reason', async () => {
    const h = await start(await miniappFolder('malformed', '{ "behavior": { "connectSocketDefaultMultiple": true, } '));
    expect(await pageHtml(h)).not.toContain('data-msd-default-multiple');
    connectCall(await openPage(h), 1, { url: lab.endpoints.find((endpoint) => endpoint.name === 'silent')?.url ?? '' });
    expect(await connecting(1)).toMatchObject({ timeoutFrom: 'settings' });
    const warnings = entries().filter((entry) => entry.name === 'app-json-invalid');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.detail).toMatchObject({ warning: 'app-json-invalid', file: '/app.json' });
    expect(String(warnings[0]?.detail?.['reason'])).toMatch(/not valid JSON/);
  });

  it('a URL mini-app: app.json next to the entry page; a dev server\'s HTML fallback counts as none', async () => {
    let appJsonBody: string | null = JSON.stringify({ networkTimeout: { connectSocket: 2500 } });
    const server: Server = createServer((request, response) => {
      if (request.url === '/app/app.json' && appJsonBody !== null) {
        response.writeHead(200, { 'content-type': 'application/json' }).end(appJsonBody);
      } else {
        response.writeHead(200, { 'content-type': 'text/html' }).end('<html><head></head><body>spa</body></html>');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const entry = `http://127.0.0.1:${(server.address() as AddressInfo).port}/app/index.html?x=1`;
    try {
      await start(entry);
      connectCall(await openPage(host!), 1, { url: lab.endpoints.find((endpoint) => endpoint.name === 'silent')?.url ?? '' });
      expect(await connecting(1)).toMatchObject({ timeoutMs: 2500, timeoutFrom: 'app.json' });
      await host?.close();
      await engine.shutdown();
      appJsonBody = null;
      await start(entry);
      expect(await pageHtml(host!)).not.toContain('data-msd-default-multiple');
      expect(entries().filter((item) => item.kind === 'warning')).toEqual([]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
