// The error-code timeline, the problems list and the connection controls on the real browser host:
// error 7 reproduced from the demo mini-app is found as a marker on the timeline, its tooltip carries the
// seed text, the remedy and the raw cause, and clicking it selects its log entry; a message sent from the
// panel's composer comes back as an echo in the log.
import type { Locator, Page } from '@playwright/test';
import type { CaptureEntry } from '../shared/capture';
import { socketError } from '../shared/error-codes';
import { pauseDemoTicker } from './harness/demo-ticker';
import { expect, test } from './harness/fixtures';
import type { HostDriver } from './harness/host-driver';

/** Geometry of the timeline canvas at 1440 px (renderer/timeline: TIMELINE_GUTTER, DEFAULT_LAYOUT_OPTIONS, MARKER_Y). */
const GUTTER = 190;
const AXIS_HEIGHT = 24;
const LANE_HEIGHT = 44;
const MARKER_Y = 15;
const SCAN_STEP_PX = 5;

/** The newest entry matching `predicate` with a seq above `after` (the host is shared by the specs). */
async function waitForEntry(driver: HostDriver, after: number, predicate: (entry: CaptureEntry) => boolean, what: string): Promise<CaptureEntry> {
  let found: CaptureEntry | undefined;
  await expect
    .poll(async () => {
      found = (await driver.capture()).find((entry) => entry.seq > after && predicate(entry));
      return found !== undefined;
    }, { message: what, timeout: 30_000 })
    .toBe(true);
  if (!found) throw new Error(what);
  return found;
}

const lastSeq = async (driver: HostDriver) => (await driver.capture()).at(-1)?.seq ?? -1;

/**
 * Moves the pointer along every lane's marker line until the timeline's tooltip shows `text`, and returns
 * the middle of the stretch where it does (the marker's centre). This is how a user finds a marker, and
 * it needs no test hook in the panel.
 */
async function hoverMarker(page: Page, canvas: Locator, text: string): Promise<{ x: number; y: number }> {
  const scroller = canvas.locator('xpath=..');
  const firstBox = await canvas.boundingBox();
  if (!firstBox) throw new Error('the timeline canvas is not visible');
  const lanes = Math.round((firstBox.height - AXIS_HEIGHT) / LANE_HEIGHT);
  for (let lane = 0; lane < lanes; lane += 1) {
    // Scroll the lane into the timeline's view, as a user would with the scrollbar.
    const laneTop = AXIS_HEIGHT + lane * LANE_HEIGHT;
    await scroller.evaluate((element, top) => {
      if (top < element.scrollTop || top + 44 > element.scrollTop + element.clientHeight) element.scrollTop = top - 24;
    }, laneTop);
    const box = await canvas.boundingBox();
    if (!box) throw new Error('the timeline canvas is not visible');
    const found = await scanLine(page, text, box.y + laneTop + MARKER_Y, box.x + GUTTER + 2, box.x + box.width);
    if (found) return found;
  }
  throw new Error(`no timeline marker showed "${text}" in ${lanes} lanes`);
}

/** Scans one marker line from `fromX` to `toX`; returns the centre of the stretch showing `text`. */
async function scanLine(page: Page, text: string, y: number, fromX: number, toX: number): Promise<{ x: number; y: number } | null> {
  const tooltip = page.locator('.msd-timeline__tooltip');
  const showsText = async (x: number) => {
    await page.mouse.move(x, y);
    return (await tooltip.count()) > 0 && ((await tooltip.textContent()) ?? '').includes(text);
  };
  for (let x = fromX; x < toX; x += SCAN_STEP_PX) {
    if (!(await showsText(x))) continue;
    let last = x;
    while (last + 1 < toX && (await showsText(last + 1))) last += 1;
    const centre = { x: (x + last) / 2, y };
    await page.mouse.move(centre.x, centre.y);
    return centre;
  }
  return null;
}

