import { describe, expect, it } from 'vitest';
import { defaultAppDataDir } from './default-sessions-dir';

describe('default app data folder', () => {
  it('uses XDG_DATA_HOME on Linux, else ~/.local/share, and ignores a relative XDG_DATA_HOME', () => {
    expect(defaultAppDataDir({ platform: 'linux', home: '/home/u', env: { XDG_DATA_HOME: '/data' } })).toBe('/data/mini-socket-devtools');
    expect(defaultAppDataDir({ platform: 'linux', home: '/home/u', env: {} })).toBe('/home/u/.local/share/mini-socket-devtools');
    expect(defaultAppDataDir({ platform: 'linux', home: '/home/u', env: { XDG_DATA_HOME: 'rel' } })).toBe('/home/u/.local/share/mini-socket-devtools');
  });

  it('uses Application Support on macOS and APPDATA on Windows', () => {
    expect(defaultAppDataDir({ platform: 'darwin', home: '/Users/u', env: { XDG_DATA_HOME: '/x' } })).toBe('/Users/u/Library/Application Support/mini-socket-devtools');
    expect(defaultAppDataDir({ platform: 'win32', home: 'C:\\Users\\u', env: { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' } })).toBe('C:\\Users\\u\\AppData\\Roaming\\mini-socket-devtools');
    expect(defaultAppDataDir({ platform: 'win32', home: 'C:\\Users\\u', env: {} })).toBe('C:\\Users\\u\\AppData\\Roaming\\mini-socket-devtools');
  });
});
