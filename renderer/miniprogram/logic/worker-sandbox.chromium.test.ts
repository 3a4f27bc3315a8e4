// The logic Worker in real Chromium, as the browser host runs it: a sandboxed (opaque-origin) iframe under
// the mini-app CSP starts it from a blob: URL; project code then finds no network, DOM or script-loading
// global, not even through the prototype chain, and eval is refused; its `my` calls leave through the shim's
// logic link to the bridge, stamped with the page. Skipped where /usr/bin/chromium is absent.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { miniappPolicy } from '../../../main/browser-host/content-security';
import { MINIAPP_BRIDGE_ATTRIBUTE, MINIAPP_LOGIC_LINK_ATTRIBUTE } from '../../../shared/host-config';
import { unpackClientLinkMessage } from '../../../shared/my-wire';
import { serveLogic } from '../../../main/miniprogram/serve-logic';

const CHROMIUM = '/usr/bin/chromium';
const here = fileURLToPath(new URL('.', import.meta.url));
const projectDir = join(here, 'test-support', 'sandbox-project');

let outDir = '';
let browser: Browser | undefined;
const servers: Server[] = [];

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe.skipIf(!existsSync(CHROMIUM))('logic worker sandbox (Chromium)', () => {
  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'mp-logic-sandbox-'));
    const common = { bundle: true, platform: 'browser', format: 'iife', target: 'chrome120', logLevel: 'silent', banner: { js: 'globalThis.__zod_globalConfig = { jitless: true };' } } as const;
    await build({ ...common, entryPoints: [join(here, 'worker-entry.ts')], outfile: join(outDir, 'logic-worker.js') });
    await build({ ...common, entryPoints: [join(here, 'test-support', 'sandbox-page-entry.ts')], outfile: join(outDir, 'page.js') });
    await build({ ...common, entryPoints: [join(here, '..', '..', '..', 'preload', 'web-miniapp.ts')], outfile: join(outDir, 'shim.js') });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    for (const server of servers) server.close();
    await rm(outDir, { recursive: true, force: true });
  });

  it('runs project logic with no way out but my, and reports errors with file and line', async () => {
    // The bridge: a plain WebSocket server recording what the logic's link (the shim's second link) sends.
    const bridgeFrames: unknown[] = [];
    const bridgeHttp = createServer();
    const bridge = new WebSocketServer({ server: bridgeHttp });
    bridge.on('connection', (socket) => socket.on('message', (data) => bridgeFrames.push(JSON.parse(String(data)))));
    const bridgeUrl = `${(await listen(bridgeHttp)).replace('http:', 'ws:')}/bridge?token=t`;
    let panelOrigin = '';
    const miniappBase = await listen(
      createServer((request, response) => {
        const csp = miniappPolicy({ miniappBridge: bridgeUrl, panelOrigin });
        const url = request.url ?? '/';
        const files: Record<string, string> = { '/shim.js': 'shim.js', '/page.js': 'page.js' };
        if (url === '/page.html') {
          response.writeHead(200, { 'Content-Type': 'text/html', 'Content-Security-Policy': csp });
          response.end(`<!doctype html><script src="/shim.js" ${MINIAPP_BRIDGE_ATTRIBUTE}="${bridgeUrl}" ${MINIAPP_LOGIC_LINK_ATTRIBUTE}="${bridgeUrl}"></script><script src="/page.js"></script>`);
          return;
        }
        const file = files[url];
        if (file) {
          response.writeHead(200, { 'Content-Type': 'text/javascript', 'Content-Security-Policy': csp });
          response.end(readFileSync(join(outDir, file), 'utf8'));
          return;
        }
        void serveLogic(projectDir, join(outDir, 'logic-worker.js'), url).then((answer) => {
          response.writeHead(answer?.status ?? 404, { 'Content-Type': answer?.contentType ?? 'text/plain', 'Content-Security-Policy': csp });
          response.end(answer?.body ?? 'not found');
        });
      }),
    );
    panelOrigin = await listen(
      createServer((_request, response) => {
        response.writeHead(200, { 'Content-Type': 'text/html' });
        response.end(
          `<script>window.reports = []; addEventListener('message', (event) => window.reports.push(event.data));</script>` +
            `<iframe sandbox="allow-scripts" src="${miniappBase}/page.html"></iframe>`,
        );
      }),
    );
    const page = await (browser as Browser).newPage();
    await page.goto(`${panelOrigin}/`);
    type Report = { view?: { t: string; [key: string]: unknown }; fault?: string };
    const reports = async (): Promise<Report[]> => page.evaluate(() => (window as unknown as { reports: Report[] }).reports);
    await expect.poll(async () => (await reports()).filter((report) => report.view?.t === 'problem').length, { timeout: 15_000 }).toBe(3);
    const all = await reports();
    expect(all.filter((report) => report.fault)).toEqual([]);

    const init = all.find((report) => report.view?.t === 'init')?.view as unknown as { data: { probe: { reachable: Record<string, string>; bareFetch: string; evaluated: string; lab: string } } };
    expect(Object.entries(init.data.probe.reachable).filter(([, how]) => how !== 'absent')).toEqual([]);
    expect(init.data.probe.bareFetch).toBe('ReferenceError');
    expect(init.data.probe.evaluated).toBe('EvalError');
    expect(init.data.probe.lab).toBe('ws://127.0.0.1:1/echo');

    await expect.poll(() => bridgeFrames.flatMap((frame) => unpackClientLinkMessage(frame)).some((message) => (message as { op?: string }).op === 'connect'), { timeout: 10_000 }).toBe(true);
    const connect = bridgeFrames.flatMap((frame) => unpackClientLinkMessage(frame)).find((message) => (message as { op?: string }).op === 'connect');
    expect(connect).toMatchObject({ op: 'connect', page: 'pages/index/index', options: { url: 'ws://127.0.0.1:1/echo' } });
    bridge.close();

    const problems = all.filter((report) => report.view?.t === 'problem').map((report) => (report.view as unknown as { problem: Record<string, unknown> }).problem);
    // All reach the Problems list; which comes first is the browser's business (timer vs rejection tracking).
    expect(problems).toHaveLength(3);
    expect(problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'runtime', message: 'Error: rejected later', file: 'pages/index/index.js', line: 8 }),
      expect.objectContaining({ kind: 'runtime', message: 'Error: thrown later', file: 'pages/index/index.js', line: 11 }),
      // A file with import/export runs transformed; its source map brings the frames back to the file's lines.
      expect.objectContaining({ kind: 'runtime', message: 'Error: thrown in an ES module', file: 'utils/esm-errors.js', line: 8, column: 17 }),
    ]));
    const fromModule = problems.find((problem) => problem.file === 'utils/esm-errors.js');
    expect(fromModule?.stack).toMatch(/\/__mp\/logic\/utils\/esm-errors\.js:8:17\b/);
    expect(fromModule?.stack).toMatch(/\/__mp\/logic\/pages\/index\/index\.js:13:\d+/);
    await page.close();
  }, 60_000);
});
