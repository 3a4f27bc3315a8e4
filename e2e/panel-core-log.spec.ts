// The frame log and inspector on the real browser host: the demo mini-app connects and its frames
// appear in order; a text filter, a regex and its literal fallback; a binary frame read as hex; pause
// freezes the log while the capture fills and resume catches up.
import type { Frame, Page } from '@playwright/test';
import type { HostDriver } from './harness/host-driver';
import { pauseDemoTicker, TICK_TEXT } from './harness/demo-ticker';
import { expect, test } from './harness/fixtures';

const logRows = (panel: Page) => panel.locator('.log-row');
/** Text frames (not the sendSocketMessage call, whose preview shows the same data) with this text. */
const textFrames = (panel: Page, text: string) => logRows(panel).filter({ has: panel.locator('.c-type', { hasText: /^text$/ }) }).filter({ hasText: text });
const rowCount = async (panel: Page) => Number(await panel.getByRole('grid', { name: 'log rows' }).getAttribute('aria-rowcount'));

/**
 * Waits for the demo's echo chat (connected on load) to show open in the panel, pauses its ticker and
 * waits until the panel holds every entry the engine does, so what follows is the only traffic.
 */
async function connectDemo(driver: HostDriver, miniapp: Frame): Promise<void> {
  await expect(logRows(driver.panel).filter({ hasText: /^.*lifecycle.*open/ }).first()).toBeVisible({ timeout: 30_000 });
  await pauseDemoTicker(driver, miniapp);
  await expect(miniapp.getByRole('button', { name: 'Send' })).toBeEnabled();
  await expect.poll(async () => (await rowCount(driver.panel)) - (await driver.capture()).length, { timeout: 30_000 }).toBe(0);
}

async function sendFromDemo(miniapp: Frame, text: string, binary = false): Promise<void> {
  await miniapp.getByRole('textbox', { name: 'Message' }).fill(text);
  await miniapp.getByRole('button', { name: binary ? 'Binary' : 'Send' }).click();
}

test('the demo connects and its frames appear in the log in order', async ({ driver }) => {
  const { panel } = driver;
  const miniapp = await driver.miniapp();
  await expect(panel.getByRole('status', { name: 'engine link' })).toHaveText('Live');
  await connectDemo(driver, miniapp);
  for (const text of ['first message', 'second message', 'third message']) await sendFromDemo(miniapp, text);

  const textRows = logRows(panel).filter({ has: panel.locator('.c-type', { hasText: /^text$/ }) }).filter({ hasNotText: TICK_TEXT });
  await expect(textRows).toHaveCount(6, { timeout: 30_000 });
  const previews = await textRows.locator('.c-preview').allTextContents();
  expect(previews).toEqual(['first message', 'first message', 'second message', 'second message', 'third message', 'third message']);
  const directions = await textRows.locator('.c-dir').allTextContents();
  expect(directions).toEqual(['↑', '↓', '↑', '↓', '↑', '↓']);
  const seqs = (await logRows(panel).evaluateAll((rows) => rows.map((row) => Number((row as HTMLElement).dataset.seq))));
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  // What the panel shows is what the engine holds, entry for entry.
  await expect.poll(async () => (await rowCount(panel)) - (await driver.capture()).length).toBe(0);
  await driver.screenshot('panel-core-log-demo');
});

test('filters by text, by regex, and falls back to a literal when the regex does not compile', async ({ driver }) => {
  const { panel } = driver;
  const miniapp = await driver.miniapp();
  await connectDemo(driver, miniapp);
  await sendFromDemo(miniapp, 'apple pie');
  await sendFromDemo(miniapp, 'APPLE juice');
  await sendFromDemo(miniapp, 'price[usd] 3');
  await expect(textFrames(panel, 'price[usd] 3')).toHaveCount(2, { timeout: 30_000 });

  const filter = panel.getByRole('searchbox', { name: 'Filter text or regex' });
  await filter.fill('JUICE');
  await expect(panel.getByTestId('filter-mode')).toHaveText('regex');
  await expect(panel.getByText(/hidden by filter/)).toBeVisible();
  // the call, the frame out and its echo
  await expect.poll(() => logRows(panel).locator('.c-type').allTextContents()).toEqual(['call', 'text', 'text']);
  await expect(logRows(panel).filter({ hasText: 'APPLE juice' })).toHaveCount(3);

  await filter.fill('^apple (pie|tart)$');
  // The filter runs in slices: poll until the rows are exactly the matches, not one read once the first shows.
  await expect.poll(async () => [...new Set(await logRows(panel).locator('.c-preview').allTextContents())]).toEqual(['apple pie']);

  await filter.fill('price[usd');
  await expect(panel.getByTestId('filter-mode')).toHaveText('text');
  await expect.poll(() => logRows(panel).locator('.c-type').allTextContents()).toEqual(['call', 'text', 'text']);
  await expect(logRows(panel).filter({ hasText: 'price[usd] 3' })).toHaveCount(3);

  // Direction: only what the app sent.
  await filter.fill('apple (pie|juice)');
  await panel.getByRole('group', { name: 'Direction' }).getByRole('button', { name: '↓ in' }).click();
  await panel.getByRole('group', { name: 'Direction' }).getByRole('button', { name: '• other' }).click();
  await expect.poll(() => logRows(panel).locator('.c-dir').allTextContents()).toEqual(['↑', '↑']);
  await driver.screenshot('panel-core-log-filter');
  await panel.getByRole('button', { name: 'Show all' }).click();
  await expect(filter).toHaveValue('');
});

