// The specs' `test`: a `driver` fixture that is the browser host in the `browser` project (one host
// process and one Chromium per worker, a fresh panel page per test) and the Electron app in the `electron`
// project, where a missing binary skips every test with the reason instead of passing it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test as base, type Browser } from '@playwright/test';
import { startBrowserHostProcess, type BrowserHostProcess } from './browser-host-process';
import { openBrowserHostDriver } from './browser-host-driver';
import { electronAvailability } from './electron-availability';
import type { ElectronDriverModule, HostDriver } from './host-driver';

interface BrowserSession {
  host: BrowserHostProcess;
  browser: Browser;
}

const ELECTRON_DRIVER = new URL('./electron-driver.ts', import.meta.url);

async function launchElectronDriver(): Promise<HostDriver> {
  if (!existsSync(fileURLToPath(ELECTRON_DRIVER))) {
    throw new Error('an Electron binary exists but e2e/harness/electron-driver.ts (exporting launchElectronDriver) is not written yet');
  }
  const module = (await import(ELECTRON_DRIVER.href)) as Partial<ElectronDriverModule>;
  if (typeof module.launchElectronDriver !== 'function') throw new Error('e2e/harness/electron-driver.ts does not export launchElectronDriver()');
  return module.launchElectronDriver();
}

export const test = base.extend<{ driver: HostDriver }, { browserSession: BrowserSession | undefined }>({
  browserSession: [
    async ({ playwright }, use, workerInfo) => {
      if (workerInfo.project.name !== 'browser') return use(undefined);
      const host = await startBrowserHostProcess();
      const browser = await playwright.chromium.launch(workerInfo.project.use.launchOptions);
      await use({ host, browser });
      await browser.close();
      const code = await host.stop();
      if (code !== 0) throw new Error(`the browser host exited with ${code} on SIGTERM:\n${host.output()}`);
    },
    { scope: 'worker' },
  ],
  driver: async ({ browserSession }, use, testInfo) => {
    if (testInfo.project.name === 'electron') {
      const availability = electronAvailability();
      testInfo.skip(!availability.available, availability.reason);
      const driver = await launchElectronDriver();
      await use(driver);
      await driver.close();
      return;
    }
    if (!browserSession) throw new Error(`project ${testInfo.project.name} has no host`);
    const driver = await openBrowserHostDriver(browserSession.host, browserSession.browser);
    await use(driver);
    await driver.close();
  },
});

export { expect } from '@playwright/test';
