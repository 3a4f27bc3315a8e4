// A filter over a big imported log in the real panel: the index is built across tasks (12 ms slices,
// "Filtering… n%" meanwhile) and ends with every matching row and the right hidden count. Binary frames,
// because their UTF-8 text is decoded per entry, make the filter slow enough to need several slices.
import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { CaptureEntry } from '../shared/capture';
import { captureToJsonl } from '../shared/jsonl';
import { expect, test } from './harness/fixtures';

const ENTRIES = 100_000;
const SYMBOLS = ['AAPL', 'NVDA', 'MSFT', 'TSLA'];
const rowCount = async (panel: Page) => Number(await panel.getByRole('grid', { name: 'log rows' }).getAttribute('aria-rowcount'));

function binaryFrame(seq: number): CaptureEntry {
  const text = `tick #${seq} ${SYMBOLS[seq % SYMBOLS.length]} ${(100 + (seq % 997) / 10).toFixed(1)}`;
  return {
    seq,
    wallTime: 1_760_000_000_000 + seq,
    monoTime: seq,
    clientId: 'app-1',
    connectionId: 's1',
    kind: 'frame',
    name: 'binary',
    direction: seq % 2 === 0 ? 'in' : 'out',
    opcode: 2,
    size: text.length,
    payload: Buffer.from(text).toString('base64'),
    binary: true,
  };
}

test('a filter over 100,000 imported binary frames finds every match (built across tasks)', async ({ driver }, testInfo) => {
  test.setTimeout(120_000);
  const { panel } = driver;
  const entries = Array.from({ length: ENTRIES }, (_, seq) => binaryFrame(seq));
  // The filter's rule, field by field (a base64 text can hold the letters too).
  const pattern = /nvda/i;
  const expected = entries.filter((entry) => pattern.test(entry.payload ?? '') || pattern.test(Buffer.from(entry.payload ?? '', 'base64').toString())).length;
  const file = testInfo.outputPath('big.jsonl');
  await writeFile(file, captureToJsonl(entries));

  await panel.getByTestId('import-file').setInputFiles(file);
  await expect(panel.getByRole('status').filter({ hasText: 'Offline view' })).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => rowCount(panel), { timeout: 60_000 }).toBe(ENTRIES);

  // Whether the marker showed depends on the machine's speed: recorded, not asserted.
  await panel.evaluate(() => {
    const seen = { filtering: false };
    Object.assign(window, { filteringSeen: seen });
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="filtering"]')) seen.filtering = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  await panel.getByRole('searchbox', { name: 'Filter text or regex' }).fill('NVDA');
  await expect.poll(() => rowCount(panel), { timeout: 60_000 }).toBe(expected);
  await expect(panel.getByTestId('filtering')).toHaveCount(0);
  await expect(panel.getByText(`${(ENTRIES - expected).toLocaleString('en-US')} hidden by filter`)).toBeVisible();
  await expect(panel.locator('.log-row').first()).toContainText('4e 56 44 41'); // "NVDA" in the hex preview
  const seen = await panel.evaluate(() => (window as unknown as { filteringSeen: { filtering: boolean } }).filteringSeen.filtering);
  testInfo.annotations.push({ type: 'filtering marker seen', description: String(seen) });
  await driver.screenshot('panel-filter-large');
});
