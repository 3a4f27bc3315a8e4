// `npm test`'s pretest step: makes sure a Chromium exists for the e2e suite (e2e/harness/browser-path.ts
// says where it looks). Where none is found and apt-get is usable as root, it installs Debian's chromium,
// xvfb and xauth, saying so in one line; elsewhere it stops at once with one line naming the command.
import { execFileSync } from 'node:child_process';
import { findBrowser } from '../e2e/harness/browser-path';

const PACKAGES = ['chromium', 'xvfb', 'xauth'];
/** Installed with them so Chinese payloads in the e2e screenshots render as text, as on the CI machine. */
const FONTS = ['fonts-noto-cjk'];

function hasAptAsRoot(): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('apt-get', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function main(): number {
  if (process.env.CHROMIUM_PATH && !findBrowser()) {
    console.error(`pretest: CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist; point it at a Chromium or unset it.`);
    return 1;
  }
  if (findBrowser()) return 0;
  if (!hasAptAsRoot()) {
    console.error(`pretest: no Chromium found for the e2e suite; run \`sudo apt-get install -y ${[...PACKAGES, ...FONTS].join(' ')}\` (or set CHROMIUM_PATH).`);
    return 1;
  }
  console.log(`pretest: no Chromium found; installing Debian's ${PACKAGES.join(', ')} (and CJK fonts) with apt-get.`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...PACKAGES, ...FONTS], { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (findBrowser()) return 0;
  console.error('pretest: apt-get finished but no Chromium was found.');
  return 1;
}

process.exitCode = main();
