// A lab flood of 100,000 frames at 20,000 frames/s (5 s) opened by the mini-app's own `my` as a
// SocketTask: the panel ends with every entry the engine captured, in seq order, the flood frames in
// their sequence order, with far fewer store updates than entries, a bounded number of DOM rows, and it
// still answers clicks (pause, resume, selection) while the frames pour in.
import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { inMiniapp } from './harness/miniapp-eval';

const FRAMES = 100_000;
const RATE = 20_000;

interface HookSnapshot {
  applied: number;
  version: number;
  rafFlushes: number;
  ringSize: number;
  firstSeq: number | null;
  lastSeq: number | null;
}

const hook = (panel: Page) =>
  panel.evaluate((): HookSnapshot => {
    const test = window.__devtoolsTest;
    if (!test) throw new Error('the panel test hook is not installed');
    return { applied: test.applied, version: test.version, rafFlushes: test.rafFlushes, ringSize: test.ringSize, firstSeq: test.firstSeq, lastSeq: test.lastSeq };
  });

test('a 20,000 frames/s flood for 5 s ends with the log complete and in order, and the panel answering', async ({ driver }) => {
  test.setTimeout(240_000);
  const { panel } = driver;
  const miniapp = await driver.miniapp();
  const floodEndpoint = (await driver.lab()).find((endpoint) => endpoint.name === 'flood');
  expect(floodEndpoint).toBeDefined();
  const url = new URL(floodEndpoint?.url ?? '');
  url.search = new URLSearchParams({ count: String(FRAMES), size: '32', rate: String(RATE), close: '1' }).toString();

  const start = await hook(panel);
  await inMiniapp(
    miniapp,
    (my, arg) => {
      const state = { messages: 0, closed: false };
      (window as unknown as { __flood: typeof state }).__flood = state;
      const task = my.connectSocket({ url: arg.url, multiple: true });
      task.onMessage(() => {
        state.messages += 1;
      });
      task.onClose(() => {
        state.closed = true;
      });
    },
    { url: url.toString() },
  );

  // While the flood runs the panel answers: pause, select a row, resume.
  const logRows = panel.locator('.log-row');
  await expect.poll(async () => (await hook(panel)).applied - start.applied, { timeout: 60_000 }).toBeGreaterThan(2_000);
  // The log follows the flood: scrolled to its bottom, where the newest rendered row sits (renderer/frame-log/follow-scroll.ts).
  await expect
    .poll(() =>
      panel.evaluate(() => {
        const grid = document.querySelector<HTMLElement>('.log-scroll');
        const newest = Array.from(grid?.querySelectorAll<HTMLElement>('.log-row') ?? []).at(-1);
        if (!grid || !newest || document.querySelector('.jump-latest')) return false;
        return grid.scrollTop + grid.clientHeight >= grid.scrollHeight - 1 && Math.abs(newest.getBoundingClientRect().bottom - grid.getBoundingClientRect().bottom) <= 1;
      }),
    )
    .toBe(true);
  await panel.getByRole('button', { name: /Pause/ }).click();
  await expect(panel.getByText(/Paused/).first()).toBeVisible({ timeout: 10_000 });
  await logRows.last().click();
  await expect(panel.getByRole('complementary', { name: 'inspector' }).locator('.inspector-header')).toBeVisible({ timeout: 10_000 });
  await driver.screenshot('panel-core-flood-paused');
  await panel.getByRole('toolbar', { name: 'capture' }).getByRole('button', { name: /Resume/ }).click();
  await expect(panel.getByRole('button', { name: /Pause/ })).toBeVisible({ timeout: 10_000 });

  await expect
    .poll(() => miniapp.evaluate(() => (window as unknown as { __flood: { messages: number; closed: boolean } }).__flood), { timeout: 180_000, intervals: [1000] })
    .toEqual({ messages: FRAMES, closed: true });

  const engine = await driver.capture();
  const engineLastSeq = engine[engine.length - 1]?.seq ?? -1;
  // The demo's ticker keeps logging after this snapshot, and the app may finish well before the panel
  // stream does: wait until the panel holds everything up to the snapshot's last entry.
  await expect.poll(async () => (await hook(panel)).lastSeq ?? -1, { timeout: 60_000 }).toBeGreaterThanOrEqual(engineLastSeq);
  const end = await hook(panel);
  expect(await panel.evaluate(() => window.__devtoolsTest?.ascending())).toBe(true);
  expect(end.firstSeq).toBe(engine[0]?.seq);
  expect(end.ringSize).toBeGreaterThanOrEqual(engine.length);

  // The flood's frames, in the panel, carry their sequence numbers 0..FRAMES-1 in order.
  const floodConnection = engine.find((entry) => entry.kind === 'frame' && entry.direction === 'in' && entry.payload?.startsWith('0:'))?.connectionId;
  expect(floodConnection).toBeTruthy();
  const numbers = await panel.evaluate(
    ({ connectionId, size }) =>
      (window.__devtoolsTest?.slice(0, size) ?? [])
        .filter((entry) => entry.connectionId === connectionId && entry.kind === 'frame' && entry.direction === 'in' && entry.payload !== undefined && /^\d+:/.test(entry.payload))
        .map((entry) => Number(entry.payload?.split(':')[0])),
    { connectionId: floodConnection ?? '', size: end.ringSize },
  );
  expect(numbers.length).toBe(FRAMES);
  expect(numbers.every((value, index) => value === index)).toBe(true);

  test.info().annotations.push({
    type: 'flood',
    description: `${end.applied - start.applied} entries applied in ${end.rafFlushes - start.rafFlushes} store updates (version +${end.version - start.version}); ring ${end.ringSize}`,
  });
  // Batching did its job: many entries per store update, never more updates than animation-frame flushes.
  expect(end.applied - start.applied).toBeGreaterThanOrEqual(FRAMES);
  expect(end.rafFlushes - start.rafFlushes).toBeLessThan((end.applied - start.applied) / 20);
  expect(end.version - start.version).toBeLessThanOrEqual(end.rafFlushes - start.rafFlushes + 2);
  expect(await logRows.count()).toBeLessThan(120);

  // The log's own filter agrees: exactly FRAMES incoming text frames on the flood connection.
  await panel.getByRole('combobox', { name: 'Connection' }).selectOption(floodConnection ?? '');
  const types = panel.getByRole('group', { name: 'Type', exact: true });
  await types.getByRole('button', { name: 'text' }).dblclick();
  await panel.getByRole('group', { name: 'Direction' }).getByRole('button', { name: '↑ out' }).click();
  await panel.getByRole('group', { name: 'Direction' }).getByRole('button', { name: '• other' }).click();
  await expect.poll(async () => Number(await panel.getByRole('grid', { name: 'log rows' }).getAttribute('aria-rowcount'))).toBe(FRAMES);
  await panel.getByRole('grid', { name: 'log rows' }).press('End');
  await expect(panel.locator('.log-row.selected .c-preview')).toHaveText(new RegExp(`^${FRAMES - 1}:x+$`));
  await driver.screenshot('panel-core-flood-done');
});
