import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface ElectronAvailability {
  available: boolean;
  reason: string;
  executablePath?: string;
}

/**
 * Whether an Electron binary can be launched here; `reason` says why not (shown by the skipped specs).
 * It finds the binary the way `require('electron')` does (path.txt, dist/, ELECTRON_OVERRIDE_DIST_PATH)
 * but never requires the package: since Electron 45 that starts a download when the binary is missing.
 */
export function electronAvailability(): ElectronAvailability {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { available: false, reason: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const executablePath = override ? join(override, relative || 'electron') : relative ? join(packageDir, 'dist', relative) : '';
  if (executablePath === '' || !existsSync(executablePath)) {
    return { available: false, reason: 'the Electron binary is not installed (node_modules/electron has no downloaded dist/)' };
  }
  return { available: true, reason: '', executablePath };
}
