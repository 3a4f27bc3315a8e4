// One preview for one test: a fresh engine, lab and browser host in the test's own process (nothing is
// shared between tests or workers), and the panel opened in a new context of the worker's Chromium.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, Page } from '@playwright/test';
import type { SettingsPatch } from '../../shared/settings';
import { startWeb } from '../cli/start-web';
import type { Engine } from '../core/ports';
import { createLab, type Lab } from './lab';

export interface PreviewOptions {
  /** A folder or an http(s) URL, resolved already; undefined = the bundled demo. */
  miniapp: string | undefined;
  settings: SettingsPatch;
  /** How long the mini-app may take to be ready. */
  readyTimeoutMs: number;
}

export interface Preview {
  engine: Engine;
  panel: Page;
  lab: Lab;
  /** The mini-app's frame once ready (see miniappReady). */
  miniapp(): Promise<Frame>;
  close(): Promise<void>;
}

const POLL_MS = 50;

/** Ready: `my` is defined and the document has loaded (the first page rendered). */
function miniappReady(frame: Frame): Promise<boolean> {
  return frame.evaluate(() => typeof (window as unknown as { my?: unknown }).my === 'object' && document.readyState === 'complete').catch(() => false);
}

export async function openPreview(browser: Browser, options: PreviewOptions): Promise<Preview> {
  // The fixture's sessions, panel preferences and my storage are throwaway: each preview keeps them in its own folder,
  // removed with it, so a test never reads or writes the user's own (a stored layout or settings would
  // override the test's `settings`).
  const sessionsDir = await mkdtemp(join(tmpdir(), 'msd-playwright-'));
  const prefsFile = join(sessionsDir, 'panel-preferences.json');
  const web = await startWeb({ miniapp: options.miniapp, port: 0, sessionsDir, sessionsCapMiB: undefined, prefsFile, storageDir: join(sessionsDir, 'storage') }).catch(async (error: unknown) => {
    await rm(sessionsDir, { recursive: true, force: true });
    throw error;
  });
  const { engine, host } = web;
  if (Object.keys(options.settings).length > 0) engine.updateSettings(options.settings);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const close = async (): Promise<void> => {
    await context.close().catch(() => undefined);
    await web.stop();
    await rm(sessionsDir, { recursive: true, force: true });
  };
  try {
    const panel = await context.newPage();
    await panel.goto(host.panelUrl);
    const miniappOrigin = new URL(host.miniappUrl).origin;

    async function miniapp(): Promise<Frame> {
      const deadline = Date.now() + options.readyTimeoutMs;
      for (;;) {
        const frame = panel.frames().find((candidate) => candidate.url().startsWith(`${miniappOrigin}/`));
        if (frame && (await miniappReady(frame))) return frame;
        if (Date.now() > deadline) {
          throw new Error(`the mini-app (${host.miniappUrl}) was not ready within ${options.readyTimeoutMs} ms: no frame of ${miniappOrigin} with \`my\` defined and its document loaded (frames: ${panel.frames().map((candidate) => candidate.url()).join(', ')})`);
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    }

    return { engine, panel, lab: createLab(engine.state().lab), miniapp, close };
  } catch (error) {
    await close();
    throw error;
  }
}