test('a binary frame reads as hex, Base64 and UTF-8 in the inspector', async ({ driver }) => {
  const { panel } = driver;
  const miniapp = await driver.miniapp();
  await connectDemo(driver, miniapp);
  await sendFromDemo(miniapp, 'Hi! 你好', true);
  const binaryIn = logRows(panel).filter({ has: panel.locator('.c-type', { hasText: /^binary$/ }) }).filter({ has: panel.locator('.c-dir', { hasText: '↓' }) });
  await expect(binaryIn).toHaveCount(1, { timeout: 30_000 });
  await binaryIn.click();

  const inspector = panel.getByRole('complementary', { name: 'inspector' });
  const hex = inspector.getByRole('table', { name: 'hex dump' });
  // "Hi! 你好" in UTF-8: 48 69 21 20 e4 bd a0 e5 a5 bd
  await expect(hex).toContainText('48 69 21 20 e4 bd a0 e5');
  await expect(hex).toContainText('00000000');
  await expect(hex).toContainText('Hi! ....');
  await driver.screenshot('panel-core-inspector-binary-hex');
  await inspector.getByRole('radio', { name: 'Base64' }).click();
  await expect(inspector).toContainText('SGkhIOS9oOWlvQ==');
  await inspector.getByRole('radio', { name: 'UTF-8' }).click();
  await expect(inspector.locator('.payload-text')).toHaveText('Hi! 你好');
  await expect(inspector).toContainText('10 B (10 bytes)');
  await expect(inspector.getByText(/^Connection s\d+/)).toBeVisible();
});

test('pause freezes the log while the capture fills; resume catches up', async ({ driver }) => {
  const { panel } = driver;
  const miniapp = await driver.miniapp();
  await connectDemo(driver, miniapp);
  const before = await rowCount(panel);
  await panel.getByRole('button', { name: /Pause/ }).click();
  await expect(panel.getByRole('button', { name: /Resume/ }).first()).toBeVisible();
  for (let i = 0; i < 5; i += 1) await sendFromDemo(miniapp, `while paused ${i}`);
  await expect(panel.getByText(/new entries waiting/)).toBeVisible({ timeout: 30_000 });
  await expect.poll(async () => (await driver.capture()).filter((entry) => entry.payload === 'while paused 4').length).toBe(2);
  expect(await rowCount(panel)).toBe(before);
  await expect(logRows(panel).filter({ hasText: 'while paused' })).toHaveCount(0);
  await driver.screenshot('panel-core-log-paused');

  await panel.getByRole('toolbar', { name: 'capture' }).getByRole('button', { name: /Resume/ }).click();
  await expect(textFrames(panel, 'while paused 4')).toHaveCount(2);
  await expect.poll(async () => (await rowCount(panel)) - (await driver.capture()).length).toBe(0);
});

test('clear empties the log and the engine capture; new traffic appears after it', async ({ driver }) => {
  const { panel } = driver;
  const miniapp = await driver.miniapp();
  await connectDemo(driver, miniapp);
  await sendFromDemo(miniapp, 'before the clear');
  await expect(textFrames(panel, 'before the clear')).toHaveCount(2, { timeout: 30_000 });
  await logRows(panel).last().click();
  await panel.getByRole('button', { name: /Clear/ }).click();
  await expect.poll(() => rowCount(panel)).toBe(0);
  expect(await driver.capture()).toEqual([]);
  await expect(panel.getByRole('complementary', { name: 'inspector' })).toContainText('Select a row in the log');
  await sendFromDemo(miniapp, 'after the clear');
  await expect(textFrames(panel, 'after the clear')).toHaveCount(2, { timeout: 30_000 });
  await expect(textFrames(panel, 'before the clear')).toHaveCount(0);
  await expect(panel.getByText(/older entries dropped/)).toHaveCount(0);
});
