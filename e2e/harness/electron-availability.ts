import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';

export interface ElectronAvailability {
  available: boolean;
  reason: string;
  executablePath?: string;
}

/** Whether an Electron binary can be launched here; `reason` says why not (shown by the skipped specs). */
export function electronAvailability(): ElectronAvailability {
  try {
    const require = createRequire(import.meta.url);
    const executablePath = require('electron') as unknown;
    if (typeof executablePath !== 'string' || !existsSync(executablePath)) {
      return { available: false, reason: 'the electron package has no binary on this machine' };
    }
    return { available: true, reason: '', executablePath };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { available: false, reason: `the Electron binary is not installed (${message})` };
  }
}
