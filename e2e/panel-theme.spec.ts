// The theme override (docs/behaviour.md#panel-theme) in real Chromium at 1280×800: Dark chosen under a
// light system (and Light under a dark one) recolours every screen — the panel with the inspector, the
// help overlay, the row and Columns menus, Problems, Saved sessions — each looked at in a screenshot and
// audited: no text cut without a tooltip, a visible focus ring; and the choice survives a restart.
import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import type { HostDriver } from './harness/host-driver';
import { cutTextWithoutTooltip, focusRing } from './harness/theme-audit';

const DARK_BG = 'rgb(27, 30, 35)';
const LIGHT_BG = 'rgb(255, 255, 255)';
const textRow = (panel: Page) => panel.locator('.log-row.type-text').first();
const background = (panel: Page) => panel.evaluate(() => getComputedStyle(document.body).backgroundColor);

/** Screenshot of the screen as it is now, then the audit of cut text. */
async function lookAt(driver: HostDriver, name: string): Promise<void> {
  await driver.screenshot(name);
  expect(await cutTextWithoutTooltip(driver.panel), `cut text without a tooltip on ${name}`).toEqual([]);
}

/** Folds or opens the side section titled `title` (a details element), whatever it was. */
async function setFolded(panel: Page, title: string, folded: boolean): Promise<void> {
  const section = panel.locator('details').filter({ has: panel.locator('summary', { hasText: new RegExp(`^${title}$`) }) });
  if ((await section.getAttribute('open')) === null !== folded) await section.locator('summary').first().click();
  await expect(section).toHaveJSProperty('open', !folded);
}

async function everyScreen(driver: HostDriver, theme: 'dark' | 'light'): Promise<void> {
  const { panel } = driver;
  await textRow(panel).click();
  await expect(panel.getByRole('complementary', { name: 'inspector' }).locator('.type-chip')).toHaveText('text');
  await lookAt(driver, `theme-${theme}-panel-inspector`);

  await textRow(panel).click({ button: 'right' });
  await expect(panel.getByRole('menu')).toBeVisible();
  await lookAt(driver, `theme-${theme}-row-menu`);
  await panel.keyboard.press('Escape');
  await panel.getByRole('button', { name: /Columns/ }).click();
  await expect(panel.getByRole('group', { name: 'columns' })).toBeVisible();
  await lookAt(driver, `theme-${theme}-columns-menu`);
  await panel.getByRole('button', { name: /Columns/ }).click();

  await panel.getByRole('region', { name: 'warnings', exact: true }).getByText('Plain ws:// URL').first().click();
  await lookAt(driver, `theme-${theme}-problems`);

  await setFolded(panel, 'Connection controls', true); // room for the sessions
  await setFolded(panel, 'Saved sessions', false);
  await panel.getByTestId('session-row').first().scrollIntoViewIfNeeded();
  await expect(panel.getByTestId('session-row').first()).toBeVisible();
  await lookAt(driver, `theme-${theme}-sessions`);

  await panel.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(panel.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await lookAt(driver, `theme-${theme}-help`);
  await panel.keyboard.press('Escape');

  // A keyboard user sees where the focus is: the Theme menu and the next control, reached with Tab.
  await panel.getByRole('combobox', { name: 'Theme' }).focus();
  await panel.keyboard.press('Tab');
  const ring = await focusRing(panel);
  expect(ring).toMatchObject({ visible: true, style: 'solid', width: '2px' });
  expect(ring.color).not.toBe('rgba(0, 0, 0, 0)');
  await driver.screenshot(`theme-${theme}-focus-ring`);
}

test('Dark under a light system recolours every screen; Light under a dark one; no cut text without a tooltip', async ({ driver }) => {
  test.setTimeout(120_000);
  const { panel } = driver;
  await panel.setViewportSize({ width: 1280, height: 800 });
  await panel.emulateMedia({ colorScheme: 'light' });
  await expect(textRow(panel)).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => background(panel)).toBe(LIGHT_BG);

  await panel.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await expect(panel.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(() => background(panel)).toBe(DARK_BG);
  await everyScreen(driver, 'dark');

  await panel.emulateMedia({ colorScheme: 'dark' });
  await panel.getByRole('combobox', { name: 'Theme' }).selectOption('light');
  await expect(panel.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect.poll(() => background(panel)).toBe(LIGHT_BG);
  await everyScreen(driver, 'light');

  await panel.getByRole('combobox', { name: 'Theme' }).selectOption('system');
  await expect(panel.locator('html')).not.toHaveAttribute('data-theme');
  await expect.poll(() => background(panel)).toBe(DARK_BG);
});

test('the theme choice is remembered across a restart (preferences file, per user)', async ({ hostFolder }) => {
  await hostFolder.run([], async (driver) => {
    await driver.panel.emulateMedia({ colorScheme: 'light' });
    await expect(textRow(driver.panel)).toBeVisible({ timeout: 30_000 });
    await driver.panel.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await expect.poll(() => hostFolder.preferences().theme).toBe('dark');
  });

  await hostFolder.run([], async (again) => {
    await again.panel.emulateMedia({ colorScheme: 'light' });
    await expect(again.panel.locator('html')).toHaveAttribute('data-theme', 'dark', { timeout: 30_000 });
    await expect(again.panel.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
    await expect.poll(() => background(again.panel)).toBe(DARK_BG);
  });
});
