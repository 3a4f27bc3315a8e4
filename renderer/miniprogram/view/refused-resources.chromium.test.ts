// In real Chromium under the mini-app CSP: a page sheet's remote @font-face and background images are refused
// (securitypolicyviolation fires for CSS-initiated loads, with the full blocked URL) and the view reports one
// problem per kind and origin naming the ACSS file; the CDN `<image>` is left to its own problem
// (docs/miniprogram-runtime.md#remote-resources). Skipped where /usr/bin/chromium is absent.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuntimeProblem } from '../../../shared/miniprogram/view-logic-protocol';
import { CHROMIUM, sendToView as send, sentByView as sent, startChromiumView, type ChromiumView } from '../../../main/browser-host/test-support/chromium-view';

const here = fileURLToPath(new URL('.', import.meta.url));
const FIXTURE = join(here, '../../../e2e/fixtures/miniprogram-public-shapes');

let view: ChromiumView | undefined;

describe.skipIf(!existsSync(CHROMIUM))('remote resources refused by the preview policy', () => {
  beforeAll(async () => {
    view = await startChromiumView(FIXTURE, join(here, 'test-support', 'chromium-page-entry.ts'));
  }, 60_000);

  afterAll(async () => {
    await view?.close();
  });

  it('reports the ACSS font and background images once per kind and origin, with the file', async () => {
    if (view === undefined) throw new Error('no browser');
    const page = await view.browser.newPage();
    const remote: Request[] = [];
    page.on('request', (request) => (request.url().startsWith(view?.base ?? '') ? undefined : remote.push(request)));
    await page.goto(`${view.base}/page.html`);
    await page.waitForFunction(() => (globalThis as { __mpTest?: unknown }).__mpTest !== undefined);
    await send(page, { t: 'init', instanceId: 1, data: { items: [] } });
    await send(page, { t: 'stack', pages: [{ pageId: 1, route: 'pages/home/home', query: {} }] });
    await page.waitForSelector('#home-icon');
    const refused = async () =>
      (await sent(page)).flatMap((message) => (message.t === 'view-problem' && message.problem.refused !== undefined ? [message.problem] : [])).sort((a, b) => a.message.localeCompare(b.message));
    await expect.poll(async () => (await refused()).length).toBe(2);
    const hint = "the preview loads only the project's files, data: and blob: URLs";
    expect(await refused()).toEqual<RuntimeProblem[]>([
      { kind: 'acss', file: 'pages/home/home.acss', message: `ACSS loads a font from https://at.shop.invalid: ${hint}; put the font in the project or inline it as data:`, refused: { resource: 'font', origin: 'https://at.shop.invalid' } },
      { kind: 'acss', file: 'pages/home/home.acss', message: `ACSS loads an image from https://img.shop.invalid: ${hint}; put the image in the project or inline it as data:`, refused: { resource: 'image', origin: 'https://img.shop.invalid' } },
    ]);
    // The policy stays as it is: every remote load was blocked by it before it left the browser.
    expect(remote.map((request) => [request.url(), request.failure()?.errorText]).sort()).toEqual(
      ['https://at.shop.invalid/t/font_1.woff2', 'https://img.shop.invalid/banner.png', 'https://img.shop.invalid/hero-small.png', 'https://img.shop.invalid/hero.png'].map((url) => [url, 'csp']),
    );
    await page.close();
  });
});
