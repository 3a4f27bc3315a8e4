// One malformed request must never take the product down (docs/architecture.md "Threat model"): every
// port of a real browser host, lab and replay server on 127.0.0.1 gets the requests that used to throw
// out of their handlers, answers 4xx, and keeps serving.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createEngine } from '../core/engine';
import type { Engine } from '../core/ports';
import { rawRequestStatus } from '../core/test-support/raw-request';
import { startLabServer, type LabServer } from '../lab/lab-server';
import { createReplayServer } from '../replay/replay-server';
import { startBrowserHost, type BrowserHost } from './index';
import { writeFakeOutDir } from '../host-common/test-support/fake-out-dir';

const MALFORMED_TARGETS = ['//[', '//[::1', 'http://[/x', '*'];

let base: string;
let engine: Engine;
let lab: LabServer;
let host: BrowserHost;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'msd-malformed-'));
  const { outDir } = await writeFakeOutDir(base);
  lab = await startLabServer();
  engine = createEngine();
  engine.setLabEndpoints(lab.endpoints);
  host = await startBrowserHost({ engine, outDir });
});

afterAll(async () => {
  await host?.close();
  await engine?.shutdown();
  await lab?.close();
  await rm(base, { recursive: true, force: true });
});

const portOf = (url: string): number => Number(new URL(url).port);

function echoes(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('open', () => ws.send('still here'));
    ws.on('message', (data) => {
      ws.close();
      resolve(String(data));
    });
    ws.on('error', reject);
  });
}

describe('malformed request targets', () => {
  it.each(MALFORMED_TARGETS)('the panel and mini-app ports answer %j with 400, as HTTP and as an upgrade', async (target) => {
    for (const port of [portOf(host.panelUrl), portOf(host.miniappUrl)]) {
      expect(await rawRequestStatus(port, target, { upgrade: true })).toBe(400);
    }
    expect(await rawRequestStatus(portOf(host.panelUrl), target)).toBe(400);
    const panel = await fetch(host.panelUrl);
    expect(panel.status).toBe(200);
  });

  it('logs a request-rejected warning, at most one per second with the others counted in the next', async () => {
    const port = portOf(host.panelUrl);
    const rejected = () => [...engine.capture.from(0)].filter((entry) => entry.name === 'request-rejected');
    for (let i = 0; i < 5; i += 1) await rawRequestStatus(port, '//[', { upgrade: true });
    const before = rejected().length;
    expect(before).toBeGreaterThanOrEqual(1);
    expect(before).toBeLessThanOrEqual(2);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await rawRequestStatus(port, '//[', { upgrade: true });
    const after = rejected();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)?.detail).toMatchObject({ warning: 'request-rejected', server: 'panel server', target: '//[' });
    expect(Number(after.at(-1)?.detail?.notLoggedBefore)).toBeGreaterThan(0);
  });

  it.each(MALFORMED_TARGETS)('the lab answers %j with 400 and still echoes', async (target) => {
    const echo = lab.endpoints.find((endpoint) => endpoint.name === 'echo');
    if (!echo) throw new Error(`no echo endpoint among ${lab.endpoints.map((endpoint) => endpoint.name).join(', ')}`);
    expect(await rawRequestStatus(portOf(echo.url), target, { upgrade: true })).toBe(400);
    expect(await echoes(echo.url)).toBe('still here');
  });

  it('the replay server answers a malformed escape (/replay/%ZZ) with 404 and keeps serving', async () => {
    const replays = createReplayServer();
    try {
      const endpoint = await replays.start({ label: 'one message', url: 'ws://127.0.0.1/x', protocol: '', steps: [{ direction: 'in', kind: 'text', data: 'hi', atMs: 0 }], end: { kind: 'open' } }, { speed: 0, matchSent: false });
      const port = portOf(endpoint.url);
      expect(await rawRequestStatus(port, '/replay/%ZZ', { upgrade: true })).toBe(404);
      expect(await rawRequestStatus(port, '//[', { upgrade: true })).toBe(404);
      const received = await new Promise<string>((resolve, reject) => {
        const ws = new WebSocket(endpoint.url);
        ws.on('message', (data) => resolve(String(data)));
        ws.on('error', reject);
      });
      expect(received).toBe('hi');
    } finally {
      await replays.close();
    }
  });
});
