// Polish a user lives with all day (docs/behaviour.md#panel-layout), in real Chromium on the browser host at
// 1440×900 with the bundled demo: the Map remote fields show their whole placeholders, the inspector's
// connection heading stays on one line and no time value breaks inside, and a selected problem leaves the
// Problems list three rows. Each screen is saved in the light and the dark theme and looked at.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { eachTheme } from './harness/theme-audit';

const THEMES = ['light', 'dark'] as const;

/** Width the input's placeholder needs in its own font, and the room inside its padding. */
function placeholderRoom(input: Locator): Promise<{ needed: number; room: number }> {
  return input.evaluate((element) => {
    const field = element as HTMLInputElement;
    const style = getComputedStyle(field);
    const context = document.createElement('canvas').getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.font = style.font;
    const room = field.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return { needed: context.measureText(field.placeholder).width, room };
  });
}

/** Line boxes an inline element is drawn in (more than one: it wrapped). */
const lineCount = (element: Locator) => element.evaluate((node) => new Set([...node.getClientRects()].map((rect) => Math.round(rect.top))).size);

async function openSide(panel: Page, title: string): Promise<Locator> {
  const section = panel.locator('details.side-section', { has: panel.locator('summary', { hasText: title }) });
  if ((await section.getAttribute('open')) === null) await section.locator('summary').click();
  return section;
}

test('Map remote shows both URL placeholders whole at the default width', async ({ driver }) => {
  const { panel } = driver;
  await expect(panel.locator('.log-row').first()).toBeVisible({ timeout: 30_000 });
  const debugging = await openSide(panel, 'Debugging');
  const fields = [debugging.getByRole('textbox', { name: 'map from' }), debugging.getByRole('textbox', { name: 'map to' })];
  await fields[0]?.scrollIntoViewIfNeeded();
  await eachTheme(driver, 'polish', 'map-remote', async () => {
    for (const field of fields) {
      const { needed, room } = await placeholderRoom(field);
      expect(room).toBeGreaterThanOrEqual(needed);
    }
  });
});

test('the inspector keeps the connection heading on one line and never breaks a time inside', async ({ driver }) => {
  const { panel } = driver;
  const textRow = panel.locator('.log-row.type-text').first();
  await expect(textRow).toBeVisible({ timeout: 30_000 });
  await textRow.click();
  const inspector = panel.getByRole('complementary', { name: 'inspector' });
  const heading = inspector.getByRole('region', { name: 'connection', exact: true }).getByRole('heading', { level: 3 });
  await expect(heading).toBeVisible();
  await eachTheme(driver, 'polish', 'inspector', async () => {
    const title = heading.locator('.section-title');
    await expect(title).toHaveAttribute('title', /^Connection /);
    const height = (await heading.boundingBox())?.height ?? Infinity;
    const button = (await heading.getByRole('button', { name: 'Messages' }).boundingBox())?.height ?? 0;
    expect(height).toBeLessThanOrEqual(button + 2);
    for (const time of await inspector.locator('.time-value').all()) expect(await lineCount(time)).toBe(1);
  });
  await expect(inspector.locator('.time-value').first()).toBeVisible();
});

test('with a problem selected the Problems list still shows three whole rows', async ({ driver }) => {
  const { panel } = driver;
  for (const code of [1, 2, 3]) await panel.getByRole('button', { name: `Reproduce error ${code}`, exact: true }).click();
  const rows = panel.locator('.msd-warnings__row');
  await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
  await rows.first().click();
  await expect(panel.locator('.msd-warnings__details')).not.toContainText('Select a problem here');
  await eachTheme(driver, 'polish', 'problems', async () => {
    const list = await panel.locator('.msd-warnings__scroll').boundingBox();
    const rowHeight = (await rows.first().boundingBox())?.height ?? Infinity;
    expect(list?.height ?? 0).toBeGreaterThanOrEqual(3 * rowHeight);
  });
});

test('a lane with several errors, its close code and counts: screenshots of the timeline', async ({ driver }) => {
  const { panel } = driver;
  await expect(panel.locator('.log-row').first()).toBeVisible({ timeout: 30_000 });
  for (let round = 0; round < 5; round += 1) {
    for (const code of [3, 8, 12]) await panel.getByRole('button', { name: `Reproduce error ${code}`, exact: true }).click();
  }
  await expect.poll(() => panel.locator('.msd-warnings__row').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
  const timeline = panel.locator('.msd-timeline');
  for (const theme of THEMES) {
    await panel.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
    await timeline.screenshot({ path: `e2e/screenshots/polish-timeline-${theme}.png` });
  }
  // Zoomed in around the newest errors, where labels have room to show.
  const pane = await timeline.boundingBox();
  if (!pane) throw new Error('the timeline is not visible');
  await panel.mouse.move(pane.x + pane.width - 70, pane.y + 100);
  for (let step = 0; step < 4; step += 1) await panel.mouse.wheel(0, -200);
  for (const theme of THEMES) {
    await panel.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
    await timeline.screenshot({ path: `e2e/screenshots/polish-timeline-zoomed-${theme}.png` });
  }
});

test('the side sections a user opened or folded stay so across a restart; Reset layout brings the defaults back', async ({ hostFolder }) => {
  const section = (panel: Page, title: string) => panel.locator('details.side-section', { has: panel.locator(':scope > summary', { hasText: title }) });
  await hostFolder.run([], async (driver) => {
    await expect(section(driver.panel, 'Connection controls')).toHaveAttribute('open', '', { timeout: 30_000 });
    await expect(section(driver.panel, 'Debugging')).not.toHaveAttribute('open');
    await section(driver.panel, 'Connection controls').locator(':scope > summary').click();
    await section(driver.panel, 'Debugging').locator(':scope > summary').click();
    await expect.poll(() => hostFolder.preferences().sideSections).toEqual({ 'Connection controls': false, 'Debugging: network, breakpoints, map remote': true });
  });
  await hostFolder.run([], async (again) => {
    await expect(section(again.panel, 'Debugging')).toHaveAttribute('open', '', { timeout: 30_000 });
    await expect(section(again.panel, 'Connection controls')).not.toHaveAttribute('open');
    await expect(section(again.panel, 'Project')).toHaveAttribute('open', '');
    await again.panel.getByRole('button', { name: '⟲ Reset layout' }).click();
    await expect(section(again.panel, 'Connection controls')).toHaveAttribute('open', '');
    await expect(section(again.panel, 'Debugging')).not.toHaveAttribute('open');
    await expect.poll(() => hostFolder.preferences().sideSections).toBeUndefined();
  });
});
