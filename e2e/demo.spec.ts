// The bundled demo project (examples/socket-playground) as a user meets it: traffic at once (it logs in with
// my.request, keeps the token, connects its echo chat with it and its live ticker runs, with a pause/resume toggle), the echo chat, SocketTasks, and every "Reproduce" button
// showing the code it is named after, got through its real condition.
import type { CaptureEntry } from '../shared/capture';
import { SCREENSHOT_DIR } from './harness/browser-host-driver';
import { expect, test } from './harness/fixtures';

/** Tick sequence numbers the engine saw going out, in order. */
function ticksOut(capture: CaptureEntry[]): number[] {
  return capture
    .filter((entry) => entry.kind === 'frame' && entry.direction === 'out' && entry.payload?.startsWith('{"type":"tick"'))
    .map((entry) => (JSON.parse(entry.payload ?? '{}') as { seq: number }).seq);
}

test('on load the demo connects in single mode and ticks, with frames in the panel and a pause/resume toggle', async ({ driver }) => {
  const frame = await driver.miniapp();
  const chat = frame.locator('[data-part="chat"]');
  await expect(chat.locator('.pill')).toHaveText('Open');
  const status = frame.locator('[data-role="ticker-status"]');
  await expect(status).toHaveText(/tick #\d+ echoed/);

  // Listeners before the connect: the page's four global on* calls came before its connectSocket.
  const capture = await driver.capture();
  const connect = capture.find((entry) => entry.kind === 'call' && entry.name === 'connectSocket');
  const pageCalls = capture.filter((entry) => entry.kind === 'call' && entry.clientId === connect?.clientId).map((entry) => entry.name);
  expect(pageCalls.slice(0, 5)).toEqual(['onSocketOpen', 'onSocketMessage', 'onSocketError', 'onSocketClose', 'connectSocket']);
  // A real app's start: the token request first, its token in the socket URL, and a project with no problems.
  const login = capture.find((entry) => entry.kind === 'http');
  expect(login?.detail?.['status']).toBe(200);
  expect(login?.seq).toBeLessThan(connect?.seq ?? 0);
  const token = (JSON.parse(login?.payload ?? '{}') as { token?: string }).token;
  expect(JSON.stringify(connect?.detail)).toContain(`token=${token}`);
  await expect(chat.locator('[data-role="login"]')).toContainText(`token ${token?.slice(0, 8)}`);
  expect(capture.filter((entry) => entry.kind === 'warning' && entry.name === 'miniprogram-problem')).toEqual([]);
  const connection = capture.find((entry) => entry.kind === 'result' && entry.name === 'connectSocket' && entry.clientId === connect?.clientId)?.connectionId;
  const ticks = capture.filter((entry) => entry.kind === 'frame' && entry.payload?.startsWith('{"type":"tick"'));
  expect(ticks.map((entry) => entry.direction).slice(0, 2)).toEqual(['out', 'in']);
  expect(JSON.parse(ticks[0]?.payload ?? '')).toMatchObject({ type: 'tick', seq: 1 });

  // The panel shows it without a click: tick frames in the log, the connection open.
  const { panel } = driver;
  await expect(panel.locator('.log-row').filter({ hasText: '"type":"tick"' }).first()).toBeVisible();
  const state = await driver.engineState((engine) => engine.connections.some((c) => c.state === 'OPEN'));
  expect(state.connections.filter((c) => c.state === 'OPEN').map((c) => [c.connectionId, c.target])).toEqual([[connection, null]]);
  await driver.screenshot('demo-start');

  // More ticks keep coming, each echoed, in order.
  await expect.poll(async () => ticksOut(await driver.capture()).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
  const running = ticksOut(await driver.capture());
  expect(running).toEqual(running.map((_, index) => index + 1));

  // Pause: no tick goes out while paused (the counter stays put over several intervals); resume: it goes on.
  await frame.getByRole('button', { name: 'Pause ticker' }).click();
  await expect(status).toHaveText(/paused after tick #\d+/);
  const pausedAt = Number(/#(\d+)/.exec((await status.textContent()) ?? '')?.[1]);
  await frame.waitForTimeout(5000);
  expect(Math.max(...ticksOut(await driver.capture()))).toBe(pausedAt);
  await frame.getByRole('button', { name: 'Resume ticker' }).click();
  await expect.poll(async () => Math.max(...ticksOut(await driver.capture())), { timeout: 30_000 }).toBeGreaterThan(pausedAt);
  await expect(status).toHaveText(/tick #\d+ echoed/);
});

test('the demo chats, runs tasks and reproduces every error code 1–12 while the ticker runs', async ({ driver }) => {
  const frame = await driver.miniapp();
  const chat = frame.locator('[data-part="chat"]');
  await expect(chat.locator('.pill')).toHaveText('Open');
  // Reconnecting by hand replaces the live connection and still ends open.
  await frame.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(chat.locator('.line-system').filter({ hasText: 'Closed (1000 replaced by connectSocket)' })).toHaveCount(1);
  await expect(chat.locator('.pill')).toHaveText('Open');
  await frame.getByRole('textbox', { name: 'Message' }).fill('你好 <b>not bold</b>');
  await frame.getByRole('button', { name: 'Send', exact: true }).click();
  await frame.getByRole('button', { name: 'Binary', exact: true }).click();
  // Tick echoes go to the ticker's row, never into the chat lines.
  const incoming = chat.locator('.line-in .line-text');
  await expect(incoming).toHaveText(['你好 <b>not bold</b>', '你好 <b>not bold</b>']);
  await expect(chat.locator('.line-in b')).toHaveCount(0);
  await expect(chat.locator('.line-in .line-note').last()).toContainText('binary');

  const tasks = frame.locator('[data-part="tasks"]');
  await frame.getByRole('button', { name: 'Open task', exact: true }).click();
  await frame.getByRole('button', { name: 'Open task', exact: true }).click();
  await expect(tasks.locator('.task[data-state="open"]')).toHaveCount(2);
  await expect(tasks.locator('.pill-neutral')).toHaveText('2/5 live');
  await tasks.locator('.task[data-task="1"]').getByRole('button', { name: 'Ping' }).click();
  await expect(tasks.locator('.task[data-task="1"] .task-last')).toHaveText('↓ ping from task 1');

  await driver.updateSettings({ singleModePolicy: 'reject' });
  try {
    const results = frame.locator('[data-part="reproduce"] .results');
    for (let code = 1; code <= 12; code += 1) {
      await frame.getByRole('button', { name: `Reproduce ${code}`, exact: true }).click();
      const row = results.locator(`.result[data-expected="${code}"]`).first();
      await expect(row, `Reproduce ${code}`).toHaveAttribute('data-code', String(code), { timeout: 30_000 });
      await expect(row).toHaveClass(/result-ok/);
    }
  } finally {
    await driver.updateSettings({ singleModePolicy: 'replace' });
  }
  // With "reject", Reproduce 2 left the chat's connection alone: it is still open and ticking.
  await expect(chat.locator('.pill')).toHaveText('Open');
  await expect(frame.locator('[data-role="ticker-status"]')).toHaveText(/tick #\d+ echoed/);
  await driver.screenshot('demo-panel');
  if (driver.kind === 'browser') {
    await (await frame.frameElement()).screenshot({ path: `${SCREENSHOT_DIR}demo-miniapp.png` });
  }
});
