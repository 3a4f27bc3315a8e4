// For the mini-program view's *.chromium.test.ts files: serves a fixture project's view bundle and a test page
// (the given entry, bundled: renderer/miniprogram/view/test-support/chromium-page-entry.ts) on 127.0.0.1 under
// the mini-app CSP, opened in Debian's Chromium; the test acts as the logic (send LogicToView, read what the
// view sent).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { LogicToView, ViewToLogic } from '../../../shared/miniprogram/view-logic-protocol';
import { MiniProgramProject } from '../../miniprogram/project';
import { serveBundle } from '../../miniprogram/serve-bundle';
import { miniappPolicy } from '../content-security';

export const CHROMIUM = '/usr/bin/chromium';

export interface ChromiumView {
  /** The origin serving `/page.html` and the bundle. */
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startChromiumView(fixture: string, pageEntry: string): Promise<ChromiumView> {
  const bundle = await build({ entryPoints: [pageEntry], bundle: true, write: false, format: 'iife', target: 'chrome120', logLevel: 'silent' });
  const pageScript = bundle.outputFiles[0]?.text ?? '';
  const project = new MiniProgramProject(fixture);
  let base = '';
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    const headers = { 'Content-Security-Policy': miniappPolicy({ miniappBridge: 'ws://127.0.0.1:9/bridge', panelOrigin: base }) };
    if (url === '/page.html') {
      response.writeHead(200, { ...headers, 'Content-Type': 'text/html' }).end('<!doctype html><html><body><script src="/page.js"></script></body></html>');
    } else if (url === '/page.js') {
      response.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' }).end(pageScript);
    } else {
      const answer = serveBundle(project, url);
      response.writeHead(answer.status, { ...headers, 'Content-Type': answer.contentType }).end(answer.body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
  return {
    base,
    browser,
    async close() {
      await browser.close();
      server.close();
    },
  };
}

// A string expression keeps Playwright's serialisable-argument types out of the LogicToView union.
export const sendToView = (page: Page, message: LogicToView): Promise<unknown> => page.evaluate(`globalThis.__mpTest.receive(${JSON.stringify(message)})`);
export const sentByView = (page: Page): Promise<ViewToLogic[]> => page.evaluate(() => (globalThis as { __mpTest?: { sent: ViewToLogic[] } }).__mpTest?.sent ?? []);
