import { defineConfig } from '@playwright/test';
import type { MiniappTestOptions } from './main/playwright/index';
import { CHROMIUM_PATH } from './e2e/harness/browser-path';
import { electronAvailability } from './e2e/harness/electron-availability';

// Two projects run the same specs through one `driver` fixture (e2e/harness/fixtures.ts): `browser`
// (a Chromium found by e2e/harness/browser-path.ts against the browser host; always) and `electron` (_electron.launch; only where an
// Electron binary exists, otherwise every test is reported skipped with the reason). The global setup
// builds the product once, so the specs drive what `npm run build` makes.
const electron = electronAvailability();
if (!electron.available) console.log(`[e2e] electron project skipped: ${electron.reason}`);

export default defineConfig<MiniappTestOptions>({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/harness/global-setup.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results',
  projects: [
    {
      name: 'browser',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
        viewport: { width: 1440, height: 900 },
        // The published fixtures (main/playwright) launch their own Chromium from this option.
        chromiumPath: CHROMIUM_PATH,
      },
    },
    {
      name: 'electron',
      metadata: { electron },
      use: { viewport: { width: 1440, height: 900 }, host: 'electron' },
    },
  ],
});
