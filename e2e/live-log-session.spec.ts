// The live log reaches the run's session on disk once the capture has outgrown the panel ring: the text
// filter finds a frame older than the ring (searched by the engine in the session) and the inspector shows it
// read from disk; "Older" pages in the evicted entries just before the ring's oldest, in order, without gaps.
import { BLANK_MINIAPP, expect, test } from './harness/fixtures';
import { FRAMES_BEYOND_THE_RING, floodThroughMiniapp } from './harness/lab-flood';

test('the live filter finds and inspects a frame older than the ring; Older pages in the evicted entries without gaps', async ({ hostFolder }) => {
  test.setTimeout(300_000);
  await hostFolder.run(['--miniapp', BLANK_MINIAPP], async (driver) => {
    const { panel } = driver;
    const received = await floodThroughMiniapp(driver, FRAMES_BEYOND_THE_RING);
    expect(received).toBe(FRAMES_BEYOND_THE_RING);
    // The panel applies the flood after the page got it: wait until the log holds its end (ring full, the rest dropped).
    // Dropped before the oldest row, plus skipped between rows (their gap rows, docs/behaviour.md#a27-gaps-in-the-live-log).
    const leadingCount = async (selector: string) => Number(/^[\d,]+/.exec((await panel.locator(selector).textContent({ timeout: 1000 }).catch(() => '')) ?? '')?.[0]?.replace(/,/g, '') ?? 0);
    const droppedCount = async () => (await leadingCount('.marker-dropped')) + (await leadingCount('.marker-gaps'));
    await expect.poll(droppedCount, { timeout: 120_000 }).toBeGreaterThanOrEqual(FRAMES_BEYOND_THE_RING - 200_000);
    // The ring's rows plus the gap rows among them, read together: a gap row can still slide out of the ring
    // after the dropped count is reached, so the two are compared in one poll.
    const rowsBeyondGaps = async () => {
      const gapRows = await panel.locator('.marker-gaps').textContent({ timeout: 1000 }).catch(() => null);
      const gaps = Number(/in (\d+) gaps?/.exec(gapRows ?? '')?.[1] ?? 0);
      return Number(await panel.getByRole('grid', { name: 'log rows' }).getAttribute('aria-rowcount')) - gaps;
    };
    await expect.poll(rowsBeyondGaps, { timeout: 15_000 }).toBe(200_000);
    const older = panel.getByRole('region', { name: 'older entries from the session' });
    await expect(older.getByTestId('older-summary')).toContainText("entries the log's memory no longer holds are in the session");

    // Frame 5 ("5:xxxxxxxxxxxxxx") was evicted from the ring long ago; only the session on disk has it.
    await panel.getByLabel('Filter text or regex').fill('^5:x');
    await expect(older.getByTestId('older-summary')).toContainText("1 match the log's memory no longer holds", { timeout: 60_000 });
    const match = older.locator('.log-row');
    await expect(match).toHaveCount(1);
    await expect(match.locator('.c-preview')).toHaveText('5:xxxxxxxxxxxxxx');
    await match.dispatchEvent('mousedown');
    const inspector = panel.getByRole('complementary', { name: 'inspector' });
    await expect(inspector).toContainText('Read from the session on disk');
    await expect(inspector).toContainText('5:xxxxxxxxxxxxxx');
    await driver.screenshot('live-log-older-match');

    // Without a text filter: Older reads the entries just before the ring's oldest, back to back.
    await panel.getByLabel('Filter text or regex').fill('');
    const log = panel.getByRole('grid', { name: 'log rows' });
    // Select a row, then Home: the selection moves to the log's first row, the ring's oldest entry.
    await log.locator('.log-row').last().dispatchEvent('mousedown');
    await log.press('Home');
    await expect(log.locator('.log-row.selected')).toHaveCount(1);
    const oldestHeld = Number(await log.locator('.log-row.selected').getAttribute('data-seq'));
    expect(oldestHeld).toBeGreaterThan(1000);
    const olderRows = older.getByRole('grid', { name: 'older rows' });
    await older.getByRole('button', { name: '◀ Older' }).click();
    await expect(olderRows).toHaveAttribute('aria-rowcount', '500', { timeout: 30_000 });
    await older.getByRole('button', { name: '◀ Older' }).click();
    await expect(olderRows).toHaveAttribute('aria-rowcount', '1000', { timeout: 30_000 });
    // The strip is virtualized: scroll it through and collect every row's seq.
    const seqs = await olderRows.evaluate(async (element) => {
      const seen = new Set<number>();
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      for (let top = 0; top <= element.scrollHeight; top += element.clientHeight) {
        element.scrollTop = top;
        await frame();
        element.querySelectorAll('.log-row').forEach((row) => seen.add(Number(row.getAttribute('data-seq'))));
      }
      return [...seen].sort((a, b) => a - b);
    });
    expect(seqs).toEqual(Array.from({ length: 1000 }, (_, i) => oldestHeld - 1000 + i));
    await expect(older.locator('.log-row').last().locator('.c-preview')).toContainText(':x');
    await driver.screenshot('live-log-older-pages');
  });
});
