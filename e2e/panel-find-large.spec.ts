// Find over a big imported capture in the real panel (docs/behaviour.md#panel-find): 150,000 binary frames
// (matched as UTF-8, the slowest case) are scanned in slices; the count is exact and next/previous select
// the right rows, wrapping. How long a task may block the panel meanwhile is a figure of `npm run bench`
// (bench/measurements/panel-find.ts), not a timed assertion here.
import { writeFile } from 'node:fs/promises';
import { captureToJsonl } from '../shared/jsonl';
import { expect, test } from './harness/fixtures';
import { binaryFrame, logRowCount } from './harness/large-capture';

const ENTRIES = 150_000;

/** The frame text of entry `seq`. */
const frameText = (seq: number): string => seq % 50 === 7 ? `order #${seq} needle-${seq}` : `tick #${seq} price ${(seq % 997) / 10}`;

test('Find over 150,000 binary frames counts every match and steps through them in order', async ({ driver }, testInfo) => {
  test.setTimeout(180_000);
  const { panel } = driver;
  const file = testInfo.outputPath('big.jsonl');
  await writeFile(file, captureToJsonl(Array.from({ length: ENTRIES }, (_, seq) => binaryFrame(seq, frameText(seq)))));
  await panel.getByTestId('import-file').setInputFiles(file);
  await expect.poll(() => logRowCount(panel), { timeout: 90_000 }).toBe(ENTRIES);

  await panel.getByRole('grid', { name: 'log rows' }).focus();
  await panel.keyboard.press('Control+f');
  await panel.getByRole('searchbox', { name: 'Find in payloads' }).fill('NEEDLE');
  await expect(panel.getByRole('status', { name: 'matches' })).toHaveText(`0 / ${ENTRIES / 50}`, { timeout: 90_000 });
  await panel.keyboard.press('Shift+Enter');
  await expect(panel.getByRole('status', { name: 'matches' })).toHaveText(`${ENTRIES / 50} / ${ENTRIES / 50}`);
  await expect(panel.locator('.log-row.selected')).toHaveAttribute('data-seq', String(ENTRIES - 50 + 7));
  await panel.keyboard.press('Enter');
  await expect(panel.getByRole('status', { name: 'matches' })).toHaveText(`1 / ${ENTRIES / 50}`);
  await expect(panel.locator('.log-row.selected')).toHaveAttribute('data-seq', '7');
  await panel.keyboard.press('Enter');
  await expect(panel.getByRole('status', { name: 'matches' })).toHaveText(`2 / ${ENTRIES / 50}`);
  await expect(panel.locator('.log-row.selected')).toHaveAttribute('data-seq', '57');
});
