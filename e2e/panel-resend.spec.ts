// Resend through the app's connection (docs/behaviour.md#resend-through-the-apps-connection) in real
// Chromium on the browser host with the demo mini-app: the row menu resends a frame the app sent on the
// app's own connection to the lab's echo, the capture marks it resent from its entry and the app receives
// the echo as any server frame; once the app closed the connection the item is disabled with the reason.
import type { Page } from '@playwright/test';
import { pauseDemoTicker } from './harness/demo-ticker';
import { expect, test } from './harness/fixtures';

const RESEND = "Resend on s1 (the app's connection)";

/** The row of the text frame the app sent with `text`. */
const sentRow = (panel: Page, text: string) =>
  panel.locator('.log-row.dir-out').filter({ hasText: text }).filter({ has: panel.locator('.c-type', { hasText: /^text$/ }) });

test('the row menu resends a sent frame on the app connection, and is disabled once it closed', async ({ driver }) => {
  const { panel } = driver;
  await panel.setViewportSize({ width: 1280, height: 800 });
  const miniapp = await driver.miniapp();
  await pauseDemoTicker(driver, miniapp);
  await miniapp.getByRole('textbox', { name: 'Message' }).fill('resend-me 42');
  await miniapp.getByRole('button', { name: 'Send' }).click();
  const appLines = miniapp.getByLabel('Messages', { exact: true }).getByText('resend-me 42');
  await expect(appLines).toHaveCount(2); // what it sent, and the echo

  await sentRow(panel, 'resend-me 42').click({ button: 'right' });
  const item = panel.getByRole('menu').getByRole('menuitem', { name: RESEND });
  await expect(item).toHaveAttribute('aria-disabled', 'false');
  await driver.screenshot('panel-resend-menu');
  await item.click();

  await expect(sentRow(panel, 'resend-me 42')).toHaveCount(2);
  await expect(sentRow(panel, 'resend-me 42').last().locator('.c-tag')).toHaveText('resent');
  await expect(appLines).toHaveCount(3); // the echo of the resent frame reached the app
  const capture = await driver.capture();
  const original = capture.find((entry) => entry.kind === 'frame' && entry.direction === 'out' && entry.payload === 'resend-me 42' && !entry.detail?.resent);
  const resent = capture.filter((entry) => entry.detail?.resent === true);
  expect(resent).toEqual([expect.objectContaining({ connectionId: 's1', clientId: original?.clientId, direction: 'out', payload: 'resend-me 42', detail: { resent: true, resentFrom: original?.seq } })]);
  // Only the app's own send is a call: the resend added no call and no result.
  expect(capture.filter((entry) => entry.kind === 'call' && entry.name === 'sendSocketMessage' && JSON.stringify(entry.detail).includes('resend-me'))).toHaveLength(1);

  await miniapp.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(miniapp.locator('[data-part="chat"] .pill')).toHaveText('Closed');
  // The log appends the close's rows; right-clicking while they arrive could land on a row that moved in.
  await expect(panel.locator('.log-row').filter({ has: panel.locator('.c-type', { hasText: /^lifecycle$/ }) }).filter({ hasText: /^.*closed/ }).last()).toBeVisible();
  await sentRow(panel, 'resend-me 42').first().click({ button: 'right' });
  await expect(item).toHaveAttribute('aria-disabled', 'true');
  await expect(item).toHaveAttribute('title', 's1 is CLOSED: a frame can be resent only while its connection is OPEN.');
  await item.dispatchEvent('click'); // Playwright refuses to click an aria-disabled item; a user's click does nothing
  await expect(item).toBeVisible();
  await driver.screenshot('panel-resend-disabled');
  await panel.keyboard.press('Escape');
  expect((await driver.capture()).filter((entry) => entry.detail?.resent === true)).toHaveLength(1);
});
