// The specs' `test`: a `driver` fixture that is the browser host in the `browser` project (one Chromium
// per worker; per test a fresh host process, so capture, settings and connections never leak between
// tests, and a fresh panel page) and the Electron app in the `electron` project, where a missing binary
// skips every test with the reason instead of passing it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test as base, type Browser } from '@playwright/test';
import { startBrowserHostProcess } from './browser-host-process';
import { openBrowserHostDriver } from './browser-host-driver';
import { electronAvailability } from './electron-availability';
import type { ElectronDriverModule, HostDriver } from './host-driver';

const ELECTRON_DRIVER = new URL('./electron-driver.ts', import.meta.url);

async function launchElectronDriver(): Promise<HostDriver> {
  if (!existsSync(fileURLToPath(ELECTRON_DRIVER))) {
    throw new Error('an Electron binary exists but e2e/harness/electron-driver.ts (exporting launchElectronDriver) is not written yet');
  }
  const module = (await import(ELECTRON_DRIVER.href)) as Partial<ElectronDriverModule>;
  if (typeof module.launchElectronDriver !== 'function') throw new Error('e2e/harness/electron-driver.ts does not export launchElectronDriver()');
  return module.launchElectronDriver();
}

export const test = base.extend<{ driver: HostDriver }, { hostBrowser: Browser | undefined }>({
  hostBrowser: [
    async ({ playwright }, use, workerInfo) => {
      if (workerInfo.project.name !== 'browser') return use(undefined);
      const browser = await playwright.chromium.launch(workerInfo.project.use.launchOptions);
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  driver: async ({ hostBrowser }, use, testInfo) => {
    if (testInfo.project.name === 'electron') {
      const availability = electronAvailability();
      testInfo.skip(!availability.available, availability.reason);
      const driver = await launchElectronDriver();
      await use(driver);
      await driver.close();
      return;
    }
    if (!hostBrowser) throw new Error(`project ${testInfo.project.name} has no browser`);
    const host = await startBrowserHostProcess();
    const driver = await openBrowserHostDriver(host, hostBrowser).catch(async (error: unknown) => {
      await host.stop();
      throw error;
    });
    await use(driver);
    await driver.close();
    const code = await host.stop();
    if (code !== 0) throw new Error(`the browser host exited with ${code} on SIGTERM:\n${host.output()}`);
  },
});

export { expect } from '@playwright/test';
