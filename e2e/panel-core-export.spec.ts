// Export and import on the real browser host: the toolbar's HAR download is a HAR 1.2 file that
// shared/har.ts reads back to exactly what the engine captured; opening it shows the offline view with
// its banner, the log holds the imported entries, and "Back to live" returns to the running capture.
import { readFile } from 'node:fs/promises';
import type { Frame, Page } from '@playwright/test';
import { harSchema } from '../shared/har';
import { harToCapture } from '../shared/har-import';
import { jsonlToCapture } from '../shared/jsonl';
import { expect, test } from './harness/fixtures';

const logRows = (panel: Page) => panel.locator('.log-row');
/** Text frames (not the sendSocketMessage call, whose preview shows the same data) with this text. */
const textFrames = (panel: Page, text: string) => logRows(panel).filter({ has: panel.locator('.c-type', { hasText: /^text$/ }) }).filter({ hasText: text });
const rowCount = async (panel: Page) => Number(await panel.getByRole('grid', { name: 'log rows' }).getAttribute('aria-rowcount'));

async function chatWithEcho(panel: Page, miniapp: Frame, messages: string[]): Promise<void> {
  // The demo connects on load; Connect replaces that connection. Its Send button is still enabled from the old one
  // until the page's logic has handled the tap, and a Send tapped before the new one opens is ignored by the demo:
  // wait for the replaced connection's close line and the new one open.
  const chat = miniapp.locator('[data-part="chat"]');
  await expect(chat.locator('.pill')).toHaveText('Open', { timeout: 30_000 });
  await miniapp.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(chat.locator('.line-system').filter({ hasText: 'Closed (1000 replaced by connectSocket)' })).toHaveCount(1);
  await expect(chat.locator('.pill')).toHaveText('Open');
  for (const text of messages) {
    await miniapp.getByRole('textbox', { name: 'Message' }).fill(text);
    await miniapp.getByRole('button', { name: 'Send' }).click();
  }
  await expect(textFrames(panel, messages[messages.length - 1] ?? '')).toHaveCount(2, { timeout: 30_000 });
}

test('exports a HAR that parses back to the capture, imports it for an offline view, and returns to live', async ({ driver }, testInfo) => {
  const { panel } = driver;
  const miniapp = await driver.miniapp();
  await chatWithEcho(panel, miniapp, ['export me 1', '{"kind":"json","n":2}']);
  await miniapp.getByRole('textbox', { name: 'Message' }).fill('binary for the HAR');
  await miniapp.getByRole('button', { name: 'Binary' }).click();
  await expect(logRows(panel).filter({ has: panel.locator('.c-type', { hasText: /^binary$/ }) })).toHaveCount(2, { timeout: 30_000 });

  const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: '⇩ HAR' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^mini-socket-capture-.*\.har$/);
  const harPath = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(harPath);
  const harText = await readFile(harPath, 'utf8');
  expect(harSchema.safeParse(JSON.parse(harText)).success).toBe(true);
  const imported = harToCapture(harText);
  const engine = await driver.capture();
  const exportedSeqs = imported.entries.map((entry) => entry.seq);
  expect(exportedSeqs).toEqual(engine.slice(0, exportedSeqs.length).map((entry) => entry.seq));
  expect(imported.entries.filter((entry) => entry.payload === 'export me 1').map((entry) => entry.direction)).toEqual(['out', 'in']);

  const [jsonlDownload] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: '⇩ JSONL' }).click()]);
  const jsonl = jsonlToCapture(await readFile(await jsonlDownload.path(), 'utf8'));
  expect(jsonl.warnings).toEqual([]);
  expect(jsonl.entries.length).toBeGreaterThanOrEqual(imported.entries.length);

  // Open the file back: the offline view.
  await panel.getByTestId('import-file').setInputFiles(harPath);
  const banner = panel.getByRole('status').filter({ hasText: 'Offline view' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(download.suggestedFilename());
  await expect.poll(() => rowCount(panel)).toBe(imported.entries.length);
  await expect(panel.getByRole('button', { name: /Pause/ })).toBeDisabled();
  // New live traffic does not leak into the offline view.
  await miniapp.getByRole('textbox', { name: 'Message' }).fill('after the import');
  await miniapp.getByRole('button', { name: 'Send' }).click();
  await expect.poll(async () => (await driver.capture()).filter((entry) => entry.payload === 'after the import').length).toBe(2);
  await expect(logRows(panel).filter({ hasText: 'after the import' })).toHaveCount(0);
  await textFrames(panel, '{"kind":"json","n":2}').first().click();
  await expect(panel.getByRole('complementary', { name: 'inspector' }).getByRole('tree')).toContainText('kind: "json"');
  await driver.screenshot('panel-core-import-offline');

  await banner.getByRole('button', { name: 'Back to live' }).click();
  await expect(banner).toHaveCount(0);
  await expect(textFrames(panel, 'after the import')).toHaveCount(2);
  await expect.poll(async () => (await rowCount(panel)) - (await driver.capture()).length).toBe(0);
});

test('a file that is not a capture is refused with a message and the live log stays', async ({ driver }, testInfo) => {
  const { panel } = driver;
  const notHar = testInfo.outputPath('notes.har');
  await import('node:fs/promises').then((fs) => fs.writeFile(notHar, '{"log": {"entries": "nope"}}'));
  const before = await rowCount(panel);
  await panel.getByTestId('import-file').setInputFiles(notHar);
  await expect(panel.getByRole('alert')).toContainText('Could not open notes.har');
  await expect(panel.getByRole('status').filter({ hasText: 'Offline view' })).toHaveCount(0);
  expect(await rowCount(panel)).toBeGreaterThanOrEqual(before);
});
