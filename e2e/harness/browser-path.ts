// Which Chromium the e2e suite and the benchmarks drive, found in this order: CHROMIUM_PATH, Debian's
// /usr/bin/chromium, a Chrome or Chromium on PATH, Playwright's own download. One answer for the pretest
// step, the Playwright config and the CDP harness, so they never disagree.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium } from 'playwright';

export interface FoundBrowser {
  path: string;
  /** Where it was found, for the pretest line. */
  source: string;
}

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const NAMES_ON_PATH = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'chrome'];

/** The browser to drive, or undefined when there is none (CHROMIUM_PATH, when set, must exist). */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, debianChromium = DEBIAN_CHROMIUM): FoundBrowser | undefined {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? { path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' } : undefined;
  if (existsSync(debianChromium)) return { path: debianChromium, source: "Debian's chromium" };
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of NAMES_ON_PATH) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return { path: candidate, source: `${name} on PATH` };
    }
  }
  const playwrights = chromium.executablePath();
  return playwrights && existsSync(playwrights) ? { path: playwrights, source: "Playwright's chromium" } : undefined;
}

/** The path to drive: the found browser, else the one asked for (whose absence the pretest step reports). */
export const CHROMIUM_PATH = findBrowser()?.path ?? process.env.CHROMIUM_PATH ?? DEBIAN_CHROMIUM;
