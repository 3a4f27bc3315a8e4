// Debugging in Chromium on the browser host (docs/debugging.md): a breakpoint holds a frame on its way to
// the mini-app and the inspector edits and forwards it; a map-remote rule sends the app's production URL to
// the lab; the Offline preset ends the app's socket and shows on the timeline. Screenshots are kept.
import type { Frame, Locator, Page } from '@playwright/test';
import { BLANK_MINIAPP, expect, test } from './harness/fixtures';
import { labUrl } from './harness/lab-endpoint';
import { inMiniapp } from './harness/miniapp-eval';
import { textContrast } from './harness/theme-audit';

test.use({ miniappFolder: BLANK_MINIAPP });

/** A SocketTask in the mini-app that records its events on window.__steps; sends `sends` once open. */
function connectInMiniapp(miniapp: Frame, url: string, sends: string[]): Promise<void> {
  return inMiniapp(
    miniapp,
    (my, a) => {
      const steps: string[] = [];
      (window as unknown as { __steps: string[] }).__steps = steps;
      const task = my.connectSocket({ url: a.url, multiple: true, fail: (result) => steps.push(`fail:${result.error}`) });
      task.onOpen(() => {
        steps.push('open');
        for (const data of a.sends) task.send({ data });
      });
      task.onMessage((message) => steps.push(`message:${String(message.data)}`));
      task.onError((error) => steps.push(`error:${error.error}`));
      task.onClose(() => steps.push('close'));
    },
    { url, sends },
  );
}

const stepsOf = (miniapp: Frame) => miniapp.evaluate(() => (window as unknown as { __steps?: string[] }).__steps ?? []);

async function openDebugging(panel: Page) {
  const section = panel.locator('details.side-section', { has: panel.locator('summary', { hasText: 'Debugging' }) });
  await section.locator('summary').click();
  return section;
}

test('a breakpoint holds an incoming frame; the inspector edits it as JSON and forwards it; the frame behind it follows in order', async ({ driver }) => {
  const { panel } = driver;
  const miniapp = await driver.miniapp();
  const echo = labUrl(await driver.lab(), 'echo');
  const debugging = await openDebugging(panel);
  await debugging.getByRole('button', { name: 'Add breakpoint' }).click();
  await debugging.getByRole('textbox', { name: 'payload contains' }).fill('price');
  // A new rule starts switched off, so its placeholder match holds nothing while it is set up.
  await debugging.getByRole('checkbox', { name: 'enable bp1' }).click();
  await expect(debugging.getByRole('checkbox', { name: 'enable bp1' })).toBeChecked();

  await connectInMiniapp(miniapp, echo, ['{"type":"price","value":1}', 'after']);
  const bar = panel.getByRole('status', { name: 'paused frames' });
  await expect(bar).toContainText('held by bp1');
  await expect(bar).toContainText('+1 waiting');
  await expect.poll(() => stepsOf(miniapp)).toEqual(['open']);

  await bar.getByRole('button').first().click();
  const inspector = panel.getByRole('complementary', { name: 'inspector' });
  const editor = inspector.getByRole('textbox', { name: 'paused frame payload' });
  await expect(editor).toHaveValue('{\n  "type": "price",\n  "value": 1\n}');
  await editor.fill('{\n  "type": "price",\n  "value": 42\n}');
  await driver.screenshot('debug-paused-frame');
  await inspector.getByRole('button', { name: 'Forward', exact: true }).click();

  await expect.poll(() => stepsOf(miniapp)).toEqual(['open', 'message:{\n  "type": "price",\n  "value": 42\n}', 'message:after']);
  await expect(bar).toHaveCount(0);
  const forwarded = (await driver.capture()).find((entry) => entry.name === 'breakpoint-forwarded');
  expect(forwarded?.detail).toMatchObject({ edited: true, ruleId: 'bp1' });
});

