// Release parity and replay on the real browser host. Parity: the demo's ws:// echo on 127.0.0.1 fails
// with reasons and fixes in the inspector; the self-signed wss echo fails its certificate item whether the
// certificate error stops it (7) or "ignore certificate errors" lets it open; the domain allowlist setting
// changes the verdict. Replay: a live connection the server closed, and a conversation read back from an
// exported HAR, are started as mock servers from the inspector and played to the mini-app's own `my`.
import { writeFile } from 'node:fs/promises';
import type { Frame, Locator, Page } from '@playwright/test';
import type { CaptureEntry } from '../shared/capture';
import { expect, test } from './harness/fixtures';
import { labUrl } from './harness/lab-endpoint';
import type { HostDriver } from './harness/host-driver';
import { inMiniapp } from './harness/miniapp-eval';

/** The first captured entry matching `predicate`, once there is one. */
async function waitForEntry(driver: HostDriver, predicate: (entry: CaptureEntry) => boolean, what: string): Promise<CaptureEntry> {
  let found: CaptureEntry | undefined;
  await expect
    .poll(async () => {
      found = (await driver.capture()).find(predicate);
      return found !== undefined;
    }, { message: what, timeout: 30_000 })
    .toBe(true);
  if (!found) throw new Error(what);
  return found;
}

const lifecycle = (name: string, url: string, clientId?: string) => (entry: CaptureEntry) =>
  entry.kind === 'lifecycle' && entry.name === name && entry.detail?.url === url && (clientId === undefined || entry.clientId === clientId);

/** Shows only `connectionId` in the log and selects one of its rows: the inspector then shows that connection. */
async function inspectConnection(panel: Page, connectionId: string): Promise<Locator> {
  await panel.getByRole('combobox', { name: 'Connection' }).selectOption(connectionId);
  const row = panel.locator('.log-row').filter({ has: panel.locator('.c-conn', { hasText: new RegExp(`^${connectionId}$`) }) }).last();
  await row.click();
  const inspector = panel.getByRole('complementary', { name: 'inspector' });
  await expect(inspector.locator('.inspector-header')).toContainText(connectionId);
  return inspector;
}

const parityItem = (inspector: Locator, id: string) => inspector.getByRole('region', { name: 'release parity' }).locator(`[data-item="${id}"]`);

/** Opens a SocketTask from the panel's connect form; resolves with the engine's connection id. */
async function connectFromPanel(driver: HostDriver, url: string): Promise<string> {
  const controls = driver.panel.locator('.msd-controls');
  const after = (await driver.capture()).at(-1)?.seq ?? -1;
  await controls.getByRole('combobox', { name: 'url' }).fill(url);
  await controls.getByRole('checkbox', { name: 'multiple (SocketTask)' }).check();
  await controls.getByRole('button', { name: 'Connect', exact: true }).click();
  const connecting = await waitForEntry(driver, (entry) => entry.seq > after && lifecycle('connecting', url, 'panel')(entry), `the panel connecting to ${url}`);
  return connecting.connectionId;
}

interface PlayedTrace {
  steps: string[];
}

/**
 * In the mini-app: a SocketTask to `url`; once open sends `sends` one by one, each after the previous echo
 * (or at once when `sends` is empty); closes with `close` after the last expected message when given.
 * Records open, every message and the close event (a task's close event carries no code: the spec reads
 * it from the capture, see closeOf).
 */
function playInMiniapp(miniapp: Frame, arg: { url: string; sends: string[]; close?: { code: number; reason: string } }): Promise<PlayedTrace> {
  return inMiniapp(
    miniapp,
    async (my, a) => {
      const steps: string[] = [];
      let finish: () => void = () => undefined;
      const finished = new Promise<void>((resolve) => {
        finish = resolve;
      });
      const task = my.connectSocket({ url: a.url, multiple: true, fail: (result) => steps.push(`fail:${result.error}`) });
      let sent = 0;
      const sendNext = () => {
        const data = a.sends[sent];
        if (data === undefined) {
          if (a.close) task.close({ code: a.close.code, reason: a.close.reason });
          return;
        }
        sent += 1;
        task.send({ data });
      };
      task.onOpen(() => {
        steps.push('open');
        sendNext();
      });
      task.onMessage((message) => {
        steps.push(`message:${message.data}`);
        if (a.sends.length > 0) sendNext();
      });
      task.onError((error) => steps.push(`error:${error.error}`));
      task.onClose(() => {
        steps.push('close');
        finish();
      });
      await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, 20_000))]);
      return { steps };
    },
    arg,
  );
}

