// Whether the `electron` e2e project can run here. The binary is found the way the command line finds it
// (main/cli/launch-electron.ts: path.txt and dist/ of the electron package, without requiring the package,
// which since Electron 45 starts a download when the binary is missing).
import { findElectronBinary } from '../../main/cli/launch-electron';

export interface ElectronAvailability {
  available: boolean;
  reason: string;
  executablePath?: string;
}

/** Whether an Electron binary can be launched here; `reason` says why not (shown by the skipped specs). */
export function electronAvailability(): ElectronAvailability {
  const binary = findElectronBinary();
  if ('reason' in binary) return { available: false, reason: binary.reason };
  return { available: true, reason: '', executablePath: binary.path };
}
