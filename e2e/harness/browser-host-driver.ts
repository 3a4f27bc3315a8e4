// The HostDriver of the browser host: a fresh browser context per test on the panel page, the mini-app
// found as the panel's cross-origin iframe, the capture read from the host's HTTP API, and engine state
// and settings through a Node-side panel on the panel bridge.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Frame } from '@playwright/test';
import type { EngineState } from '../../shared/panel-wire';
import { hostConfigSchema } from '../../shared/host-config';
import { jsonlToCapture } from '../../shared/jsonl';
import type { BrowserHostProcess } from './browser-host-process';
import type { HostDriver } from './host-driver';
import { connectPanelBridge } from './panel-bridge-client';

export const SCREENSHOT_DIR = fileURLToPath(new URL('../screenshots/', import.meta.url));
const WAIT_MS = 30_000;

/** Opens the panel of `host` in a new context of `browser`. */
export async function openBrowserHostDriver(host: BrowserHostProcess, browser: Browser): Promise<HostDriver> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  // The panel's read-only test hook (renderer/capture/test-hook.ts); only the top document gets the flag.
  await context.addInitScript(() => {
    if (window === window.top) window.__MSD_TEST__ = true;
  });
  const panel = await context.newPage();
  await panel.goto(host.panelUrl);
  const config = hostConfigSchema.parse(await panel.evaluate(() => window.__MSD_CONFIG__));
  const panelOrigin = new URL(host.panelUrl).origin;
  const miniappOrigin = new URL(config.miniappUrl).origin;
  const bridge = await connectPanelBridge(config.panelBridge, panelOrigin);
  const jsonlUrl = host.captureHarUrl.replace('/api/capture.har?', '/api/capture.jsonl?');

  /** The mini-app frame once a document with `my` (and not `marked`) is in it. */
  async function findMiniapp(skipMarked: boolean): Promise<Frame> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const frame = panel.frames().find((candidate) => candidate.url().startsWith(`${miniappOrigin}/`));
      const ready = frame
        ? await frame
            .evaluate((skip) => typeof (window as unknown as { my?: unknown }).my === 'object' && !(skip && (window as unknown as { __e2eOld?: boolean }).__e2eOld), skipMarked)
            .catch(() => false)
        : false;
      if (frame && ready) return frame;
      if (Date.now() > deadline) throw new Error(`no mini-app frame of ${miniappOrigin} with my (frames: ${panel.frames().map((f) => f.url()).join(', ')})`);
      await panel.waitForTimeout(50);
    }
  }

  async function fetchText(url: string): Promise<string> {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    return response.text();
  }

  return {
    kind: 'browser',
    panel,
    miniapp: () => findMiniapp(false),
    async reloadMiniapp() {
      const frame = await findMiniapp(false);
      await frame.evaluate(() => {
        (window as unknown as { __e2eOld: boolean }).__e2eOld = true;
        setTimeout(() => location.reload(), 0);
      });
      return findMiniapp(true);
    },
    async reloadPanel() {
      await panel.reload();
      await findMiniapp(false);
    },
    async lab() {
      const frame = await findMiniapp(false);
      return frame.evaluate(() => window.__MSD_LAB__?.endpoints ?? []);
    },
    async capture() {
      const parsed = jsonlToCapture(await fetchText(jsonlUrl));
      if (parsed.warnings.length > 0) throw new Error(`the JSONL export did not parse cleanly: ${parsed.warnings.join('; ')}`);
      return parsed.entries;
    },
    captureHar: () => fetchText(host.captureHarUrl),
    engineState: (predicate?: (state: EngineState) => boolean) => bridge.waitForState(predicate ?? (() => true)),
    async updateSettings(patch) {
      bridge.send({ kind: 'settings', patch });
      await bridge.waitForState((state) => Object.entries(patch).every(([key, value]) => state.settings[key as keyof typeof patch] === value));
    },
    async screenshot(name) {
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      const path = `${SCREENSHOT_DIR}${name}.png`;
      await panel.screenshot({ path });
      return path;
    },
    async close() {
      bridge.close();
      await context.close();
    },
  };
}
