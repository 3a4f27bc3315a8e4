// Find over a big imported capture in the real panel (docs/behaviour.md#panel-find): 150,000 binary frames
// (matched as UTF-8, the slowest case) are scanned in slices; the count is exact, the panel answers input
// while it runs, and no task blocks it for long.
import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { CaptureEntry } from '../shared/capture';
import { captureToJsonl } from '../shared/jsonl';
import { expect, test } from './harness/fixtures';

const ENTRIES = 150_000;
const rowCount = async (panel: Page) => Number(await panel.getByRole('grid', { name: 'log rows' }).getAttribute('aria-rowcount'));

function binaryFrame(seq: number): CaptureEntry {
  const text = seq % 50 === 7 ? `order #${seq} needle-${seq}` : `tick #${seq} price ${(seq % 997) / 10}`;
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

test('Find over 150,000 binary frames counts every match without a long task', async ({ driver }, testInfo) => {
  test.setTimeout(180_000);
  const { panel } = driver;
  const file = testInfo.outputPath('big.jsonl');
  await writeFile(file, captureToJsonl(Array.from({ length: ENTRIES }, (_, seq) => binaryFrame(seq))));
  await panel.getByTestId('import-file').setInputFiles(file);
  await expect.poll(() => rowCount(panel), { timeout: 90_000 }).toBe(ENTRIES);

  await panel.evaluate(() => {
    const longest = { ms: 0 };
    Object.assign(window, { longestTask: longest });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longest.ms = Math.max(longest.ms, entry.duration);
    }).observe({ type: 'longtask' });
  });
  await panel.getByRole('grid', { name: 'log rows' }).focus();
  await panel.keyboard.press('Control+f');
  await panel.getByRole('searchbox', { name: 'Find in payloads' }).fill('NEEDLE');
  await expect(panel.getByRole('status', { name: 'matches' })).toHaveText(`0 / ${ENTRIES / 50}`, { timeout: 90_000 });
  await panel.keyboard.press('Shift+Enter');
  await expect(panel.getByRole('status', { name: 'matches' })).toHaveText(`${ENTRIES / 50} / ${ENTRIES / 50}`);
  await expect(panel.locator('.log-row.selected')).toHaveAttribute('data-seq', String(ENTRIES - 50 + 7));
  const longest = await panel.evaluate(() => (window as unknown as { longestTask: { ms: number } }).longestTask.ms);
  testInfo.annotations.push({ type: 'longest task during find (ms)', description: longest.toFixed(0) });
  // Slices are 8 ms; the bound leaves room for a shared CI machine, far below a frozen panel.
  expect(longest).toBeLessThan(250);
});