test('map remote: the app connects to its production URL, the engine dials the lab echo; the inspector shows both URLs', async ({ driver }) => {
  const { panel } = driver;
  const miniapp = await driver.miniapp();
  const echo = labUrl(await driver.lab(), 'echo');
  const debugging = await openDebugging(panel);
  await debugging.getByRole('textbox', { name: 'map from' }).fill('wss://api.example.com/chat');
  await debugging.getByRole('textbox', { name: 'map to' }).fill(echo);
  await debugging.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(debugging.locator('[data-rule="map1"]')).toContainText('wss://api.example.com/chat');

  await connectInMiniapp(miniapp, 'wss://api.example.com/chat', ['hello through the map']);
  await expect.poll(() => stepsOf(miniapp)).toEqual(['open', 'message:hello through the map']);
  const state = await driver.engineState((s) => s.connections.some((c) => c.dialedUrl !== undefined));
  const mapped = state.connections.find((c) => c.dialedUrl !== undefined);
  expect(mapped).toMatchObject({ url: 'wss://api.example.com/chat', dialedUrl: echo });

  await panel.locator('.log-row', { hasText: 'hello through the map' }).first().click();
  const inspector = panel.getByRole('complementary', { name: 'inspector' });
  await expect(inspector.locator('.mapped-url')).toContainText(`the engine dialled ${echo}`);
  await driver.screenshot('debug-mapped-connection');
  const har = JSON.parse(await driver.captureHar()) as { log: { entries: { request: { url: string }; _dialedUrl?: string }[] } };
  expect(har.log.entries.find((entry) => entry._dialedUrl === echo)?.request.url).toBe('wss://api.example.com/chat');
});

test('offline: the open socket ends with error 1 and close, a new connect fails the same way, and the timeline shows the network change', async ({ driver }) => {
  const { panel } = driver;
  const miniapp = await driver.miniapp();
  const echo = labUrl(await driver.lab(), 'echo');
  await connectInMiniapp(miniapp, echo, ['before offline']);
  await expect.poll(() => stepsOf(miniapp)).toEqual(['open', 'message:before offline']);

  const debugging = await openDebugging(panel);
  await debugging.getByRole('combobox', { name: 'All connections preset' }).selectOption('offline');
  await expect.poll(() => stepsOf(miniapp)).toEqual(['open', 'message:before offline', 'error:1', 'close']);
  await connectInMiniapp(miniapp, echo, []);
  await expect.poll(() => stepsOf(miniapp)).toEqual(['error:1', 'close']);
  expect(await inMiniapp(miniapp, (my) => my.getNetworkType(), null)).toEqual({ networkAvailable: false, networkType: 'NOTREACHABLE' });
  const drops = (await driver.capture()).filter((entry) => entry.name === 'network-drop');
  expect(drops.map((entry) => entry.detail?.why)).toEqual(['the network went offline']);

  await expect(panel.locator('.msd-timeline__canvas')).toBeVisible();
  await driver.screenshot('debug-offline-timeline');
});

test('a rule that is off reads as off next to one that is on, in light and dark', async ({ driver }) => {
  const { panel } = driver;
  const debugging = await openDebugging(panel);
  await debugging.getByRole('button', { name: 'Add breakpoint' }).click();
  await debugging.getByRole('button', { name: 'Add breakpoint' }).click();
  await debugging.getByRole('checkbox', { name: 'enable bp2' }).click();
  await expect(debugging.getByRole('checkbox', { name: 'enable bp2' })).toBeChecked();
  const rules = debugging.getByLabel('breakpoint rules');
  const off = rules.locator('[data-rule="bp1"]');
  const on = rules.locator('[data-rule="bp2"]');
  const hint = off.getByText('off: tick it to hold frames');
  await expect(hint).toBeVisible();
  await expect(on).not.toContainText('tick it');
  const edge = (rule: Locator) => rule.evaluate((element) => getComputedStyle(element).borderLeftColor);
  for (const theme of ['light', 'dark'] as const) {
    await panel.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
    await expect(panel.locator('html')).toHaveAttribute('data-theme', theme);
    // The off rule's card differs from the on rule's, and its hint reads at the WCAG AA contrast of body text.
    expect(await edge(off)).not.toBe(await edge(on));
    expect(await textContrast(hint)).toBeGreaterThanOrEqual(4.5);
    await rules.screenshot({ path: `e2e/screenshots/debug-rule-off-${theme}.png` });
  }
});
