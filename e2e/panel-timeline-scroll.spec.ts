// The timeline at 1280×800 (docs/behaviour.md#panel-layout) in real Chromium: its lanes never make the page
// scroll sideways; zoomed in, the timeline scrolls sideways inside its own pane, its scrollbar moves the
// visible window (not the page), and Fit all brings everything back into the pane.
import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';

/** Whether the page itself can scroll sideways. */
const pageScrollsSideways = (panel: Page) => panel.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) > window.innerWidth);

/** The timeline pane's own scroller: how wide its content is against what it shows, and where it is. */
const timelineScroll = (panel: Page) =>
  panel.getByTestId('timeline-scroll').evaluate((element) => ({ scrollWidth: element.scrollWidth, clientWidth: element.clientWidth, scrollLeft: element.scrollLeft }));

/**
 * Waits until the page has drawn `count` animation frames: the timeline draws in frames, and a loaded machine draws
 * fewer of them in a given time, so a fixed wall-clock wait could end before any drawing ran.
 */
const animationFrames = (panel: Page, count: number) =>
  panel.evaluate(
    (frames) =>
      new Promise<void>((resolve) => {
        let left = frames;
        const next = () => (--left <= 0 ? resolve() : requestAnimationFrame(next));
        requestAnimationFrame(next);
      }),
    count,
  );

test('at 1280×800 the timeline scrolls and zooms inside its pane, never the page', async ({ driver }) => {
  const { panel } = driver;
  await panel.setViewportSize({ width: 1280, height: 800 });
  await expect(panel.locator('.log-row.type-text').first()).toBeVisible({ timeout: 30_000 });
  const timeline = panel.getByRole('region', { name: 'Error-code timeline', exact: true });
  const fitAll = timeline.getByRole('button', { name: 'Fit all' });
  await expect(fitAll).toHaveAttribute('aria-pressed', 'true');
  // Every view button is whole in the narrow pane.
  for (const name of ['Zoom in', 'Zoom out', 'Pan to earlier', 'Pan to later', 'Fit all', 'Follow live']) {
    const button = timeline.getByRole('button', { name, exact: true });
    const [box, pane] = [await button.boundingBox(), await panel.getByTestId('timeline-scroll').boundingBox()];
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual((pane?.x ?? 0) + (pane?.width ?? 0));
  }
  expect(await pageScrollsSideways(panel)).toBe(false);
  // The narrow pane's gutter cuts the lane's URL: hovering the label shows it whole (the demo's first lane is
  // its login my.request).
  const canvas = timeline.getByRole('img');
  const canvasBox = await canvas.boundingBox();
  if (!canvasBox) throw new Error('no timeline canvas');
  await panel.mouse.move(canvasBox.x + 20, canvasBox.y + 24 + 20);
  await expect(canvas).toHaveAttribute('title', /^h1 · app-\d+\nhttp:\/\/127\.0\.0\.1:\d+\/token\nClick: show its messages$/);
  const fitted = await timelineScroll(panel);
  expect(fitted.scrollWidth).toBeLessThanOrEqual(fitted.clientWidth);

  for (let step = 0; step < 3; step += 1) await timeline.getByRole('button', { name: 'Zoom in', exact: true }).click();
  await expect.poll(async () => (await timelineScroll(panel)).scrollWidth).toBeGreaterThan(fitted.clientWidth * 3);
  expect(await pageScrollsSideways(panel)).toBe(false);
  await driver.screenshot('panel-timeline-zoomed-1280');

  // The pane's scrollbar moves the window: scrolled to the start it stays there (the view follows the bar).
  await panel.getByTestId('timeline-scroll').evaluate((element) => element.scrollTo({ left: 0 }));
  await expect(fitAll).toHaveAttribute('aria-pressed', 'false');
  await animationFrames(panel, 10); // the scroll event and the drawings after it must not yank the bar back
  expect((await timelineScroll(panel)).scrollLeft).toBe(0);
  const end = await panel.getByTestId('timeline-scroll').evaluate((element) => {
    element.scrollTo({ left: element.scrollWidth });
    return element.scrollLeft;
  });
  await animationFrames(panel, 10);
  expect((await timelineScroll(panel)).scrollLeft).toBeGreaterThanOrEqual(end - 1);
  expect(await pageScrollsSideways(panel)).toBe(false);

  await fitAll.click();
  await expect.poll(async () => {
    const now = await timelineScroll(panel);
    return now.scrollWidth <= now.clientWidth;
  }).toBe(true);
  expect(await pageScrollsSideways(panel)).toBe(false);
});
