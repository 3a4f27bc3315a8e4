// An unmodified mini-program project (e2e/fixtures/miniprogram-project) runs in the preview.
import { fileURLToPath } from 'node:url';
import { expect, test } from './harness/fixtures';

const PROJECT = fileURLToPath(new URL('./fixtures/miniprogram-project', import.meta.url));
test.use({ miniappFolder: PROJECT });

test('the project renders in the phone', async ({ driver }) => {
  const frame = await driver.miniapp();
  await expect(frame.locator('#greeting')).toHaveText('Hello ALIPAY');
  await driver.screenshot('miniprogram-home');
});
