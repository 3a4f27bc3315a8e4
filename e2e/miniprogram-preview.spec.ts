// An unmodified mini-program project (e2e/fixtures/miniprogram-project) runs in the preview as in the
// Alipay IDE's simulator (docs/miniprogram-runtime.md): rendering, events, navigation, lifecycle order,
// a socket from page code with its page route in the capture, and a run-time error in the phone and in
// the panel's Problems list.
import { fileURLToPath } from 'node:url';
import type { Frame } from '@playwright/test';
import { expect, test } from './harness/fixtures';

const PROJECT = fileURLToPath(new URL('./fixtures/miniprogram-project', import.meta.url));
test.use({ miniappFolder: PROJECT });

/** The visible page of the phone (pages under the top stay mounted, hidden). */
const shown = (frame: Frame, selector: string) => frame.locator(`.mp-page:visible ${selector}`);

test('renders the project: SJS, component with slots, template, include, a:if, rpx, tab bar, lifecycle order', async ({ driver }) => {
  const frame = await driver.miniapp();
  await expect(frame.locator('#greeting')).toHaveText('Hello ALIPAY');
  await expect(frame.locator('#price')).toHaveText('¥3.00');
  await expect(frame.locator('#card-title')).toHaveText('Taps');
  await expect(frame.locator('#card-body')).toHaveText('Body of the card');
  await expect(frame.locator('#item-1')).toHaveText('first');
  await expect(frame.locator('#footer')).toHaveText('footer included');
  await expect(frame.locator('#few')).toBeVisible();
  await expect(frame.locator('.mp-title')).toHaveText('Home');
  await expect(frame.locator('.mp-tab')).toHaveText(['Home', 'List']);
  // App hooks first, then the page's onLoad, onShow, and onReady after the first render.
  await expect(frame.locator('#lifecycle')).toHaveText('app.onLaunch, app.onShow, index.onLoad, index.onShow, index.onReady');
  // Only the home page's modules load before it shows; another page's follow at idle time (docs/miniprogram-runtime.md "Loading the view").
  const requestTimes = (part: string) =>
    frame.evaluate((path) => performance.getEntriesByType('resource').filter((entry) => entry.name.includes(path)).map((entry) => entry.startTime), part);
  const firstPage = await frame.evaluate(() => performance.getEntriesByName('mp-first-page-ready')[0]?.startTime ?? -1);
  expect(firstPage).toBeGreaterThan(0);
  expect(Math.max(...(await requestTimes('/__mp/view/pages/index/index.axml.js')))).toBeLessThan(firstPage);
  await expect.poll(() => requestTimes('/__mp/view/pages/detail/detail.axml.js')).toHaveLength(1);
  expect((await requestTimes('/__mp/view/pages/detail/detail.axml.js'))[0]).toBeGreaterThan(firstPage);
  // 32rpx on a 360 px wide phone.
  const padding = await frame.locator('.home').evaluate((element) => getComputedStyle(element).paddingLeft);
  expect(Number.parseFloat(padding)).toBeCloseTo((32 * 360) / 750, 1);

  // A component event calls the page's handler, whose setData re-renders the component's prop and the a:if.
  // The card computes the next count from its prop, as apps do, so each tap waits for the last one's
  // re-render (a second tap inside that round trip reads the old prop, on a phone too).
  for (let tap = 1; tap <= 3; tap += 1) {
    await frame.locator('#counter-plus').click();
    await expect(frame.locator('#counter-count')).toHaveText(String(tap));
  }
  await expect(frame.locator('#many')).toBeVisible();
  await driver.screenshot('miniprogram-home');
});