/** The close detail of the mini-app's newest connection to `url`, once it closed. */
async function closeOf(driver: HostDriver, url: string): Promise<CaptureEntry['detail']> {
  let detail: CaptureEntry['detail'];
  await expect
    .poll(async () => {
      const entries = await driver.capture();
      const newest = entries.filter(lifecycle('connecting', url)).filter((entry) => entry.clientId !== 'panel').at(-1);
      detail = entries.find((entry) => entry.connectionId === newest?.connectionId && entry.kind === 'lifecycle' && entry.name === 'closed')?.detail;
      return detail !== undefined;
    }, { message: `the close of the mini-app's connection to ${url}` })
    .toBe(true);
  return detail;
}

/** Starts a replay of the inspected connection; resolves with its ws:// URL. */
async function startReplay(inspector: Locator, options: { speed: string; matchSent?: boolean }): Promise<{ url: string; card: Locator }> {
  const section = inspector.getByRole('region', { name: 'replay as mock server' });
  await section.getByRole('combobox', { name: 'Speed' }).selectOption({ label: options.speed });
  if (options.matchSent) await section.getByRole('checkbox', { name: /Wait for the app's messages/ }).check();
  await section.getByRole('button', { name: 'Start replay' }).click();
  const card = section.locator('.replay-item-new');
  await expect(card).toBeVisible();
  const url = (await card.getByTestId('replay-url').textContent()) ?? '';
  expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/replay\/[\w-]+$/);
  return { url, card };
}

test('release parity: ws:// on loopback fails with reasons, a self-signed certificate fails even when ignored, the allowlist changes the verdict', async ({ driver }) => {
  const { panel } = driver;
  await driver.miniapp();
  const lab = await driver.lab();
  const echoUrl = labUrl(lab, 'echo');
  const wssUrl = labUrl(lab, 'wss-echo');
  expect(echoUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/echo$/);

  // The demo chat connects on load over ws:// to the lab's chat endpoint on 127.0.0.1 (with its token).
  const chatUrl = labUrl(lab, 'chat');
  const demo = await waitForEntry(driver, (entry) => entry.kind === 'lifecycle' && entry.name === 'open' && entry.clientId !== 'panel' && String(entry.detail?.url).startsWith(`${chatUrl}?token=`), 'the demo chat open');
  const inspector = await inspectConnection(panel, demo.connectionId);
  const parity = inspector.getByRole('region', { name: 'release parity' });
  await expect(parity.locator('.parity-badge')).toHaveText('fail');
  await expect(parity).toContainText('Would not connect from a release build on a phone.');
  await expect(parityItem(inspector, 'scheme')).toHaveAttribute('data-status', 'fail');
  await expect(parityItem(inspector, 'scheme')).toContainText('Plain ws:// is refused by release builds');
  await expect(parityItem(inspector, 'scheme')).toContainText('Fix: Serve the endpoint over TLS');
  await expect(parityItem(inspector, 'host')).toHaveAttribute('data-status', 'fail');
  await expect(parityItem(inspector, 'host')).toContainText('127.0.0.1 is a loopback address');
  await expect(parityItem(inspector, 'allowlist')).toHaveAttribute('data-status', 'warn');
  await expect(parityItem(inspector, 'allowlist')).toContainText('No domain allowlist is configured');
  await expect(parityItem(inspector, 'port')).toHaveAttribute('data-status', 'warn');
  await parity.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await driver.screenshot('parity-demo-ws');

  // The allowlist, typed in the session settings, is applied when the field is left.
  const port = new URL(echoUrl).port;
  await panel.locator('summary', { hasText: 'Session settings' }).click();
  const allowlist = panel.getByRole('textbox', { name: /Domain allowlist/ });
  await allowlist.fill(`127.0.0.1:${port}`);
  await allowlist.blur();
  await expect(parityItem(inspector, 'allowlist')).toHaveAttribute('data-status', 'pass');
  await expect(parityItem(inspector, 'port')).toHaveAttribute('data-status', 'pass');
  await allowlist.fill('chat.example.com');
  await allowlist.blur();
  await expect(parityItem(inspector, 'allowlist')).toHaveAttribute('data-status', 'fail');
  await expect(parityItem(inspector, 'allowlist')).toContainText('127.0.0.1 is not on the configured allowlist');

  // Self-signed wss: refused with 7, then let through by "ignore certificate errors": the certificate fails both times.
  const rejected = await connectFromPanel(driver, wssUrl);
  await waitForEntry(driver, (entry) => entry.connectionId === rejected && entry.kind === 'error' && entry.errorCode === 7, 'error 7');
  let wssInspector = await inspectConnection(panel, rejected);
  await expect(parityItem(wssInspector, 'scheme')).toHaveAttribute('data-status', 'pass');
  await expect(parityItem(wssInspector, 'certificate')).toHaveAttribute('data-status', 'fail');
  await expect(parityItem(wssInspector, 'certificate')).toContainText("The server's certificate was rejected");

  // The checkbox follows the engine's state, so it is clicked, then seen checked once the engine applied it.
  const ignore = panel.getByRole('checkbox', { name: /Ignore certificate errors/ });
  await ignore.click();
  await expect(ignore).toBeChecked();
  await expect.poll(async () => (await driver.engineState()).settings.ignoreCertificateErrors).toBe(true);
  const ignored = await connectFromPanel(driver, wssUrl);
  await waitForEntry(driver, (entry) => entry.connectionId === ignored && entry.kind === 'lifecycle' && entry.name === 'open', 'the wss open with certificate errors ignored');
  wssInspector = await inspectConnection(panel, ignored);
  await expect(parityItem(wssInspector, 'certificate')).toHaveAttribute('data-status', 'fail');
  await expect(parityItem(wssInspector, 'certificate')).toContainText(/not valid \(.*(SELF_SIGNED|CERT).*\): "Ignore certificate errors" let the devtools connect/);
  await expect(wssInspector.getByRole('region', { name: 'release parity' }).locator('.parity-badge')).toHaveText('fail');
  await wssInspector.getByRole('region', { name: 'release parity' }).evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await driver.screenshot('parity-wss-ignored-certificate');
});

test('replay: a live connection the server closed plays to the mini-app in order and ends with the recorded close', async ({ driver }) => {
  const { panel } = driver;
  const miniapp = await driver.miniapp();
  const floodEndpoint = new URL(labUrl(await driver.lab(), 'flood'));
  floodEndpoint.search = 'count=4&size=12&rate=20&close=1';
  const floodUrl = floodEndpoint.toString();

  const recorded = await connectFromPanel(driver, floodUrl);
  await waitForEntry(driver, (entry) => entry.connectionId === recorded && entry.kind === 'lifecycle' && entry.name === 'closed', 'the flood closed by the server');
  const recordedMessages = (await driver.capture()).filter((entry) => entry.connectionId === recorded && entry.kind === 'frame' && entry.direction === 'in' && entry.opcode === 1).map((entry) => entry.payload);
  expect(recordedMessages).toHaveLength(4);

  const inspector = await inspectConnection(panel, recorded);
  const { url, card } = await startReplay(inspector, { speed: 'as fast as possible' });
  await expect(card).toContainText('4 server messages, 0 app messages (not checked), then closes with 1000 "flood done"');
  await expect(card.locator('.replay-state')).toHaveText('waiting for a client');

  const played = await playInMiniapp(miniapp, { url, sends: [] });
  expect(played.steps).toEqual(['open', ...recordedMessages.map((text) => `message:${text}`), 'close']);
  expect(await closeOf(driver, url)).toMatchObject({ closedFirstBy: 'server', codeReceived: 1000, reasonReceived: 'flood done' });
  await expect(card.locator('.replay-state')).toHaveText('done');
  await expect(card.getByRole('paragraph').filter({ hasText: 'server messages sent' })).toContainText('4 of 4 server messages sent. Closed with 1000 "flood done", as recorded.');
  await card.scrollIntoViewIfNeeded();
  await driver.screenshot('replay-live-done');

  // A second replay of the same recording at the recorded timing, stopped before anyone connects.
  const second = await startReplay(inspector, { speed: '1× (recorded timing)' });
  await expect(inspector.getByRole('list', { name: 'running replays' }).getByRole('listitem')).toHaveCount(2);
  await second.card.getByRole('button', { name: 'Stop' }).click();
  await expect(inspector.getByRole('list', { name: 'running replays' }).getByRole('listitem')).toHaveCount(1);
  const refused = await playInMiniapp(miniapp, { url: second.url, sends: [] });
  expect(refused.steps[0]).toBe('error:1');
});

test('replay: a conversation from an imported HAR waits for the app messages and echoes them in order', async ({ driver }, testInfo) => {
  const { panel } = driver;
  const miniapp = await driver.miniapp();
  const echoUrl = labUrl(await driver.lab(), 'echo');

  // Record: a conversation over the lab echo from the panel's composer, closed by the app with 4000 "bye".
  const recorded = await connectFromPanel(driver, echoUrl);
  const controls = panel.locator('.msd-controls');
  await expect(controls.locator('.msd-panel-connection').filter({ hasText: 'task-1' })).toContainText('open');
  const composer = controls.locator('.msd-composer');
  await composer.getByRole('combobox', { name: 'on' }).selectOption('task-1');
  const words = ['alpha', '{"n":2,"text":"beta"}', 'gamma'];
  for (const word of words) {
    await composer.getByRole('textbox', { name: 'Message', exact: true }).fill(word);
    await composer.getByRole('button', { name: 'Send', exact: true }).click();
    await waitForEntry(driver, (entry) => entry.connectionId === recorded && entry.kind === 'frame' && entry.direction === 'in' && entry.payload === word, `the echo of ${word}`);
  }
  await composer.getByRole('textbox', { name: 'close code' }).fill('4000');
  await composer.getByRole('textbox', { name: /reason/ }).fill('bye');
  await composer.getByRole('button', { name: 'Close', exact: true }).click();
  await waitForEntry(driver, (entry) => entry.connectionId === recorded && entry.kind === 'lifecycle' && entry.name === 'closed', 'the conversation closed');

  const harPath = testInfo.outputPath('conversation.har');
  await writeFile(harPath, await driver.captureHar());
  await panel.getByTestId('import-file').setInputFiles(harPath);
  await expect(panel.getByRole('status').filter({ hasText: 'Offline view' })).toContainText('conversation.har');

  const inspector = await inspectConnection(panel, recorded);
  const { url, card } = await startReplay(inspector, { speed: '10× faster', matchSent: true });
  await expect(card.locator('.replay-label')).toContainText('(conversation.har)');
  await expect(card).toContainText('3 server messages, 3 app messages (waited for and checked), then waits for the client to close');

  const played = await playInMiniapp(miniapp, { url, sends: words, close: { code: 4000, reason: 'bye' } });
  expect(played.steps).toEqual(['open', ...words.map((word) => `message:${word}`), 'close']);
  expect(await closeOf(driver, url)).toMatchObject({ closedFirstBy: 'app', codeSent: 4000, reasonSent: 'bye' });
  await expect(card.locator('.replay-state')).toHaveText('done');
  await expect(card).toContainText('3 of 3 server messages sent, 3 of 3 app messages matched.');

  // A client that says something else is told so and closed with 1008.
  const wrong = await playInMiniapp(miniapp, { url, sends: ['not in the recording'] });
  expect(wrong.steps).toEqual(['open', 'close']);
  expect(await closeOf(driver, url)).toMatchObject({ closedFirstBy: 'server', codeReceived: 1008, reasonReceived: 'replay mismatch at app message 1' });
  await expect(card.locator('.replay-state')).toHaveText('mismatch');
  await expect(card).toContainText('expected text "alpha", got text "not in the recording"');
  await card.scrollIntoViewIfNeeded();
  await driver.screenshot('replay-imported-har');
  await panel.emulateMedia({ colorScheme: 'dark' });
  await driver.screenshot('replay-imported-har-dark');
});
