// The specs' `test`: a `driver` fixture that is the browser host in the `browser` project (one Chromium
// per worker; per test a fresh host process, so capture, settings and connections never leak between
// tests, and a fresh panel page) and the Electron app in the `electron` project, where a missing binary
// skips every test with the reason instead of passing it. `hostFolder` (browser project only) is a data folder
// of the test's own to start browser hosts on, one after another, for specs that restart or crash the host.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test as base, type Browser } from '@playwright/test';
import { electronAvailability } from './electron-availability';
import type { ElectronDriverModule, ElectronDriverOptions, HostDriver } from './host-driver';
import { withHostFolder, type HostFolder } from './host-folder';

const ELECTRON_DRIVER = new URL('./electron-driver.ts', import.meta.url);

/** A mini-app that opens no socket and registers no listener, for specs that drive `my` themselves. */
export const BLANK_MINIAPP = fileURLToPath(new URL('../fixtures/blank-miniapp', import.meta.url));

async function launchElectronDriver(options: ElectronDriverOptions): Promise<HostDriver> {
  if (!existsSync(fileURLToPath(ELECTRON_DRIVER))) {
    throw new Error('an Electron binary exists but e2e/harness/electron-driver.ts (exporting launchElectronDriver) is not written yet');
  }
  const module = (await import(ELECTRON_DRIVER.href)) as Partial<ElectronDriverModule>;
  if (typeof module.launchElectronDriver !== 'function') throw new Error('e2e/harness/electron-driver.ts does not export launchElectronDriver()');
  return module.launchElectronDriver(options);
}

export const test = base.extend<{ driver: HostDriver; hostFolder: HostFolder; miniappFolder: string | undefined }, { hostBrowser: Browser | undefined }>({
  /** `--miniapp <folder>` for the host; undefined runs the bundled demo (which connects and ticks on load). */
  miniappFolder: [undefined, { option: true }],
  hostBrowser: [
    async ({ playwright }, use, workerInfo) => {
      if (workerInfo.project.name !== 'browser') return use(undefined);
      const browser = await playwright.chromium.launch(workerInfo.project.use.launchOptions);
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  driver: async ({ hostBrowser, miniappFolder }, use, testInfo) => {
    if (testInfo.project.name === 'electron') {
      const availability = electronAvailability();
      testInfo.skip(!availability.available, availability.reason);
      const driver = await launchElectronDriver({ miniapp: miniappFolder });
      await use(driver);
      await driver.close();
      return;
    }
    if (!hostBrowser) throw new Error(`project ${testInfo.project.name} has no browser`);
    await withHostFolder(hostBrowser, (folder) => folder.run(miniappFolder === undefined ? [] : ['--miniapp', miniappFolder], use));
  },
  hostFolder: async ({ hostBrowser }, use, testInfo) => {
    testInfo.skip(!hostBrowser, 'starts browser host processes: browser project only');
    if (hostBrowser) await withHostFolder(hostBrowser, use);
  },
});

export { expect } from '@playwright/test';
