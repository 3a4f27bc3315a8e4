// The bundled demo as a user meets it: the echo chat, SocketTasks, and every "Reproduce" button showing
// the code it is named after, got through its real condition.
import { SCREENSHOT_DIR } from './harness/browser-host-driver';
import { expect, test } from './harness/fixtures';

test('the demo chats, runs tasks and reproduces every error code 1–12', async ({ driver }) => {
  const frame = await driver.miniapp();
  await frame.getByRole('button', { name: 'Connect', exact: true }).click();
  const chat = frame.locator('[data-part="chat"]');
  await expect(chat.locator('.pill')).toHaveText('Open');
  await frame.getByRole('textbox', { name: 'Message' }).fill('你好 <b>not bold</b>');
  await frame.getByRole('button', { name: 'Send', exact: true }).click();
  await frame.getByRole('button', { name: 'Binary', exact: true }).click();
  const incoming = chat.locator('.line-in .line-text');
  await expect(incoming).toHaveText(['你好 <b>not bold</b>', '你好 <b>not bold</b>']);
  await expect(chat.locator('.line-in b')).toHaveCount(0);
  await expect(chat.locator('.line-in .line-note').last()).toContainText('binary');

  const tasks = frame.locator('[data-part="tasks"]');
  await frame.getByRole('button', { name: 'Open task', exact: true }).click();
  await frame.getByRole('button', { name: 'Open task', exact: true }).click();
  await expect(tasks.locator('li[data-state="open"]')).toHaveCount(2);
  await expect(tasks.locator('.pill-neutral')).toHaveText('2/5 live');
  await tasks.locator('li[data-task="1"]').getByRole('button', { name: 'Ping' }).click();
  await expect(tasks.locator('li[data-task="1"] .task-last')).toHaveText('↓ ping from task 1');

  await driver.updateSettings({ singleModePolicy: 'reject' });
  try {
    const results = frame.locator('[data-part="reproduce"] .results');
    for (let code = 1; code <= 12; code += 1) {
      await frame.getByRole('button', { name: `Reproduce ${code}`, exact: true }).click();
      const row = results.locator(`li[data-expected="${code}"]`).first();
      await expect(row, `Reproduce ${code}`).toHaveAttribute('data-code', String(code), { timeout: 30_000 });
      await expect(row).toHaveClass(/result-ok/);
    }
  } finally {
    await driver.updateSettings({ singleModePolicy: 'replace' });
  }
  await driver.screenshot('demo-panel');
  if (driver.kind === 'browser') {
    await (await frame.frameElement()).screenshot({ path: `${SCREENSHOT_DIR}demo-miniapp.png` });
  }
});
