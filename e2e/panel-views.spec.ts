// Living in the panel (docs/behaviour.md#panel-layout, #panel-find, #panel-keyboard-and-menu), in real
// Chromium on the browser host with the demo mini-app: the Messages view of a connection, Hide calls,
// Find with a highlighted match, the row menu and the shortcuts help — in both themes.
import type { Page } from '@playwright/test';
import { pauseDemoTicker } from './harness/demo-ticker';
import { expect, test } from './harness/fixtures';
import type { HostDriver } from './harness/host-driver';

const rows = (panel: Page) => panel.locator('.log-row');
const rowCount = async (panel: Page) => Number(await panel.getByRole('grid', { name: 'log rows' }).getAttribute('aria-rowcount'));

async function demoWithTraffic(panel: Page, driver: HostDriver, scheme: 'light' | 'dark') {
  await panel.setViewportSize({ width: 1280, height: 800 });
  await panel.emulateMedia({ colorScheme: scheme });
  const miniapp = await driver.miniapp();
  await expect(rows(panel).filter({ hasText: /lifecycle.*open/ }).first()).toBeVisible({ timeout: 30_000 });
  await pauseDemoTicker(driver, miniapp);
  for (const text of ['alpha 1', 'find-me bravo', 'charlie']) {
    await miniapp.getByRole('textbox', { name: 'Message' }).fill(text);
    await miniapp.getByRole('button', { name: 'Send' }).click();
  }
  await expect(rows(panel).filter({ hasText: 'charlie' })).toHaveCount(3, { timeout: 30_000 }); // call, frame, echo
}

for (const scheme of ['light', 'dark'] as const) {
  test(`Messages view, Hide calls and the timeline label (${scheme})`, async ({ driver }) => {
    const { panel } = driver;
    await demoWithTraffic(panel, driver, scheme);
    await panel.getByRole('button', { name: 'Hide calls' }).click();
    await expect(rows(panel).filter({ hasText: 'charlie' })).toHaveCount(2);
    await expect(panel.locator('.log-row.type-call')).toHaveCount(0);
    await panel.getByRole('button', { name: 'Hide calls' }).click();

    await rows(panel).filter({ hasText: 'charlie' }).last().click();
    await panel.getByRole('complementary', { name: 'inspector' }).getByRole('button', { name: 'Messages' }).click();
    await expect(panel.getByRole('status', { name: 'messages view' })).toContainText('Messages of s1');
    // The view's rows are filtered in slices after the status shows: wait for the rows, not for one read of them.
    await expect.poll(async () => [...new Set(await rows(panel).locator('.c-type').allTextContents())]).toEqual(['text']);
    await expect(rows(panel).filter({ hasText: /alpha|bravo|charlie/ }).locator('.c-dir')).toHaveText(['↑', '↓', '↑', '↓', '↑', '↓']);
    await driver.screenshot(`panel-views-messages-${scheme}`);
    await panel.getByRole('button', { name: 'All entries' }).click();
    await expect(panel.locator('.log-row.type-call').first()).toBeVisible();
    await expect(panel.getByRole('status', { name: 'messages view' })).toHaveCount(0);

    // One click on the connection's label in the timeline opens the same view.
    const canvas = panel.locator('.msd-timeline canvas').first();
    const box = await canvas.boundingBox();
    if (!box) throw new Error('no timeline canvas');
    // The demo's token request (h1) has the first 44 px lane under the 24 px axis, its chat (s1) the second.
    await panel.mouse.click(box.x + 30, box.y + 24 + 44 + 14);
    await expect(panel.getByRole('status', { name: 'messages view' })).toContainText('Messages of s1');
  });

  test(`Find highlights a match in the row and the inspector; the row menu and help (${scheme})`, async ({ driver }) => {
    const { panel } = driver;
    await demoWithTraffic(panel, driver, scheme);
    await panel.getByRole('grid', { name: 'log rows' }).focus();
    await panel.keyboard.press('Control+f');
    await panel.getByRole('searchbox', { name: 'Find in payloads' }).fill('FIND-ME');
    await expect(panel.getByRole('status', { name: 'matches' })).toHaveText('0 / 2');
    await panel.keyboard.press('Enter');
    await expect(panel.getByRole('status', { name: 'matches' })).toHaveText('1 / 2');
    await panel.keyboard.press('Enter');
    await expect(panel.getByRole('status', { name: 'matches' })).toHaveText('2 / 2');
    await expect(panel.locator('.log-row.selected .c-preview')).toContainText('find-me bravo');
    await expect.poll(() => panel.evaluate(() => CSS.highlights.get('find-match')?.size ?? 0)).toBeGreaterThanOrEqual(2);
    await driver.screenshot(`panel-views-find-${scheme}`);
    await panel.keyboard.press('Shift+Enter');
    await expect(panel.getByRole('status', { name: 'matches' })).toHaveText('1 / 2');
    await panel.keyboard.press('Escape');
    await expect(panel.getByRole('search', { name: 'find in payloads' })).toHaveCount(0);

    await rows(panel).filter({ hasText: 'find-me bravo' }).filter({ has: panel.locator('.c-type', { hasText: /^text$/ }) }).first().click({ button: 'right' });
    const menu = panel.getByRole('menu');
    await expect(menu.getByRole('menuitem')).toHaveText([
      'Copy payload as text',
      'Copy payload as JSON',
      'Copy payload as base64',
      'Copy payload as hex',
      'Copy as my.sendSocketMessage({…})',
      'Filter to s1',
      "Show s1's messages",
      "Resend on s1 (the app's connection)",
    ]);
    await driver.screenshot(`panel-views-menu-${scheme}`);
    await panel.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await menu.getByRole('menuitem', { name: 'Copy payload as hex' }).click();
    await expect.poll(() => panel.evaluate(() => navigator.clipboard.readText())).toBe(Buffer.from('find-me bravo').toString('hex').replace(/(..)(?!$)/g, '$1 '));
    await expect(menu).toHaveCount(0);

    // Ctrl+E pauses, Ctrl+L clears, ? lists the shortcuts.
    await panel.getByRole('grid', { name: 'log rows' }).focus();
    await panel.keyboard.press('Control+e');
    await expect(panel.getByRole('toolbar', { name: 'capture' }).getByRole('button', { name: /Resume/ })).toBeVisible();
    await panel.keyboard.press('Control+e');
    await panel.keyboard.press('Control+l');
    await expect.poll(() => rowCount(panel)).toBeLessThan(5);
    await panel.keyboard.press('?');
    await expect(panel.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Ctrl+E');
    await driver.screenshot(`panel-views-help-${scheme}`);
    await panel.keyboard.press('Escape');
    await expect(panel.getByRole('dialog')).toHaveCount(0);
  });
}
