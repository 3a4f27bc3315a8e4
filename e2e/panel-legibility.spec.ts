// What a user reads all day stays readable in the default layout (docs/behaviour.md#panel-layout), in real
// Chromium on the browser host at 1440×900: the inspector's connection URL keeps the larger half of its
// 270 px pane, and the Problems list shows whole rows rather than a sliver over a one-line hint.
import { expect, test } from './harness/fixtures';

test('the inspector gives a connection URL room: its value column is wider than its label column', async ({ driver }) => {
  const { panel } = driver;
  const textRow = panel.locator('.log-row.type-text').first();
  await expect(textRow).toBeVisible({ timeout: 30_000 });
  await textRow.click();
  const connection = panel.getByRole('complementary', { name: 'inspector' }).getByRole('region', { name: 'connection' });
  const label = connection.locator('.facts dt').first();
  const value = connection.locator('.facts dd').first();
  await expect(label).toHaveText('URL');
  const labelWidth = (await label.boundingBox())?.width ?? 0;
  const valueWidth = (await value.boundingBox())?.width ?? 0;
  expect(valueWidth).toBeGreaterThan(labelWidth);
  expect(valueWidth).toBeGreaterThanOrEqual(120);
});

test('with no problem selected the Problems list shows at least three whole rows', async ({ driver }) => {
  const { panel } = driver;
  for (const code of [1, 2, 3]) await panel.getByRole('button', { name: `Reproduce error ${code}`, exact: true }).click();
  const rows = panel.locator('.msd-warnings__row');
  await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
  await expect(panel.locator('.msd-warnings__details')).toContainText('Select a problem here');
  const list = await panel.locator('.msd-warnings__scroll').boundingBox();
  const rowHeight = (await rows.first().boundingBox())?.height ?? Infinity;
  expect(list?.height ?? 0).toBeGreaterThanOrEqual(3 * rowHeight);
});
