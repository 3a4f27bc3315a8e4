// The HostDriver of the Electron app (e2e/harness/host-driver.ts): one app per test, launched with the
// main-process test hook (MSD_E2E=1) that stands in for the browser host's HTTP API and panel bridge;
// the mini-app is the main frame of its own WebContentsView page.
import { mkdir } from 'node:fs/promises';
import type { ElectronApplication, Frame, Page } from '@playwright/test';
import type { EngineState } from '../../shared/panel-wire';
import { jsonlToCapture } from '../../shared/jsonl';
import type { MainTestHook } from '../../main/electron/test-hook';
import { MAIN_TEST_HOOK } from '../../main/electron/test-hook';
import { SCREENSHOT_DIR } from './browser-host-driver';
import { launchElectronApp } from './electron-app';
import type { ElectronDriverOptions, HostDriver } from './host-driver';

const WAIT_MS = 30_000;
const STATE_WAIT_MS = 15_000;

type HookCall = 'state' | 'exportJsonl' | 'exportHar';

/** Calls the main-process hook (the function runs in Electron's main process, so it is self-contained). */
function callHook<R>(app: ElectronApplication, call: HookCall): Promise<R> {
  return app.evaluate(
    (_electron, { name, method }) => {
      const hook = (globalThis as unknown as Record<string, MainTestHook | undefined>)[name];
      if (!hook) throw new Error(`the app runs without ${name} (MSD_E2E=1, unpackaged)`);
      return hook[method]();
    },
    { name: MAIN_TEST_HOOK, method: call },
  ) as Promise<R>;
}

/** Launches the app and returns its driver. */
export async function launchElectronDriver(options: ElectronDriverOptions): Promise<HostDriver> {
  const launched = await launchElectronApp({ env: { MSD_E2E: '1' }, miniapp: options.miniapp });
  const { app, panel, miniapp: miniappPage } = launched;
  // The panel's read-only test hook (renderer/capture/test-hook.ts) needs the flag before its scripts run.
  await panel.addInitScript(() => {
    window.__MSD_TEST__ = true;
  });
  await panel.reload();

  /** The mini-app document once it has `my` (and, after a reload, is not the marked old one). */
  async function findMiniapp(page: Page, skipMarked: boolean): Promise<Frame> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const frame = page.mainFrame();
      const ready = await frame
        .evaluate((skip) => typeof (window as unknown as { my?: unknown }).my === 'object' && !(skip && (window as unknown as { __e2eOld?: boolean }).__e2eOld), skipMarked)
        .catch(() => false);
      if (ready) return frame;
      if (Date.now() > deadline) throw new Error(`the mini-app page (${page.url()}) has no my`);
      await page.waitForTimeout(50);
    }
  }

  async function engineState(predicate: (state: EngineState) => boolean = () => true): Promise<EngineState> {
    const deadline = Date.now() + STATE_WAIT_MS;
    for (;;) {
      const state = await callHook<EngineState>(app, 'state');
      if (predicate(state)) return state;
      if (Date.now() > deadline) throw new Error(`no matching engine state within ${STATE_WAIT_MS} ms; last: ${JSON.stringify(state).slice(0, 2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  return {
    kind: 'electron',
    panel,
    miniapp: () => findMiniapp(miniappPage, false),
    async reloadMiniapp() {
      await miniappPage.evaluate(() => {
        (window as unknown as { __e2eOld: boolean }).__e2eOld = true;
      });
      await miniappPage.reload();
      return findMiniapp(miniappPage, true);
    },
    async reloadPanel() {
      await panel.reload();
      await findMiniapp(miniappPage, false);
    },
    async lab() {
      const frame = await findMiniapp(miniappPage, false);
      return frame.evaluate(() => window.__MSD_LAB__?.endpoints ?? []);
    },
    async capture() {
      const parsed = jsonlToCapture(await callHook<string>(app, 'exportJsonl'));
      if (parsed.warnings.length > 0) throw new Error(`the JSONL export did not parse cleanly: ${parsed.warnings.join('; ')}`);
      return parsed.entries;
    },
    captureHar: () => callHook<string>(app, 'exportHar'),
    engineState,
    async updateSettings(patch) {
      await app.evaluate(
        (_electron, { name, settings }) => {
          const hook = (globalThis as unknown as Record<string, MainTestHook | undefined>)[name];
          if (!hook) throw new Error(`the app runs without ${name}`);
          hook.updateSettings(settings);
        },
        { name: MAIN_TEST_HOOK, settings: patch },
      );
      await engineState((state) => Object.entries(patch).every(([key, value]) => state.settings[key as keyof typeof patch] === value));
    },
    async screenshot(name) {
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      const path = `${SCREENSHOT_DIR}${name}.png`;
      // The mini-app view is composited over the panel by the window, so it is captured on its own too.
      await panel.screenshot({ path });
      await miniappPage.screenshot({ path: `${SCREENSHOT_DIR}${name}-miniapp.png` });
      return path;
    },
    close: () => launched.close(),
  };
}
