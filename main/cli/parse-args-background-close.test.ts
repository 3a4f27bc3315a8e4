// --background-close <seconds> (docs/behaviour.md#app-life-background-and-foreground): the command line, the Electron app's
// argv and the engine the browser host starts with it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHostArgs } from '../electron/host-args';
import { writeFakeOutDir } from '../host-common/test-support/fake-out-dir';
import { electronArgs, parseCliArgs } from './parse-args';
import { startWeb } from './start-web';

describe('--background-close', () => {
  it('reads seconds (fractions too), hands them to Electron, and refuses anything else with a message', () => {
    const command = parseCliArgs(['--web', '--background-close', '30']);
    expect(command).toEqual({ kind: 'run', options: { web: true, open: true, backgroundCloseSeconds: 30 } });
    if (command.kind === 'run') expect(electronArgs(command.options)).toEqual(['--background-close', '30']);
    expect(parseCliArgs(['--background-close=0.5'])).toMatchObject({ kind: 'run', options: { backgroundCloseSeconds: 0.5 } });
    for (const bad of ['', 'soon', '-1', '3601', '1e3']) {
      expect(parseCliArgs(['--background-close', bad]), bad).toMatchObject({ kind: 'error', message: expect.stringContaining('--background-close') });
    }
    expect(parseHostArgs(['electron', '.', '--background-close', '5'])).toEqual({ backgroundCloseSeconds: 5 });
    expect(() => parseHostArgs(['--background-close=never'])).toThrow('--background-close needs seconds from 0 to 3600, not "never"');
  });

  it('starts the browser host engine with the setting', async () => {
    const base = await mkdtemp(join(tmpdir(), 'msd-bg-close-'));
    const { outDir, demo } = await writeFakeOutDir(base);
    const command = parseCliArgs(['--background-close', '12']);
    if (command.kind !== 'run') throw new Error('expected run');
    const web = await startWeb({ ...command.options, miniapp: demo, sessionsDir: join(base, 'sessions'), prefsFile: join(base, 'prefs.json'), storageDir: join(base, 'storage') }, outDir);
    try {
      expect(web.engine.settings().backgroundCloseSeconds).toBe(12);
    } finally {
      await web.stop();
      await rm(base, { recursive: true, force: true });
    }
  });
});
