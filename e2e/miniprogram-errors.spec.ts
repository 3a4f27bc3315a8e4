// A project whose files do not compile (bad JSON, an AXML expression error, an ACSS syntax error, a JS
// syntax error) still opens: each problem shows in the phone and in the panel's Problems list with its
// file and line, and the panel stays usable.
import { fileURLToPath } from 'node:url';
import { expect, test } from './harness/fixtures';

const BROKEN = fileURLToPath(new URL('./fixtures/miniprogram-broken', import.meta.url));
test.use({ miniappFolder: BROKEN });

test('compile problems of every kind show in the phone and in Problems with file and line', async ({ driver }) => {
  const frame = await driver.miniapp();
  const phone = frame.locator('.mp-problems');
  await expect(phone).toContainText('pages/index/index.axml:3');
  await expect(phone).toContainText('pages/index/index.acss:1');
  await expect(phone).toContainText('pages/index/index.js:4');
  await expect(phone).toContainText('pages/index/index.json');

  const rows = driver.panel.locator('.msd-warnings__row', { hasText: 'The mini-program project has an error' });
  for (const where of ['pages/index/index.axml:3', 'pages/index/index.acss:1', 'pages/index/index.js:4', 'pages/index/index.json']) {
    await expect(rows.filter({ hasText: where })).toHaveCount(1);
  }
  // The panel stays usable: selecting a problem explains it.
  await rows.first().click();
  await expect(driver.panel.locator('.msd-warnings__details')).toContainText('Open the file at the line named');
  await driver.screenshot('miniprogram-compile-errors');
});
