import { fileURLToPath } from 'node:url';
import { DebugLogger } from 'builder-util';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { describe, expect, it } from 'vitest';

const projectDir = fileURLToPath(new URL('../..', import.meta.url));

// Loads electron-builder.yml with electron-builder's own loader and schema (no Electron binary needed).
describe('electron-builder.yml', () => {
  it('is valid for electron-builder and hardened as docs/architecture.md#our-own-windows describes', async () => {
    const config = await getConfig(projectDir, 'electron-builder.yml', null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.productName).toBe('Mini Socket DevTools');
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['out/main/session-writer-thread.mjs']);
    expect(config.extraMetadata).toEqual({ main: 'out/main/electron/index.cjs' });
    // electron-builder normalizes the list into one filter set while validating.
    expect(config.files).toEqual([{ filter: ['out/**', 'package.json', '!out/**/*.map'] }]);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
  });
});
