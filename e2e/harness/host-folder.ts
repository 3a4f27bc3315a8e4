// A browser host on a data folder the test owns (docs/architecture.md "Playwright fixtures"): one temp folder
// is every host's --sessions-dir, its panel-preferences.json the --prefs-file and storage/ the --storage-dir,
// so hosts started one after another on it (a restart, a crash and a recovery) find what the last one left.
// The folder is removed when the test ends, after any host still running on it is killed.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import type { PanelPreferences } from '../../shared/panel-preferences';
import { openBrowserHostDriver } from './browser-host-driver';
import { preferencesFileIn, startBrowserHostProcess, type BrowserHostProcess } from './browser-host-process';
import type { HostDriver } from './host-driver';

/** A host running on the folder, with its panel open. */
export interface OpenHost {
  host: BrowserHostProcess;
  driver: HostDriver;
}

export interface HostFolder {
  /** The folder itself: every host's --sessions-dir. */
  readonly dir: string;
  /** What the folder's preferences file holds now; nothing before a host first writes it. */
  preferences(): PanelPreferences;
  /** Starts a host on the folder with `args` and opens its panel; the caller closes and stops (or kills) it. */
  open(args?: string[]): Promise<OpenHost>;
  /**
   * Starts a host, runs `body` on its panel, then closes the panel and stops the host, which must exit with 0
   * (its output is in the error otherwise); resolves with what `body` resolved with.
   */
  run<T>(args: string[], body: (driver: HostDriver, host: BrowserHostProcess) => Promise<T>): Promise<T>;
}

/** Runs `body` with a fresh folder whose hosts open their panels in `browser`; removes the folder after. */
export async function withHostFolder<T>(browser: Browser, body: (folder: HostFolder) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'msd-e2e-host-'));
  const started: BrowserHostProcess[] = [];
  const open = async (args: string[] = []): Promise<OpenHost> => {
    const host = await startBrowserHostProcess(dir, args);
    started.push(host);
    const driver = await openBrowserHostDriver(host, browser);
    return { host, driver };
  };
  const folder: HostFolder = {
    dir,
    preferences() {
      try {
        return JSON.parse(readFileSync(preferencesFileIn(dir), 'utf8')) as PanelPreferences;
      } catch {
        return {};
      }
    },
    open,
    async run<R>(args: string[], runBody: (driver: HostDriver, host: BrowserHostProcess) => Promise<R>): Promise<R> {
      const { host, driver } = await open(args);
      const close = async () => {
        await driver.close();
        return host.stop();
      };
      let result: R;
      try {
        result = await runBody(driver, host);
      } catch (error) {
        // The body's failure is the one reported, whatever the host's exit.
        await close();
        throw error;
      }
      const code = await close();
      if (code !== 0) throw new Error(`the browser host exited with ${code} on SIGTERM:\n${host.output()}`);
      return result;
    },
  };
  try {
    return await body(folder);
  } finally {
    // A host the body left running (a failed step, a driver that did not open) must not outlive its folder.
    await Promise.all(started.map((host) => host.kill()));
    await rm(dir, { recursive: true, force: true });
  }
}
