// A filter over a big imported log in the real panel: the index is built across tasks (12 ms slices,
// "Filtering… n%" meanwhile) and ends with every matching row and the right hidden count. Binary frames,
// because their UTF-8 text is decoded per entry, make the filter slow enough to need several slices.
import { writeFile } from 'node:fs/promises';
import { captureToJsonl } from '../shared/jsonl';
import { expect, test } from './harness/fixtures';
import { binaryFrame, logRowCount } from './harness/large-capture';

const ENTRIES = 100_000;
const SYMBOLS = ['AAPL', 'NVDA', 'MSFT', 'TSLA'];

/** The frame text of entry `seq`. */
const frameText = (seq: number): string => `tick #${seq} ${SYMBOLS[seq % SYMBOLS.length]} ${(100 + (seq % 997) / 10).toFixed(1)}`;

test('a filter over 100,000 imported binary frames finds every match (built across tasks)', async ({ driver }, testInfo) => {
  test.setTimeout(120_000);
  const { panel } = driver;
  const entries = Array.from({ length: ENTRIES }, (_, seq) => binaryFrame(seq, frameText(seq)));
  // The filter's rule, field by field (a base64 text can hold the letters too).
  const pattern = /nvda/i;
  const expected = entries.filter((entry) => pattern.test(entry.payload ?? '') || pattern.test(Buffer.from(entry.payload ?? '', 'base64').toString())).length;
  const file = testInfo.outputPath('big.jsonl');
  await writeFile(file, captureToJsonl(entries));

  await panel.getByTestId('import-file').setInputFiles(file);
  await expect(panel.getByRole('status').filter({ hasText: 'Offline view' })).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => logRowCount(panel), { timeout: 60_000 }).toBe(ENTRIES);

  // Whether the marker showed depends on the machine's speed: recorded, not asserted.
  await panel.evaluate(() => {
    const seen = { filtering: false };
    Object.assign(window, { filteringSeen: seen });
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="filtering"]')) seen.filtering = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  await panel.getByRole('searchbox', { name: 'Filter text or regex' }).fill('NVDA');
  await expect.poll(() => logRowCount(panel), { timeout: 60_000 }).toBe(expected);
  await expect(panel.getByTestId('filtering')).toHaveCount(0);
  await expect(panel.getByText(`${(ENTRIES - expected).toLocaleString('en-US')} hidden by filter`)).toBeVisible();
  await expect(panel.locator('.log-row').first()).toContainText('4e 56 44 41'); // "NVDA" in the hex preview
  const seen = await panel.evaluate(() => (window as unknown as { filteringSeen: { filtering: boolean } }).filteringSeen.filtering);
  testInfo.annotations.push({ type: 'filtering marker seen', description: String(seen) });
  await driver.screenshot('panel-filter-large');
});
