// Launches the built Electron app with Playwright's _electron and finds its two pages: the panel window
// (app://panel) and the mini-app WebContentsView (miniapp://app, or the --miniapp URL's origin). Specs of
// the `electron` project use it where electronAvailability() finds a binary; elsewhere they are skipped.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { _electron } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import { electronAvailability } from './electron-availability';

const ENTRY = fileURLToPath(new URL('../../out/main/electron/index.cjs', import.meta.url));
const PANEL_ORIGIN = 'app://panel';
const DEMO_ORIGIN = 'miniapp://app';

export interface ElectronAppOptions {
  /** `--miniapp <folder|url>`; absent → the bundled demo. */
  miniapp?: string;
  /** The origin the mini-app loads from (default: miniapp://app, right for folders). */
  miniappOrigin?: string;
  /** Extra argv for the app. */
  args?: string[];
  /** Extra environment variables for the app (added to this process's). */
  env?: Record<string, string>;
  /** How long to wait for each page (default 30 s). */
  timeoutMs?: number;
}

/** The running app, in the shape the browser driver gives: the panel page and the mini-app's page. */
export interface ElectronAppHandle {
  app: ElectronApplication;
  panel: Page;
  /** Under Electron the mini-app is a page of its own (a WebContentsView), not a frame of the panel. */
  miniapp: Page;
  close(): Promise<void>;
}

async function findPage(app: ElectronApplication, origin: string, timeoutMs: number): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const page = app.windows().find((candidate) => candidate.url().startsWith(`${origin}/`));
    if (page) return page;
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      const seen = app.windows().map((candidate) => candidate.url());
      throw new Error(`no page of ${origin} within ${timeoutMs} ms (pages: ${seen.join(', ') || 'none'})`);
    }
    await app.waitForEvent('window', { timeout: Math.min(remaining, 1000) }).catch(() => undefined);
  }
}

/** Launches `out/main/electron/index.cjs --no-open` with the installed Electron binary. */
export async function launchElectronApp(options: ElectronAppOptions = {}): Promise<ElectronAppHandle> {
  const availability = electronAvailability();
  if (!availability.available || availability.executablePath === undefined) throw new Error(availability.reason);
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run \`npm run build\` first`);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const args = [ENTRY, '--no-open', ...(options.miniapp === undefined ? [] : ['--miniapp', options.miniapp]), ...(options.args ?? [])];
  const env = { ...process.env, ...options.env } as Record<string, string>;
  const app = await _electron.launch({ executablePath: availability.executablePath, args, env, timeout: timeoutMs });
  try {
    const panel = await findPage(app, PANEL_ORIGIN, timeoutMs);
    const miniapp = await findPage(app, options.miniappOrigin ?? DEMO_ORIGIN, timeoutMs);
    await Promise.all([panel.waitForLoadState('domcontentloaded'), miniapp.waitForLoadState('domcontentloaded')]);
    return { app, panel, miniapp, close: () => app.close() };
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
}
