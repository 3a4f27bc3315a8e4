// A mini-program project's page logic (the Worker) uses my beyond sockets through the logic link, as real
// apps do before their socket code: it logs in with my.request against the lab's token endpoint, keeps the
// token with setStorageSync, opens the lab's token-gated chat socket with it, and after a reload finds the
// token again in storage (kept per project by the engine). An unsupported my.X fails with a clear message.
import { fileURLToPath } from 'node:url';
import { expect, test } from './harness/fixtures';

const PROJECT = fileURLToPath(new URL('./fixtures/miniprogram-login', import.meta.url));
test.use({ miniappFolder: PROJECT });

test('logs in with my.request, keeps the token in storage, opens the socket with it; the token survives a reload', async ({ driver }) => {
  const frame = await driver.miniapp();
  await expect(frame.locator('#status')).toHaveText('open');
  await expect(frame.locator('#previous')).toHaveText('none');
  const token = (await frame.locator('#token').textContent()) ?? '';
  expect(token).toMatch(/^[0-9a-f]{24}$/);
  await expect(frame.locator('#echo')).toHaveText(`hello with ${token}`);
  await expect(frame.locator('#model')).toHaveText('iPhone7,2');
  await expect(frame.locator('#missing')).toHaveText('my.scanCode is not available in the preview');

  const capture = await driver.capture();
  const request = capture.find((entry) => entry.kind === 'http');
  expect(request?.detail?.['method']).toBe('POST');
  expect(String(request?.detail?.['url'])).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/token$/);
  expect(request?.detail?.['status']).toBe(200);
  const connect = capture.find((entry) => entry.kind === 'call' && entry.name === 'connectSocket');
  expect(connect?.page).toBe('pages/index/index');
  expect(JSON.stringify(connect?.detail)).toContain(`token=${token}`);
  expect(capture.some((entry) => entry.kind === 'lifecycle' && entry.name === 'open')).toBe(true);
  await expect(driver.panel.locator('.log-row', { hasText: '/token' }).first()).toBeVisible();
  await expect(driver.panel.locator('.msd-warnings__row', { hasText: 'my.scanCode' })).toHaveCount(1);
  await driver.screenshot('miniprogram-my-login');

  // Opening the panel's "my storage" reads it again: the project's token as the page stored it (JSON text).
  await driver.panel.locator('summary', { hasText: 'my storage' }).click();
  const storage = driver.panel.getByRole('region', { name: `storage of ${PROJECT}` });
  await expect(storage.getByRole('textbox', { name: 'value of token' })).toHaveValue(JSON.stringify(token));
  await storage.scrollIntoViewIfNeeded();
  await driver.screenshot('miniprogram-my-storage-panel');

  const reloaded = await driver.reloadMiniapp();
  await expect(reloaded.locator('#previous')).toHaveText(token);
  await expect(reloaded.locator('#status')).toHaveText('open');
});
