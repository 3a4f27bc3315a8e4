import { defineConfig } from '@playwright/test';
import { electronAvailability } from './e2e/harness/electron-availability';

// Two projects run the same specs: `browser` (Debian's Chromium against the browser host; always) and
// `electron` (_electron.launch; only where an Electron binary exists, otherwise skipped with the reason).
const electron = electronAvailability();
if (!electron.available) console.log(`[e2e] electron project skipped: ${electron.reason}`);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
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
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
        viewport: { width: 1440, height: 900 },
      },
    },
    {
      name: 'electron',
      metadata: { electron },
      use: { viewport: { width: 1440, height: 900 } },
    },
  ],
});
