// Protocol decoders and client profiles on the real browser host in Chromium: a real ws server on 127.0.0.1
// sends MQTT and Socket.IO frames made by their own encoders; the panel filters them by topic and event and
// shows the decoded tree in the inspector. Under the alipay-cn profile a second single-mode connect fails
// with 3 and Problems shows China's wording (docs/behaviour.md#client-profiles).
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import mqttPacket from 'mqtt-packet';
import { Encoder } from 'socket.io-parser';
import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { inMiniapp } from './harness/miniapp-eval';
import { labUrl } from './harness/lab-endpoint';

let server: WebSocketServer;
test.beforeAll(async () => {
  server = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: (protocols) => [...protocols][0] ?? false });
  server.on('connection', (socket, request) => {
    if ((request.url ?? '').startsWith('/mqtt')) {
      socket.send(mqttPacket.generate({ cmd: 'connack', returnCode: 0, sessionPresent: false }));
      const publish = mqttPacket.generate({ cmd: 'publish', topic: 'alipay/orders/7', payload: Buffer.from('{"status":"paid","amount":"12.30"}'), qos: 1, messageId: 42, retain: false, dup: false });
      socket.send(Buffer.concat([publish, mqttPacket.generate({ cmd: 'pingresp' })]));
    } else {
      socket.send('0{"sid":"e2e","upgrades":[],"pingInterval":25000,"pingTimeout":20000}');
      socket.send(`4${new Encoder().encode({ type: 2, nsp: '/', data: ['chat', { from: 'alice', text: '你好 from Socket.IO' }] })[0] as string}`);
    }
  });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const filterBox = (panel: Page) => panel.getByRole('searchbox', { name: 'Filter text or regex' });

async function connectTask(frame: Awaited<ReturnType<import('./harness/host-driver').HostDriver['miniapp']>>, url: string, protocols: string[]): Promise<void> {
  await inMiniapp(frame, (my, arg: { url: string; protocols: string[] }) => {
    my.connectSocket({ url: arg.url, protocols: arg.protocols, multiple: true });
    return true;
  }, { url, protocols });
}

test('MQTT and Socket.IO frames: detected, filtered by topic: and event:, decoded in the inspector, exported as _decoded', async ({ driver }) => {
  const { panel } = driver;
  const port = (server.address() as AddressInfo).port;
  const miniapp = await driver.miniapp();
  await connectTask(miniapp, `ws://127.0.0.1:${port}/mqtt`, ['mqtt']);
  await connectTask(miniapp, `ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`, []);
  const inspector = panel.getByRole('complementary', { name: 'inspector' });

  await filterBox(panel).fill('topic:alipay/orders');
  // Only the one PUBLISH frame passes the decoded-field filter.
  await expect(panel.locator('.log-row[data-seq]')).toHaveCount(1, { timeout: 30_000 });
  const mqttRow = panel.locator('.log-row[data-seq]').first();
  await mqttRow.click();
  const decoded = inspector.getByRole('region', { name: 'decoded' });
  await expect(decoded).toContainText('publish pingresp');
  await decoded.getByRole('button', { name: 'expand' }).first().click();
  await expect(decoded).toContainText('"alipay/orders/7"');
  await expect(decoded).toContainText('alipay/orders/7');
  await expect(decoded.getByRole('combobox', { name: 'Decoder' })).toHaveValue('auto');
  await decoded.scrollIntoViewIfNeeded();
  await driver.screenshot('decoded-mqtt');

  // The raw-text pre-check as Chromium runs it (the base64 text read as it is, ASCII case as character classes)
  // never skips a match: an anchored topic, a regex's required words or an alternation's branches, typed in
  // another case, still find the frame.
  await filterBox(panel).fill('topic:^ALIPAY/Orders/7$');
  await expect(panel.locator('.log-row[data-seq]')).toHaveCount(1, { timeout: 30_000 });
  await filterBox(panel).fill('topic:Alipay/.*/7$');
  await expect(panel.locator('.log-row[data-seq]')).toHaveCount(1, { timeout: 30_000 });
  await filterBox(panel).fill('topic:ORDERS/(8|07|7)$');
  await expect(panel.locator('.log-row[data-seq]')).toHaveCount(1, { timeout: 30_000 });
  await filterBox(panel).fill('topic:orders/8');
  await expect(panel.getByText('No entry matches the filter.')).toBeVisible({ timeout: 30_000 });
  await filterBox(panel).fill('topic:orders/(8|07)$');
  await expect(panel.getByText('No entry matches the filter.')).toBeVisible({ timeout: 30_000 });

  await filterBox(panel).fill('event:^chat$');
  await expect(panel.locator('.log-row[data-seq]')).toHaveCount(1, { timeout: 30_000 });
  const chatRow = panel.locator('.log-row[data-seq]').filter({ hasText: '"chat"' });
  await chatRow.click();
  await expect(decoded).toContainText('eventchat');
  await expect(decoded).toContainText('EVENT');
  await decoded.getByRole('button', { name: 'expand' }).first().click();
  await expect(decoded).toContainText('你好 from Socket.IO');
  await decoded.scrollIntoViewIfNeeded();
  await driver.screenshot('decoded-socketio');
  await filterBox(panel).fill('');

  const har = JSON.parse(await driver.captureHar()) as { log: { entries: { request: { url: string }; _decoder?: { decoder: string }; _webSocketMessages: { _decoded?: { fields: Record<string, string> } }[] }[] } };
  const mqttEntry = har.log.entries.find((entry) => entry.request.url.endsWith('/mqtt'));
  expect(mqttEntry?._decoder).toEqual({ decoder: 'mqtt' });
  expect(mqttEntry?._webSocketMessages.map((message) => message._decoded?.fields.topic).filter(Boolean)).toEqual(['alipay/orders/7']);
});

