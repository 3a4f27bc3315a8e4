// Lose nothing: a flood larger than the capture ring, then the host restarts on the same sessions folder.
// The panel lists the previous run as a saved session, opens it read-only in the whole panel, and its
// JSONL download holds every frame of the flood in order — including those the ring evicted.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BLANK_MINIAPP, expect, test } from './harness/fixtures';
import { FRAMES_BEYOND_THE_RING, floodThroughMiniapp } from './harness/lab-flood';
import { inMiniapp } from './harness/miniapp-eval';

/** How often `text` (as UTF-8, the way the session file stores strings) occurs in the sessions' entry files under `dir`. */
function timesOnDisk(dir: string, text: string): number {
  const needle = Buffer.from(text, 'utf8');
  let times = 0;
  for (const session of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, session.name, 'entries.bin');
    if (!session.isDirectory() || !existsSync(file)) continue;
    const bytes = readFileSync(file);
    for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + needle.length)) times += 1;
  }
  return times;
}

test('a flood beyond the ring is saved whole; after a restart the panel lists, opens and exports it', async ({ hostFolder }) => {
  test.setTimeout(300_000);
  await hostFolder.run(['--miniapp', BLANK_MINIAPP], async (driver) => {
    const received = await floodThroughMiniapp(driver, FRAMES_BEYOND_THE_RING);
    expect(received).toBe(FRAMES_BEYOND_THE_RING);
  });

  await hostFolder.run(['--miniapp', BLANK_MINIAPP], async (driver) => {
    const { panel } = driver;
    await panel.getByText('Saved sessions', { exact: true }).click();
    const rows = panel.getByTestId('session-row');
    await expect(rows).toHaveCount(2);
    // Newest first: this run, then the flood's run.
    await expect(rows.first()).toContainText('this run');
    const previous = rows.nth(1);
    const entriesText = (await previous.getByTestId('session-entries').textContent()) ?? '';
    const entries = Number(entriesText.replace(/[^0-9]/g, ''));
    expect(entries).toBeGreaterThan(FRAMES_BEYOND_THE_RING);
    await expect(previous).not.toContainText('recovered');
    await previous.scrollIntoViewIfNeeded();
    await driver.screenshot('sessions-list');

    await previous.getByRole('button', { name: 'Open' }).click();
    await expect(panel.getByText('Offline view')).toBeVisible({ timeout: 60_000 });
    await panel.getByRole('button', { name: /import note/ }).click();
    const total = entries.toLocaleString('en-US');
    await expect(panel.locator('.import-banner')).toContainText(`showing entries ${(entries - 200_000 + 1).toLocaleString('en-US')}–${total} of ${total}`);
    await driver.screenshot('sessions-open');
    // The older entries, evicted from both rings in the flood's run, are one window away.
    await previous.getByRole('button', { name: '◀ Older' }).click();
    await expect(panel.locator('.import-banner')).toContainText(`showing entries 1–200,000 of ${total}`, { timeout: 60_000 });
    await expect(previous.getByRole('button', { name: '◀ Older' })).toBeDisabled();
    // The filter runs over the window: the flood's first frame (only it has 14 x after "0:") is there.
    await panel.getByLabel('Filter text or regex').fill('0:xxxxxxxxxxxxxx');
    await expect(panel.locator('.log-row').filter({ hasText: '0:xxxxxxxxxxxxxx' })).toHaveCount(1, { timeout: 30_000 });
    await driver.screenshot('sessions-older');

    const download = panel.waitForEvent('download', { timeout: 120_000 });
    await previous.getByRole('button', { name: '⇩ JSONL' }).click();
    const file = await (await download).path();
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(entries);
    const frames = lines.map((line) => JSON.parse(line) as { kind: string; name: string; direction: string; payload?: string }).filter((entry) => entry.kind === 'frame' && entry.name === 'text' && entry.direction === 'in');
    expect(frames).toHaveLength(FRAMES_BEYOND_THE_RING);
    const outOfOrder = frames.findIndex((entry, i) => !entry.payload?.startsWith(`${i}:`));
    expect(outOfOrder).toBe(-1);
  });
});

test('a run killed with SIGKILL is listed as recovered after the restart, with what it saved', async ({ hostFolder }) => {
  test.setTimeout(120_000);
  const { host: crashed, driver } = await hostFolder.open(['--miniapp', BLANK_MINIAPP]);
  const echo = (await driver.lab()).find((endpoint) => endpoint.name === 'echo')?.url ?? '';
  await inMiniapp(
    await driver.miniapp(),
    (my, arg) =>
      new Promise<void>((resolve) => {
        const task = my.connectSocket({ url: arg.url, multiple: true });
        task.onOpen(() => task.send({ data: 'before the crash' }));
        task.onMessage(() => resolve());
      }),
    { url: echo },
  );
  // The writer flushes every 250 ms, later on a loaded machine: kill once the call, the frame and its echo are on disk.
  await expect.poll(() => timesOnDisk(hostFolder.dir, 'before the crash')).toBeGreaterThanOrEqual(3);
  await crashed.kill();
  await driver.close();

  await hostFolder.run(['--miniapp', BLANK_MINIAPP], async (restarted) => {
    const { panel } = restarted;
    await panel.getByText('Saved sessions', { exact: true }).click();
    const previous = panel.getByTestId('session-row').nth(1);
    await expect(previous).toContainText('recovered');
    // The recovery is also a warning in Problems.
    await expect(panel.getByText(/Saved sessions: something happened/).first()).toBeVisible();
    await previous.scrollIntoViewIfNeeded();
    await restarted.screenshot('sessions-recovered');
    await previous.getByRole('button', { name: 'Open' }).click();
    await expect(panel.getByText('Offline view')).toBeVisible({ timeout: 30_000 });
    await expect(panel.locator('.import-banner')).toContainText('(recovered)');
    // The send call, the frame sent and its echo.
    await expect(panel.locator('.log-row').filter({ hasText: 'before the crash' })).toHaveCount(3);
  });
});
