// Where sessions live when no --sessions-dir is given: the platform's per-user data folder. Pure (the
// environment is passed in) so every platform's rule is tested on any machine.
import { join, posix, win32 } from 'node:path';

export const APP_FOLDER = 'mini-socket-devtools';

export interface PlatformEnvironment {
  platform: NodeJS.Platform;
  home: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** The app's data folder: XDG_DATA_HOME (Linux), Application Support (macOS), APPDATA (Windows). */
export function defaultAppDataDir({ platform, home, env }: PlatformEnvironment): string {
  if (platform === 'win32') return win32.join(nonEmpty(env.APPDATA) ?? win32.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', APP_FOLDER);
  // XDG: a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = nonEmpty(env.XDG_DATA_HOME);
  return posix.join(xdg !== undefined && xdg.startsWith('/') ? xdg : posix.join(home, '.local', 'share'), APP_FOLDER);
}

/** The sessions folder inside an app data folder (Electron passes its `userData`). */
export function sessionsDirIn(appDataDir: string): string {
  return join(appDataDir, 'sessions');
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