test('alipay-cn profile: a second single-mode connectSocket fails with 3 and Problems shows its wording', async ({ driver }) => {
  const { panel } = driver;
  const echo = labUrl(await driver.lab(), 'echo');
  await driver.updateSettings({ clientProfile: 'alipay-cn', strictWss: false });
  try {
    const miniapp = await driver.miniapp();
    const codes = await inMiniapp(miniapp, async (my, url: string) => {
      const connect = () => new Promise<number>((resolve) => my.connectSocket({ url, success: () => resolve(0), fail: (res: { error: number }) => resolve(res.error) }));
      const first = await connect();
      await new Promise((resolve) => setTimeout(resolve, 300));
      return [first, await connect()];
    }, echo);
    expect(codes[1]).toBe(3);
    const problems = panel.getByRole('listbox', { name: 'Problems, newest last' });
    const row = problems.getByRole('option', { name: /Error 3: 该appId，SocketTaskID对应的WebSocket已存在/ }).last();
    await expect(row).toBeVisible({ timeout: 30_000 });
    await row.click();
    await expect(panel.getByRole('region', { name: 'Warnings and errors' })).toContainText('close it before creating another');
    await driver.screenshot('alipay-cn-error-3');
  } finally {
    await driver.updateSettings({ clientProfile: 'alipay-plus' });
  }
});

test('a breakpoint on a decoded field holds the MQTT PUBLISH of its topic until it is forwarded', async ({ driver }) => {
  const { panel } = driver;
  const port = (server.address() as AddressInfo).port;
  const section = panel.locator('details.side-section', { has: panel.locator('summary', { hasText: 'Debugging' }) });
  await section.locator('summary').click();
  await section.getByRole('button', { name: 'Add breakpoint' }).click();
  await section.getByRole('combobox', { name: 'match' }).selectOption('decoded');
  await section.getByRole('combobox', { name: 'decoded field' }).selectOption('topic');
  await section.getByRole('textbox', { name: 'decoded field regex' }).fill('^alipay/orders/');
  await expect(section.getByRole('combobox', { name: 'rule decoder' })).toHaveValue('detected');
  // Switched on only now: while it was set up, its placeholder "contains type" held none of the demo's ticks.
  await section.getByRole('checkbox', { name: 'enable bp1' }).click();
  await expect(section.getByRole('checkbox', { name: 'enable bp1' })).toBeChecked();

  const miniapp = await driver.miniapp();
  await connectTask(miniapp, `ws://127.0.0.1:${port}/mqtt`, ['mqtt']);
  const bar = panel.getByRole('status', { name: 'paused frames' });
  await expect(bar).toContainText('held by bp1', { timeout: 30_000 });
  await section.scrollIntoViewIfNeeded();
  await driver.screenshot('decoded-field-breakpoint');
  await bar.getByRole('button').first().click();
  // Forward in the held frame's own editor, once the inspector shows it.
  const editor = panel.getByRole('complementary', { name: 'inspector' }).getByRole('region', { name: /^paused frame / });
  await expect(editor).toContainText('Paused ↓ to the app');
  await editor.getByRole('button', { name: 'Forward', exact: true }).click();
  await expect(bar).toBeHidden();
});
