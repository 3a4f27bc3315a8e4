// The usual Alipay login on launch in an unmodified mini-program project (docs/behaviour.md#login-and-payment-stand-ins):
// my.getAuthCode grants a preview-auth-<n> code, the page sends it to the lab's /token with my.request and opens
// the token-gated socket with the answer. The panel's session settings turn the login into a refusal (11);
// my.tradePay answers 6001 by default with a Problems row saying nothing was paid.
import { fileURLToPath } from 'node:url';
import { expect, test } from './harness/fixtures';

const PROJECT = fileURLToPath(new URL('./fixtures/miniprogram-auth', import.meta.url));
test.use({ miniappFolder: PROJECT });

test('logs in with a stand-in auth code, opens the socket with the token; refusal and payment follow the settings', async ({ driver }) => {
  const frame = await driver.miniapp();
  await expect(frame.locator('#status')).toHaveText('open');
  await expect(frame.locator('#code')).toHaveText(/^preview-auth-\d+$/);
  const code = (await frame.locator('#code').textContent()) ?? '';
  await expect(frame.locator('#echo')).toHaveText(`hello from ${code}`);
  await expect(frame.locator('#nickname')).toHaveText('Preview user');

  const capture = await driver.capture();
  const authResult = capture.find((entry) => entry.kind === 'result' && entry.name === 'getAuthCode');
  expect(authResult?.detail?.['payload']).toEqual({ authCode: code, authSuccessScopes: ['auth_user'], authErrorScopes: {} });
  expect(capture.find((entry) => entry.kind === 'call' && entry.name === 'getAuthCode')?.page).toBe('pages/index/index');
  const login = capture.find((entry) => entry.kind === 'http');
  expect(login?.detail?.['requestBody']).toBe(JSON.stringify({ authCode: code }));
  expect(login?.detail?.['status']).toBe(200);
  expect(capture.some((entry) => entry.kind === 'lifecycle' && entry.name === 'open')).toBe(true);
  await expect(driver.panel.locator('.log-row', { hasText: 'getAuthCode' }).first()).toBeVisible();

  await frame.locator('#pay').click();
  await expect(frame.locator('#payment')).toHaveText('resultCode 6001');
  await expect(driver.panel.locator('.msd-warnings__row', { hasText: 'payments are not emulated' })).toHaveCount(1);
  await driver.screenshot('miniprogram-auth-login');

  await driver.panel.locator('summary', { hasText: 'Session settings' }).click();
  await driver.panel.getByRole('combobox', { name: 'my.getAuthCode (login)' }).selectOption('refuse');
  await driver.panel.getByRole('combobox', { name: 'my.tradePay answers (no payment is made)' }).selectOption('9000');
  await driver.panel.getByRole('combobox', { name: 'my.getAuthCode (login)' }).scrollIntoViewIfNeeded();
  await driver.screenshot('miniprogram-auth-settings');
  const refused = await driver.reloadMiniapp();
  await expect(refused.locator('#status')).toHaveText('login refused: 11 {"auth_user":"11"}');
  await refused.locator('#pay').click();
  await expect(refused.locator('#payment')).toHaveText('resultCode 9000');
});
