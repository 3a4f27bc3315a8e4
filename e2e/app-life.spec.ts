// Background and foreground (docs/behaviour.md#app-life-background-and-foreground): the panel sends the mini-app to the
// background and back; a mini-program project hears page.onHide → App.onHide → my.onAppHide and
// App.onShow → my.onAppShow → page.onShow, its socket stays open, then the "close after" setting closes it
// with 1001; every moment is in the log and on the timeline; my.onError gets an uncaught error. A plain
// HTML mini-app hears my.onAppHide/onAppShow and my.onError too.
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { BLANK_MINIAPP, expect, test } from './harness/fixtures';
import { inMiniapp } from './harness/miniapp-eval';

const LIFE = fileURLToPath(new URL('./fixtures/miniprogram-life', import.meta.url));

const lifeButton = (panel: Page, name: 'Send to background' | 'Bring to foreground') => panel.getByRole('button', { name, exact: true });

test.describe('a mini-program project', () => {
  test.use({ miniappFolder: LIFE });

  test('goes to the background and back in the documented order; sockets stay open, then close after the set time', async ({ driver }) => {
    const frame = await driver.miniapp();
    await expect(frame.locator('#status')).toHaveText('open');
    await expect(frame.locator('#log')).toHaveText('App.onShow | index.onShow');

    await lifeButton(driver.panel, 'Send to background').click();
    await expect(frame.locator('#log')).toHaveText('App.onShow | index.onShow | index.onHide | App.onHide | my.onAppHide');
    await expect(driver.panel.getByRole('status').filter({ hasText: 'In the background' })).toContainText('sockets stay open');
    await driver.screenshot('app-life-background');

    await lifeButton(driver.panel, 'Bring to foreground').click();
    await expect(frame.locator('#log')).toHaveText(/my\.onAppHide \| App\.onShow \| my\.onAppShow pages\/index\/index \| index\.onShow$/);
    await expect(frame.locator('#status')).toHaveText('open');

    const field = driver.panel.getByRole('textbox', { name: /Close sockets after \(s\) in the background/ });
    await field.fill('1');
    await field.press('Enter');
    await driver.engineState((state) => state.settings.backgroundCloseSeconds === 1);
    await lifeButton(driver.panel, 'Send to background').click();
    await expect(frame.locator('#status')).toHaveText('closed 1001', { timeout: 10_000 });
    await expect(driver.panel.getByRole('status').filter({ hasText: 'In the background' })).toContainText('its sockets were closed');
    await expect(driver.panel.locator('.log-row', { hasText: 'app-background-close' })).toHaveCount(1);
    await driver.screenshot('app-life-sockets-closed');
    await lifeButton(driver.panel, 'Bring to foreground').click();

    const names = (await driver.capture()).filter((entry) => entry.name.startsWith('app-')).map((entry) => entry.name);
    expect(names).toEqual(['app-background', 'app-foreground', 'app-background', 'app-background-close', 'app-foreground']);
    const closed = (await driver.capture()).find((entry) => entry.kind === 'lifecycle' && entry.name === 'closed');
    expect(closed?.detail).toMatchObject({ codeSent: 1001, closedFirstBy: 'engine' });
  });

  test('my.onError receives an uncaught error of the logic, which Problems also lists', async ({ driver }) => {
    const frame = await driver.miniapp();
    await expect(frame.locator('#status')).toHaveText('open');
    await frame.locator('#throw').click();
    await expect(frame.locator('#log')).toContainText('my.onError Error: boom');
    await expect(driver.panel.locator('.msd-warnings__row', { hasText: 'boom' })).toHaveCount(1);
  });
});

test.describe('an HTML mini-app', () => {
  test.use({ miniappFolder: BLANK_MINIAPP });

  test('hears my.onAppHide / onAppShow and my.onError; off* stops them', async ({ driver }) => {
    const frame = await driver.miniapp();
    await inMiniapp(
      frame,
      (my) => {
        const seen: string[] = [];
        Object.defineProperty(window, '__seen', { value: seen });
        my.onAppHide(() => seen.push('hide'));
        my.onAppShow((options) => seen.push(`show ${options.scene}`));
        my.onError((message) => seen.push(`error ${message}`));
        setTimeout(() => {
          throw new Error('page boom');
        }, 0);
      },
      null,
    );
    const seen = () => frame.evaluate('window.__seen.join(", ")');
    await expect.poll(seen).toBe('error Uncaught Error: page boom');
    await lifeButton(driver.panel, 'Send to background').click();
    await lifeButton(driver.panel, 'Bring to foreground').click();
    await expect.poll(seen).toBe('error Uncaught Error: page boom, hide, show 1000');
    await inMiniapp(frame, (my) => (my.offAppHide(), my.offAppShow()), null);
    await lifeButton(driver.panel, 'Send to background').click();
    await expect(driver.panel.getByRole('status').filter({ hasText: 'In the background' })).toBeVisible();
    await lifeButton(driver.panel, 'Bring to foreground').click();
    await expect(driver.panel.getByRole('status').filter({ hasText: 'In the foreground' })).toBeVisible();
    expect(await seen()).toBe('error Uncaught Error: page boom, hide, show 1000');
  });
});
