// The panel for a working day (docs/behaviour.md#panel-layout, docs/behaviour.md#panel-preferences), in real
// Chromium on the browser host: at 1280×800 the Preview cell is ≥ 320 px and shows its payload with no
// sideways scroll while the inspector shows the selected frame; panes fold to rails; and a restart of the
// app (a new host process, a new port) keeps the layout and the columns through the preferences file.
import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';

const textRow = (panel: Page) => panel.locator('.log-row.type-text').first();

for (const size of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`at ${size.width}×${size.height} (${scheme}) the preview is wide and the inspector shows the selection`, async ({ driver }) => {
      const { panel } = driver;
      await panel.setViewportSize(size);
      await panel.emulateMedia({ colorScheme: scheme });
      await expect(textRow(panel)).toBeVisible({ timeout: 30_000 });
      const preview = textRow(panel).locator('.c-preview');
      expect((await preview.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(320);
      expect((await preview.textContent())?.length ?? 0).toBeGreaterThan(10);
      expect(await panel.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await textRow(panel).click();
      await expect(panel.getByRole('complementary', { name: 'inspector' }).locator('.type-chip')).toHaveText('text');
      // The connection controls are on screen without scrolling the page.
      const controls = panel.getByText('Connection controls', { exact: true });
      const box = await controls.boundingBox();
      expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(size.height);
      await driver.screenshot(`panel-layout-${size.width}-${scheme}`);
    });
  }
}

test('the mini-app and the inspector fold to rails and come back', async ({ driver }) => {
  const { panel } = driver;
  await panel.setViewportSize({ width: 1280, height: 800 });
  await expect(textRow(panel)).toBeVisible({ timeout: 30_000 });
  const before = (await textRow(panel).locator('.c-preview').boundingBox())?.width ?? 0;
  await panel.getByRole('button', { name: 'Fold the mini-app' }).click();
  await panel.getByRole('button', { name: 'Fold the inspector' }).click();
  await expect(panel.getByRole('button', { name: 'Show the mini-app' })).toBeVisible();
  await expect(panel.locator('iframe[title="mini-app"]')).toHaveCount(0);
  await expect.poll(async () => (await textRow(panel).locator('.c-preview').boundingBox())?.width ?? 0).toBeGreaterThan(before + 500);
  await driver.screenshot('panel-layout-folded');
  await panel.getByRole('button', { name: 'Show the inspector' }).click();
  await expect(panel.getByRole('complementary', { name: 'inspector' })).toBeVisible();
});

test('a restart keeps the layout and the columns (preferences file, per user)', async ({ hostFolder }) => {
  const firstPort = await hostFolder.run([], async (driver, first) => {
    await driver.panel.setViewportSize({ width: 1280, height: 800 });
    await expect(textRow(driver.panel)).toBeVisible({ timeout: 30_000 });
    await driver.panel.getByRole('button', { name: 'Fold the mini-app' }).click();
    await driver.panel.getByRole('button', { name: /Columns/ }).click();
    await driver.panel.getByRole('group', { name: 'columns' }).getByLabel('Size').check();
    await expect.poll(() => hostFolder.preferences().columns?.hidden).toEqual(['seq', 'delta']);
    await expect.poll(() => hostFolder.preferences().layouts?.columns?.miniapp ?? 100).toBeLessThan(3);
    return new URL(first.panelUrl).port;
  });

  await hostFolder.run([], async (again, second) => {
    expect(new URL(second.panelUrl).port).not.toBe(firstPort);
    await again.panel.setViewportSize({ width: 1280, height: 800 });
    await expect(again.panel.getByRole('button', { name: 'Show the mini-app' })).toBeVisible({ timeout: 30_000 });
    await expect(again.panel.locator('.log-header .c-size')).toBeVisible({ timeout: 30_000 });
    await again.screenshot('panel-layout-after-restart');
    await again.panel.getByRole('button', { name: 'Reset layout' }).click();
    await expect(again.panel.getByRole('button', { name: 'Fold the mini-app' })).toBeVisible();
    await expect(again.panel.locator('.log-header .c-size')).toBeHidden();
  });
});
