// The whole journey of issue 12 in one flow, on a copy of e2e/fixtures/miniprogram-journey in a temp folder,
// against a login server and a token-checking socket server the test starts on 127.0.0.1: the app logs in with
// my.request, keeps the token with setStorage and opens its socket with it; the panel sends it to the
// background and back (App and page onHide/onShow in the documented order, the socket stays open); an edit
// on disk hot-reloads it (its socket closes with 1001, logged; it logs in again with the stored token) and
// the capture keeps what came before (docs/miniprogram-runtime.md "Hot reload").
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { WebSocketServer, type WebSocket } from 'ws';
import { expect, test } from './harness/fixtures';

const PROJECT = join(mkdtempSync(join(tmpdir(), 'msd-e2e-journey-')), 'journey');
cpSync(fileURLToPath(new URL('./fixtures/miniprogram-journey', import.meta.url)), PROJECT, { recursive: true });
test.use({ miniappFolder: PROJECT });

const INDEX_JS = join(PROJECT, 'pages', 'index', 'index.js');
const phone = (panel: Page) => panel.frameLocator('iframe[title="mini-app"]');
const lifeButton = (panel: Page, name: 'Send to background' | 'Bring to foreground') => panel.getByRole('button', { name, exact: true });

interface Login {
  user: unknown;
  previous: unknown;
  token: string;
}

/** The app's backend: `POST /login` issues a token; `/socket` accepts only an issued token (401 otherwise). */
interface Backend {
  logins: Login[];
  sockets: WebSocket[];
  closeCodes: number[];
  url(scheme: 'http' | 'ws', path: string): string;
  stop(): Promise<void>;
}