test('error 7 from the demo: marker on the timeline with seed text, remedy and cause; a click selects its log entry', async ({ driver }) => {
  // Finding a marker by pointing costs a pointer move per few pixels of every lane.
  test.setTimeout(180_000);
  const { panel } = driver;
  const miniapp = await driver.miniapp();
  // Ticks every 2 s would keep adding markers next to the one the pointer follows through the zoom.
  await pauseDemoTicker(driver, miniapp);
  const before = await lastSeq(driver);
  await miniapp.getByRole('button', { name: 'Reproduce 7' }).click();
  const error = await waitForEntry(driver, before, (entry) => entry.kind === 'error' && entry.errorCode === 7, 'the error 7 event in the capture');
  expect(error.cause).toBeTruthy();

  const problem = panel.locator(`#msd-problem-${error.seq}`);
  await expect(problem).toContainText('Error 7');
  const marker = `#${error.seq} ·`;

  await panel.getByRole('button', { name: 'Fit all' }).click();
  const canvas = panel.locator('.msd-timeline__canvas');
  await canvas.scrollIntoViewIfNeeded();
  // Zoom in around the error with the wheel until it stands apart from the calls and the close next to
  // it. The wheel keeps the time under the pointer in place, so the marker stays close to the pointer.
  const tooltip = panel.locator('.msd-timeline__tooltip');
  let zoomed = await hoverMarker(panel, canvas, marker);
  for (let step = 0; step < 3; step += 1) {
    await panel.mouse.wheel(0, -500);
    await expect(tooltip).toHaveCount(0);
    const near = await scanLine(panel, marker, zoomed.y, zoomed.x - 40, zoomed.x + 40);
    if (!near) throw new Error(`zoom step ${step + 1} moved the marker away from the pointer`);
    zoomed = near;
  }
  await expect(panel.getByRole('button', { name: 'Fit all' })).toHaveAttribute('aria-pressed', 'false');

  await expect(tooltip).toContainText(socketError(7).description);
  await expect(tooltip).toContainText(socketError(7).solution.slice(0, 80));
  await expect(tooltip).toContainText(error.cause ?? '');
  await expect(tooltip).toContainText(`#${error.seq}`);
  await driver.screenshot('panel-timeline-error-7-tooltip');

  await panel.mouse.click(zoomed.x, zoomed.y);
  await expect(panel.locator(`[role="row"][aria-selected="true"]`)).toHaveAttribute('data-seq', String(error.seq));
  await expect(problem).toHaveAttribute('aria-selected', 'true');
  const details = panel.getByRole('complementary').filter({ hasText: 'Remedy' });
  await expect(details).toContainText(socketError(7).solution.slice(0, 80));
  await panel.mouse.move(zoomed.x, zoomed.y + 400);
  await driver.screenshot('panel-timeline-error-7-selected');
});

test('a message sent from the composer comes back as an echo in the log', async ({ driver }) => {
  const { panel } = driver;
  const before = await lastSeq(driver);
  const echo = (await driver.lab()).find((endpoint) => endpoint.name === 'echo');
  expect(echo).toBeDefined();
  const controls = panel.locator('.msd-controls');
  await expect(controls.getByRole('combobox', { name: 'url' })).toHaveValue(echo?.url ?? '');
  await controls.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(controls.locator('.msd-panel-connection').filter({ hasText: 'single' })).toContainText('open');

  const text = `composer says hi ${Date.now()}`;
  await controls.getByRole('textbox', { name: 'Message', exact: true }).fill(text);
  await controls.getByRole('button', { name: 'Send', exact: true }).click();
  const rows = panel.locator('[role="row"]').filter({ hasText: text });
  await expect(rows.filter({ has: panel.getByRole('gridcell', { name: 'out', exact: true }) })).toHaveCount(1);
  await expect(rows.filter({ has: panel.getByRole('gridcell', { name: 'in', exact: true }) })).toHaveCount(1);
  await expect(controls.getByRole('list', { name: "Results of the panel's calls" })).toContainText('success');

  await controls.getByRole('group', { name: 'Message type', exact: true }).getByRole('button', { name: 'Hex' }).click();
  await controls.getByRole('textbox', { name: 'Message', exact: true }).fill('de ad be ef');
  await controls.getByRole('button', { name: 'Send', exact: true }).click();
  const binary = await waitForEntry(driver, before, (entry) => entry.kind === 'frame' && entry.direction === 'in' && entry.clientId === 'panel' && entry.payload === '3q2+7w==', 'the binary echo');
  expect(binary.binary).toBe(true);

  const frames = (await driver.capture()).filter((entry) => entry.clientId === 'panel' && entry.kind === 'frame' && entry.payload === text);
  expect(frames.map((frame) => frame.direction)).toEqual(['out', 'in']);
  await driver.screenshot('panel-timeline-composer-echo');
});
