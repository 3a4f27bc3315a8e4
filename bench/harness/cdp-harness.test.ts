// The minimal CDP client and launcher (e2e/harness/cdp-*.ts) against the real Chromium: pages, evaluation,
// thrown exceptions, and a sandboxed cross-origin iframe found by URL (Chromium runs it out of process).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage } from '../../e2e/harness/cdp-client';
import { launchChromium, type LaunchedChromium } from '../../e2e/harness/cdp-chromium';

function serve(html: (port: number) => string): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer((request, response) => {
      const port = (server.address() as AddressInfo).port;
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(html(port));
    });
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port }));
  });
}

let chromium: LaunchedChromium;
let outer: { server: Server; port: number };
let inner: { server: Server; port: number };

beforeAll(async () => {
  chromium = await launchChromium();
  inner = await serve(() => '<!doctype html><title>inner</title><script>window.answer = 42;</script>');
  outer = await serve(() => `<!doctype html><title>outer</title><iframe sandbox="allow-scripts" src="http://127.0.0.1:${inner.port}/frame"></iframe>`);
});

afterAll(async () => {
  await chromium?.close();
  outer?.server.close();
  inner?.server.close();
});

describe('CDP harness', () => {
  it('reports the browser version and evaluates in a page, awaiting promises', async () => {
    expect(chromium.product).toMatch(/Chrome\/\d+/);
    const page = await openPage(chromium.cdp);
    await page.navigate(`http://127.0.0.1:${outer.port}/`);
    expect(await page.evaluate<string>('document.title')).toBe('outer');
    expect(await page.evaluate<number>('new Promise((resolve) => setTimeout(() => resolve(7), 10))')).toBe(7);
    await expect(page.evaluate('(() => { throw new Error("boom"); })()')).rejects.toThrow(/boom/);
    await page.close();
  });

  it('finds the main world of a sandboxed cross-origin iframe by its URL', async () => {
    const page = await openPage(chromium.cdp);
    await page.navigate(`http://127.0.0.1:${outer.port}/`);
    const frame = await page.frameContext(`http://127.0.0.1:${inner.port}/`);
    expect(await page.evaluate<number>('window.answer', frame)).toBe(42);
    expect(await page.evaluate<string>('document.title', frame)).toBe('inner');
    await expect(page.frameContext('http://127.0.0.1:1/', 500)).rejects.toThrow(/no frame/);
    await page.close();
  });
});
