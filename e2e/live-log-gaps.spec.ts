// Nothing of the run is out of reach from the live panel (docs/behaviour.md#a27-gaps-in-the-live-log,
// #a28-whole-run-timeline-summary): with a 1 MiB engine capture a flood outruns the panel stream, the log shows
// a gap row where entries were skipped, "Show" reads them back from the session in place and the inspector
// shows one, and under a filter the row says its count is not filtered yet and how many of those read matched; after a flood larger than the panel ring, the timeline's whole-run band still has the code-10
// failure the ring evicted.
import type { Page } from '@playwright/test';
import { BLANK_MINIAPP, expect, test } from './harness/fixtures';
import { FRAMES_BEYOND_THE_RING, floodThroughMiniapp } from './harness/lab-flood';
import { failSendBeforeOpen } from './harness/send-before-open';

async function setTheme(panel: Page, theme: 'light' | 'dark'): Promise<void> {
  await panel.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
}

test('a gap row stands where the stream skipped entries; Show reads them back in place and the inspector shows one', async ({ hostFolder }) => {
  test.setTimeout(240_000);
  await hostFolder.run(['--miniapp', BLANK_MINIAPP, '--capture-mib', '1'], async (driver) => {
    const { panel } = driver;
    expect(await floodThroughMiniapp(driver, 60_000)).toBe(60_000);
    const markers = panel.locator('.log-markers');
    await expect(markers.locator('.marker-gaps')).toContainText('not streamed in', { timeout: 120_000 });
    // From the log's end "Next gap" goes round to the first gap, the one the filter steps below find at the top:
    // click it once the panel holds the run's last entry (a click while the stream still lands can stop at a later gap).
    const lastSeq = (await driver.capture()).at(-1)?.seq;
    await expect.poll(() => panel.evaluate(() => window.__devtoolsTest?.lastSeq), { timeout: 120_000 }).toBe(lastSeq);
    await markers.getByRole('button', { name: 'Next gap ▾' }).click();
    const log = panel.getByRole('grid', { name: 'log rows' });
    const gap = log.locator('.gap-row').first();
    await expect(gap).toBeVisible();
    const gapText = (await gap.locator('.gap-text').textContent()) ?? '';
    const [, unreadText, fromText, toText] = /^([\d,]+) entr(?:y|ies) not streamed \(#(\d+)–#(\d+)\)/.exec(gapText) ?? [];
    const fromSeq = Number(fromText);
    const toSeq = Number(toText);
    expect(Number(unreadText?.replace(/,/g, ''))).toBe(toSeq - fromSeq + 1);
    // The rows around the gap are the entries just before and after it.
    const gapFrom = await gap.getAttribute('data-gap-from');
    expect(Number(gapFrom)).toBe(fromSeq);
    await expect(log.locator(`.log-row[data-seq="${fromSeq - 1}"]`)).toBeVisible();
    await expect(log.locator(`.log-row[data-seq="${toSeq + 1}"]`)).toBeVisible();
    await setTheme(panel, 'light');
    await driver.screenshot('live-log-gap-row-light');

    await gap.getByRole('button', { name: /^Show/ }).click();
    const firstRead = log.locator(`.log-row[data-seq="${fromSeq}"]`);
    await expect(firstRead).toBeVisible({ timeout: 30_000 });
    // The socket's open and the first flood frames were among the skipped entries.
    const readFrame = log.locator(`.log-row[data-seq="${fromSeq + 5}"]`);
    const framePreview = (await readFrame.locator('.c-preview').textContent()) ?? '';
    expect(framePreview).toMatch(/^\d+:x+$/);
    // Read back in order, right after the entry before the gap.
    const shownSeqs = await log.locator('.log-row[data-seq]').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-seq'))));
    const at = shownSeqs.indexOf(fromSeq - 1);
    expect(shownSeqs.slice(at, at + 4)).toEqual([fromSeq - 1, fromSeq, fromSeq + 1, fromSeq + 2]);
    await readFrame.dispatchEvent('mousedown');
    const inspector = panel.getByRole('complementary', { name: 'inspector' });
    await expect(inspector).toContainText('Read from the session on disk');
    await expect(inspector).toContainText(framePreview);
    // The gap row now stands for the rest, 500 rows further down: the next gap from here.
    await markers.getByRole('button', { name: 'Next gap ▾' }).click();
    await expect(log.locator(`.gap-row[data-gap-from="${fromSeq}"] .gap-text`)).toContainText(`not streamed (#${fromSeq + 500}–#${toSeq})`);
    await expect(log.locator(`.log-row[data-seq="${fromSeq + 499}"]`)).toBeVisible();
    await setTheme(panel, 'dark');
    await driver.screenshot('live-log-gap-row-read-dark');

    // Under a filter the row says its count is not filtered yet, and how many of those read matched: exactly
    // the read-back rows the filter shows above it (frames whose index ends in 99).
    await panel.getByRole('searchbox', { name: 'Filter text or regex' }).fill('99:');
    const rest = log.locator(`.gap-row[data-gap-from="${fromSeq}"] .gap-text`);
    // The first gap: a few filtered rows from the top.
    await log.hover();
    await panel.mouse.wheel(0, -1e7);
    await expect(markers.locator('.marker-gaps')).toContainText('(filter not applied yet)');
    await expect(rest).toContainText(`not streamed (#${fromSeq + 500}–#${toSeq}), filter not applied yet · `);
    // The filter runs over the rows in slices: the rows shown and the row's count are read together until they agree.
    const readMatches = async () =>
      (await log.locator('.log-row[data-seq]').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-seq'))))).filter((seq) => seq >= fromSeq && seq < fromSeq + 1000).length;
    const settledMatches = async (read: string) => {
      let shown = 0;
      const message = `"· N of ${read} read matched" with N the read-back rows the filter shows`;
      await expect
        .poll(async () => {
          shown = await readMatches();
          const said = new RegExp(`· (\\d+) of ${read} read matched`).exec((await rest.textContent()) ?? '')?.[1];
          return Number(said) - shown;
        }, { message, timeout: 30_000 })
        .toBe(0);
      return shown;
    };
    const matched = await settledMatches('500');
    expect(matched).toBeGreaterThan(0);
    await log.locator(`.gap-row[data-gap-from="${fromSeq}"]`).getByRole('button', { name: /^Show/ }).click();
    await expect(rest).toContainText('of 1,000 read matched', { timeout: 30_000 });
    expect(await settledMatches('1,000')).toBeGreaterThan(matched);
    await setTheme(panel, 'light');
    await driver.screenshot('live-log-gap-row-filtered-light');
  });
});

test('the timeline keeps a code-10 failure the panel ring evicted, in its whole-run band', async ({ hostFolder }) => {
  test.setTimeout(300_000);
  await hostFolder.run(['--miniapp', BLANK_MINIAPP], async (driver) => {
    const { panel } = driver;
    expect(await failSendBeforeOpen(driver)).toBe(10);
    const log = panel.getByRole('grid', { name: 'log rows' });
    const failedSeq = Number(await log.locator('.log-row.failed').first().getAttribute('data-seq'));
    expect(await floodThroughMiniapp(driver, FRAMES_BEYOND_THE_RING)).toBe(FRAMES_BEYOND_THE_RING);
    await expect(log).toHaveAttribute('aria-rowcount', '200000', { timeout: 120_000 });
    await expect(log.locator(`.log-row[data-seq="${failedSeq}"]`)).toHaveCount(0);
    await log.locator('.log-row').last().dispatchEvent('mousedown');
    await log.press('Home');
    await expect(log.locator('.log-row.selected')).toHaveCount(1);
    expect(Number(await log.locator('.log-row.selected').getAttribute('data-seq'))).toBeGreaterThan(failedSeq);
    await expect(panel.getByTestId('run-summary')).toContainText('errors code 10 ×1', { timeout: 10_000 });
    await expect(panel.getByTestId('run-summary')).toContainText('230,000 frames in');
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(panel, theme);
      await panel.getByRole('region', { name: 'Error-code timeline', exact: true }).screenshot({ path: `e2e/screenshots/timeline-whole-run-${theme}.png` });
    }
  });
});
