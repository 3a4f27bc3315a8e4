// The view in real Chromium under the mini-app CSP: the fixture project served by serveBundle, loaded by
// startMiniProgramView (manifest script, modules, style sheets), ACSS applied with rpx relative to the phone's
// width (narrower than the window), an input keeping its node and focus while typing drives setData, and a page
// with pullRefresh where a click still reaches its row and a mouse drag from the top sends onPullDownRefresh.
// Skipped where /usr/bin/chromium is absent.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, sendToView as send, sentByView as sent, startChromiumView, type ChromiumView } from '../../../main/browser-host/test-support/chromium-view';

const here = fileURLToPath(new URL('.', import.meta.url));
const FIXTURE = join(here, '../../../e2e/fixtures/miniprogram-project');

let view: ChromiumView | undefined;

interface TestWindow {
  __mpTest?: unknown;
}

async function openView(): Promise<Page> {
  if (view === undefined) throw new Error('no browser');
  const page = await view.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${view.base}/page.html`);
  await page.waitForFunction(() => (globalThis as TestWindow).__mpTest !== undefined);
  return page;
}

describe.skipIf(!existsSync(CHROMIUM))('mini-program view in Chromium', () => {
  beforeAll(async () => {
    view = await startChromiumView(FIXTURE, join(here, 'test-support', 'chromium-page-entry.ts'));
  }, 60_000);

  afterAll(async () => {
    await view?.close();
  });

  it('renders the home page with app.acss, component and page sheets, rpx relative to the 320px phone', async () => {
    const page = await openView();
    await send(page, { t: 'init', instanceId: 1, data: { name: 'alipay', price: 3, count: 0, lifecycle: [], echoes: [] } });
    await send(page, { t: 'stack', pages: [{ pageId: 1, route: 'pages/index/index', query: {} }] });
    await page.waitForSelector('#counter-count');
    await page.evaluate(() => new Promise(requestAnimationFrame));
    expect(await page.textContent('#greeting')).toBe('Hello ALIPAY');
    const styles = await page.evaluate(() => {
      const style = (selector: string) => getComputedStyle(document.querySelector(selector) as Element);
      return { page: style('.a-page').backgroundColor, card: style('.counter-card').paddingLeft, margin: style('.counter-card').marginTop, home: style('.home').paddingTop };
    });
    // 24rpx / 16rpx / 32rpx of the 320px-wide phone (the window is 1280px wide: vw would be 4× larger).
    expect(styles.page).toBe('rgb(245, 245, 245)');
    expect(parseFloat(styles.card)).toBeCloseTo((24 * 320) / 750, 1);
    expect(parseFloat(styles.margin)).toBeCloseTo((16 * 320) / 750, 1);
    expect(parseFloat(styles.home)).toBeCloseTo((32 * 320) / 750, 1);
    expect(await page.textContent('.mp-title')).toBe('Home');
    expect((await sent(page)).some((message) => message.t === 'page-ready')).toBe(true);
    await page.close();
  });

  it('keeps the input node and focus while typing drives setData', async () => {
    const page = await openView();
    await send(page, { t: 'init', instanceId: 1, data: { name: '', agree: false, fruits: ['apple', 'pear'], result: '' } });
    await send(page, { t: 'stack', pages: [{ pageId: 1, route: 'pages/form/form', query: {} }] });
    await page.waitForSelector('#name');
    await page.evaluate(() => ((globalThis as Record<string, unknown>).__input = document.querySelector('#name')));
    await page.focus('#name');
    for (const text of ['h', 'hi']) {
      await page.keyboard.type(text.slice(-1));
      await send(page, { t: 'set-data', instanceId: 1, ops: [{ op: 'set', path: ['name'], value: text }] });
    }
    await page.evaluate(() => new Promise(requestAnimationFrame));
    const state = await page.evaluate(() => ({
      same: (globalThis as Record<string, unknown>).__input === document.querySelector('#name'),
      focused: document.activeElement === document.querySelector('#name'),
      value: (document.querySelector('#name') as HTMLInputElement).value,
    }));
    expect(state).toEqual({ same: true, focused: true, value: 'hi' });
    const inputs = (await sent(page)).filter((message) => message.t === 'event' && message.handler === 'typeName');
    expect(inputs.map((message) => (message.t === 'event' ? message.event.detail : null))).toEqual([{ value: 'h', cursor: 1 }, { value: 'hi', cursor: 2 }]);
    await page.click('#submit');
    const submit = (await sent(page)).find((message) => message.t === 'event' && message.handler === 'submit');
    expect(submit?.t === 'event' ? submit.event.detail : null).toMatchObject({ value: { name: 'hi', agree: false, fruits: [], size: 'm' } });
    await page.close();
  });

  it('pullRefresh page: a click still taps the row under it; a mouse drag down from the top sends onPullDownRefresh', async () => {
    const page = await openView();
    await send(page, { t: 'init', instanceId: 1, data: { items: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }], selected: '' } });
    await send(page, { t: 'stack', pages: [{ pageId: 1, route: 'pages/list/list', query: {} }] });
    await page.waitForSelector('#row-b');
    await page.click('#row-b');
    const taps = (await sent(page)).filter((message) => message.t === 'event' && message.handler === 'select');
    expect(taps.map((message) => (message.t === 'event' ? message.event.currentTarget.dataset : null))).toEqual([{ id: 'b' }]);

    const row = await page.locator('#row-a').boundingBox();
    if (row === null) throw new Error('no row');
    await page.mouse.move(row.x + 20, row.y + 5);
    await page.mouse.down();
    await page.mouse.move(row.x + 20, row.y + 200, { steps: 8 });
    expect(await page.textContent('.mp-pull-indicator')).toBe('↻ Release to refresh');
    await page.mouse.up();
    const after = await sent(page);
    expect(after.filter((message) => message.t === 'page-event' && message.name === 'onPullDownRefresh')).toEqual([{ t: 'page-event', pageId: 1, name: 'onPullDownRefresh', arg: { from: 'manual' } }]);
    // The release after a pull is not a tap on the row it started on.
    expect(after.filter((message) => message.t === 'event' && message.handler === 'select')).toHaveLength(1);
    await page.close();
  });

  it('an SJS function that throws while rendering is reported at its own file and line (the module is a script from the bundle URL)', async () => {
    const page = await openView();
    // utils/format.sjs line 4: `join: (list) => list.join(', ')`, given a number.
    await send(page, { t: 'init', instanceId: 1, data: { name: 'alipay', price: 3, count: 0, lifecycle: 5, echoes: [] } });
    await send(page, { t: 'stack', pages: [{ pageId: 1, route: 'pages/index/index', query: {} }] });
    await page.waitForSelector('.a-page .mp-problem');
    const problems = (await sent(page)).flatMap((message) => (message.t === 'view-problem' ? [message.problem] : []));
    expect(problems).toMatchObject([{ kind: 'runtime', file: 'utils/format.sjs', line: 4 }]);
    expect(await page.textContent('.a-page .mp-problem')).toMatch(/^utils\/format\.sjs:4 render failed: /);
    await page.close();
  });
});