test('navigation: navigateTo, navigateBack, redirectTo, switchTab, reLaunch, a <navigator> and the tab bar', async ({ driver }) => {
  const frame = await driver.miniapp();
  await expect(frame.locator('#lifecycle')).toContainText('index.onReady');

  await frame.locator('#open-detail').click();
  await expect(shown(frame, '#detail-from')).toHaveText('from index');
  await expect(frame.locator('.mp-title')).toHaveText('Detail');
  await expect(shown(frame, '#detail-lifecycle')).toHaveText(/index\.onReady, detail\.onLoad, detail\.onShow, detail\.onReady$/);
  await driver.screenshot('miniprogram-detail');

  await shown(frame, '#detail-back').click();
  await expect(frame.locator('.mp-title')).toHaveText('Home');
  await expect(shown(frame, '#greeting')).toBeVisible();

  await frame.locator('#open-detail').click();
  await shown(frame, '#detail-redirect').click();
  await expect(frame.locator('.mp-title')).toHaveText('Form');
  await expect(shown(frame, '#form')).toBeVisible();

  await frame.locator('.mp-back').click();
  await expect(frame.locator('.mp-title')).toHaveText('Home');
  await frame.locator('#open-detail').click();
  await shown(frame, '#detail-switch').click();
  await expect(frame.locator('.mp-title')).toHaveText('List');
  await expect(shown(frame, '#row-a')).toHaveText('0. Apple');
  await expect(frame.locator('.mp-tab-selected')).toHaveText('List');

  await frame.locator('.mp-tab', { hasText: 'Home' }).click();
  await expect(frame.locator('.mp-title')).toHaveText('Home');
  await frame.locator('#nav-form').click();
  await expect(frame.locator('.mp-title')).toHaveText('Form');
  await frame.locator('.mp-back').click();

  await frame.locator('#open-detail').click();
  await shown(frame, '#detail-relaunch').click();
  await expect(frame.locator('.mp-title')).toHaveText('Home');
  await expect(shown(frame, '#lifecycle')).toContainText('detail.onUnload');
});

test('list setData by path and $spliceData, form controls submit their values', async ({ driver }) => {
  const frame = await driver.miniapp();
  await frame.locator('.mp-tab', { hasText: 'List' }).click();
  await shown(frame, '#row-b').click();
  await expect(shown(frame, '#selected')).toHaveText('b');
  await shown(frame, '#rename-b').click();
  await expect(shown(frame, '#row-b')).toHaveText('1. Blueberry');
  await shown(frame, '#insert-c').click();
  await expect(shown(frame, '.row')).toHaveText(['0. Apple', '1. Cherry', '2. Blueberry']);

  await frame.locator('.mp-tab', { hasText: 'Home' }).click();
  await frame.locator('#nav-form').click();
  await shown(frame, '#name').fill('Ada');
  await shown(frame, '#agree').check();
  await shown(frame, '#submit').click();
  await expect(shown(frame, '#result')).toHaveText('{"name":"Ada","agree":true,"fruits":[],"size":"m"}');
  await driver.screenshot('miniprogram-form');
});

test('a socket from page code echoes through the lab; the capture and the log name the page', async ({ driver }) => {
  const frame = await driver.miniapp();
  await frame.locator('#connect').click();
  await expect(frame.locator('#socket-status')).toHaveText('open');
  await expect(frame.locator('#echo-0')).toHaveText('ping from index');
  const capture = await driver.capture();
  const connect = capture.find((entry) => entry.kind === 'call' && entry.name === 'connectSocket');
  expect(connect?.page).toBe('pages/index/index');
  const row = driver.panel.locator('.log-row', { hasText: 'connectSocket' }).first();
  await expect(row).toContainText('pages/index/index');
  await driver.screenshot('miniprogram-socket');
});

test('a run-time error shows in the phone, reaches App.onError and the Problems list with file and line', async ({ driver }) => {
  const frame = await driver.miniapp();
  await frame.locator('#boom').click();
  await expect(frame.locator('#last-error')).toHaveText('Error: boom from the index page');
  await expect(frame.locator('.mp-problems')).toContainText('boom from the index page');
  const problems = driver.panel.locator('.msd-warnings__row', { hasText: 'boom from the index page' });
  await expect(problems).toContainText('pages/index/index.js:38');
  await expect(frame.locator('#counter-plus')).toBeEnabled();
  await frame.locator('#counter-plus').click();
  await expect(frame.locator('#counter-count')).toHaveText('1');
  await driver.screenshot('miniprogram-error');
});
