// The published fixtures (`mini-socket-devtools/playwright`): per test a fresh preview (engine, lab,
// browser host; docs/architecture.md#playwright-fixtures says why not one per worker), its mini-app
// frame, its panel page and its live capture; one Chromium per worker.
import { dirname, isAbsolute, resolve } from 'node:path';
import {
  test as base,
  type Browser,
  type Frame,
  type Page,
  type PlaywrightTestArgs,
  type PlaywrightTestOptions,
  type PlaywrightWorkerArgs,
  type PlaywrightWorkerOptions,
  type TestInfo,
  type TestType,
} from '@playwright/test';
import type { SettingsPatch } from '../../shared/settings';
import { exportHar } from '../core/capture-export';
import { findElectronBinary } from '../cli/launch-electron';
import type { Lab } from './lab';
import { openPreview, type Preview } from './preview';
import { createSockets, type Sockets } from './sockets';

export type PreviewHost = 'browser' | 'electron';

/** What `test.use({...})` sets. */
export interface MiniappTestOptions {
  /**
   * The mini-app: a folder (an HTML page or a mini-program project), relative to the Playwright config's
   * folder, or an http(s) URL. Default: the bundled demo. (In a config's `use`, name it `miniappSource`.)
   */
  miniapp?: string | undefined;
  /** `'browser'` (default) or `'electron'` (skipped, with the reason, where no Electron binary runs). */
  host?: PreviewHost;
  /** Session settings applied before the mini-app loads (`singleModePolicy`, `incomingBinary`, `connectTimeoutMs`, …). */
  settings?: SettingsPatch;
  /** The Chromium to drive; default CHROMIUM_PATH, then Playwright's own browser. One per worker. */
  chromiumPath?: string | undefined;
}

export interface MiniappTestFixtures {
  /** The mini-app's frame, ready once `my` is defined and its first page has rendered. */
  miniapp: Frame;
  /** The panel's page. */
  panel: Page;
  /** The live capture of this test's engine. */
  sockets: Sockets;
  /** The embedded lab server's endpoints. */
  lab: Lab;
  /** `test.use({ miniapp })` lands here (the `miniapp` fixture itself is the frame). */
  miniappSource: string | undefined;
  host: PreviewHost;
  settings: SettingsPatch;
  preview: Preview;
}

export interface MiniappWorkerFixtures {
  chromiumPath: string | undefined;
  previewBrowser: Browser;
}

const DEFAULT_EXPECT_TIMEOUT_MS = 5000;

/** The project's `expect.timeout` (present at run time though FullProject's type leaves it out). */
function expectTimeout(testInfo: TestInfo): number {
  return (testInfo.project as { expect?: { timeout?: number } }).expect?.timeout ?? DEFAULT_EXPECT_TIMEOUT_MS;
}

function resolveMiniapp(source: string | undefined, testInfo: TestInfo): string | undefined {
  if (source === undefined || /^https?:\/\//i.test(source) || isAbsolute(source)) return source;
  const base = testInfo.config.configFile ? dirname(testInfo.config.configFile) : process.cwd();
  return resolve(base, source);
}

/** Playwright's own fixtures plus ours (spelled out so the published types name `@playwright/test`). */
export type PreviewTestType = TestType<PlaywrightTestArgs & PlaywrightTestOptions & MiniappTestFixtures, PlaywrightWorkerArgs & PlaywrightWorkerOptions & MiniappWorkerFixtures>;

export const previewFixtures: PreviewTestType = base.extend<MiniappTestFixtures, MiniappWorkerFixtures>({
  miniappSource: [undefined, { option: true }],
  host: ['browser', { option: true }],
  settings: [{}, { option: true }],
  chromiumPath: [process.env.CHROMIUM_PATH || undefined, { option: true, scope: 'worker' }],
  previewBrowser: [
    async ({ playwright, chromiumPath }, use) => {
      const browser = await playwright.chromium.launch(chromiumPath ? { executablePath: chromiumPath } : {});
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  preview: async ({ previewBrowser, miniappSource, host, settings }, use, testInfo) => {
    if (host === 'electron') {
      const binary = findElectronBinary();
      testInfo.skip('reason' in binary, 'reason' in binary ? `host 'electron': ${binary.reason}` : '');
      throw new Error("host 'electron' is not available through these fixtures yet; use host 'browser' (the same engine and mini-app runtime)");
    }
    const preview = await openPreview(previewBrowser, {
      miniapp: resolveMiniapp(miniappSource, testInfo),
      settings,
      readyTimeoutMs: Math.max(testInfo.timeout / 2, 10_000),
    });
    await use(preview);
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('sockets.har', { body: exportHar(preview.engine.capture), contentType: 'application/json' });
    }
    await preview.close();
  },
  miniapp: async ({ preview }, use) => use(await preview.miniapp()),
  panel: async ({ preview }, use) => use(preview.panel),
  sockets: async ({ preview }, use, testInfo) => use(createSockets(preview.engine, expectTimeout(testInfo))),
  lab: async ({ preview }, use) => use(preview.lab),
});