async function startBackend(): Promise<Backend> {
  const logins: Login[] = [];
  const sockets: WebSocket[] = [];
  const closeCodes: number[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      if (request.method !== 'POST' || request.url !== '/login') return void response.writeHead(404).end();
      const credentials = JSON.parse(body) as { user?: unknown; previous?: unknown };
      const token = randomBytes(12).toString('hex');
      logins.push({ user: credentials.user, previous: credentials.previous, token });
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token }));
    });
  });
  const sockets_ = new WebSocketServer({
    server,
    path: '/socket',
    verifyClient: (info: { req: { url?: string } }) => {
      const token = new URL(info.req.url ?? '/', 'http://127.0.0.1').searchParams.get('token');
      return logins.some((login) => login.token === token);
    },
  });
  sockets_.on('connection', (socket) => {
    sockets.push(socket);
    socket.on('close', (code) => closeCodes.push(code));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    logins,
    sockets,
    closeCodes,
    url: (scheme, path) => `${scheme}://127.0.0.1:${port}${path}`,
    stop: async () => {
      sockets_.clients.forEach((client) => client.terminate());
      await new Promise<void>((resolve) => sockets_.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let backend: Backend;
test.beforeAll(async () => {
  backend = await startBackend();
  const servers = join(PROJECT, 'utils', 'servers.js');
  writeFileSync(
    servers,
    readFileSync(servers, 'utf8').replace('{ login: null, socket: null }', JSON.stringify({ login: backend.url('http', '/login'), socket: backend.url('ws', '/socket') })),
  );
});
test.afterAll(async () => backend.stop());

test('logs in, keeps the token, opens the socket; background and back keep it open; a hot reload logs in again with the stored token', async ({ driver }) => {
  const frame = phone(driver.panel);
  await expect(frame.locator('#status')).toHaveText('open');
  await expect(frame.locator('#previous')).toHaveText('none');
  expect(backend.logins).toHaveLength(1);
  const first = backend.logins[0]!;
  expect(first).toMatchObject({ user: 'ada', previous: null });
  await expect(frame.locator('#token')).toHaveText(first.token);
  expect(backend.sockets).toHaveLength(1);
  await expect(frame.locator('#log')).toHaveText('App.onShow | index.onShow');
  await driver.screenshot('journey-logged-in');

  await lifeButton(driver.panel, 'Send to background').click();
  await expect(frame.locator('#log')).toHaveText('App.onShow | index.onShow | index.onHide | App.onHide');
  await expect(driver.panel.getByRole('status').filter({ hasText: 'In the background' })).toContainText('sockets stay open');
  await driver.screenshot('journey-background');
  await lifeButton(driver.panel, 'Bring to foreground').click();
  await expect(frame.locator('#log')).toHaveText('App.onShow | index.onShow | index.onHide | App.onHide | App.onShow | index.onShow');
  await expect(frame.locator('#status')).toHaveText('open');
  expect(backend.sockets[0]?.readyState).toBe(1);
  expect(backend.closeCodes).toEqual([]);

  writeFileSync(INDEX_JS, readFileSync(INDEX_JS, 'utf8').replace("version: 'v1'", "version: 'v2'"));
  await expect(frame.locator('#version')).toHaveText('v2');
  await expect(frame.locator('#status')).toHaveText('open');
  await expect(frame.locator('#previous')).toHaveText(first.token);
  expect(backend.logins).toHaveLength(2);
  const second = backend.logins[1]!;
  expect(second.previous).toBe(first.token);
  await expect(frame.locator('#token')).toHaveText(second.token);
  await expect.poll(() => backend.closeCodes).toEqual([1001]);
  expect(backend.sockets).toHaveLength(2);
  await expect(driver.panel.getByRole('status', { name: 'Last reload' })).toHaveText('Reloaded after an edit of pages/index/index.js');
  await driver.screenshot('journey-after-hot-reload');

  const capture = await driver.capture();
  expect(capture[0]?.seq).toBe(0);
  const logins = capture.filter((entry) => entry.kind === 'http');
  expect(logins.map((entry) => entry.detail?.['status'])).toEqual([200, 200]);
  expect(capture.filter((entry) => entry.name.startsWith('app-')).map((entry) => entry.name)).toEqual(['app-background', 'app-foreground']);
  const order = capture.map((entry) => entry.name);
  const closed = capture.filter((entry) => entry.kind === 'lifecycle' && entry.name === 'closed');
  expect(closed).toHaveLength(1);
  expect(closed[0]?.detail).toMatchObject({ codeSent: 1001 });
  // Background and foreground came before the reload's close, which came before the second login's socket opened.
  expect(order.indexOf('app-foreground')).toBeLessThan(order.indexOf('hot-reload'));
  expect(order.indexOf('hot-reload')).toBeLessThan(order.lastIndexOf('open'));
  await expect(driver.panel.locator('.log-row', { hasText: '1001' }).first()).toBeVisible();
});

test('my.startPullDownRefresh and a manual pull show the indicator until stopPullDownRefresh; this.createSelectorQuery().fields() measures the page', async ({ driver }) => {
  const frame = phone(driver.panel);
  await expect(frame.locator('#status')).toHaveText('open');
  await frame.locator('#refresh').click();
  await expect(frame.getByRole('status').filter({ hasText: 'Refreshing' })).toBeVisible();
  await expect(frame.locator('#log')).toHaveText('App.onShow | index.onShow | index.onPullDownRefresh code');
  await driver.screenshot('journey-refreshing');
  await frame.locator('#stop-refresh').click();
  await expect(frame.getByRole('status').filter({ hasText: 'Refreshing' })).toHaveCount(0);

  // A manual pull holds the same indicator after the pointer is let go, until the app calls stopPullDownRefresh.
  const { mouse } = driver.panel;
  const top = await frame.locator('#status').boundingBox();
  if (top === null) throw new Error('the page is not laid out');
  await mouse.move(top.x + 10, top.y + 2);
  await mouse.down();
  await mouse.move(top.x + 10, top.y + 200, { steps: 8 });
  await expect(frame.getByRole('status').filter({ hasText: 'Release to refresh' })).toBeVisible();
  await mouse.up();
  await expect(frame.locator('#log')).toHaveText('App.onShow | index.onShow | index.onPullDownRefresh code | index.onPullDownRefresh manual');
  const refreshing = frame.getByRole('status').filter({ hasText: 'Refreshing' });
  await expect(refreshing).toBeVisible();
  // The revealed area shows the page's backgroundImageUrl on its backgroundImageColor; the image is served.
  await expect(refreshing).toHaveCSS('background-color', 'rgb(30, 58, 138)');
  await expect(refreshing).toHaveCSS('background-image', /\/__mp\/asset\/images\/pull-bg\.png/);
  const appUrl = await frame.locator('body').evaluate(() => location.href);
  const served = await driver.panel.context().request.get(new URL('/__mp/asset/images/pull-bg.png', appUrl).href);
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toBe('image/png');
  await driver.screenshot('journey-pulled-refreshing');
  await frame.locator('#stop-refresh').click();
  await expect(frame.getByRole('status').filter({ hasText: 'Refreshing' })).toHaveCount(0);

  await frame.locator('#measure').click();
  await expect(frame.locator('#measured')).toHaveText(/^\{/);
  const measured = JSON.parse((await frame.locator('#measured').textContent()) ?? '') as Record<string, unknown>;
  expect(measured).toMatchObject({ id: 'version', display: 'block' });
  expect(measured['width']).toBeGreaterThan(0);
  expect(measured['height']).toBeGreaterThan(0);
});
