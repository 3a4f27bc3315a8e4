// The Electron binary is the one seam replaced here: ELECTRON_OVERRIDE_DIST_PATH (honoured by the
// electron package itself) points at small shell scripts that behave like a failing or a working binary.
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectronBinary, startElectronApp } from './launch-electron';

let base: string;
let entry: string;

async function fakeElectron(name: string, script: string): Promise<string> {
  const dir = join(base, name);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'electron'), `#!/bin/sh\n${script}\n`);
  await chmod(join(dir, 'electron'), 0o755);
  return dir;
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'msd-electron-'));
  entry = join(base, 'index.cjs');
  await writeFile(entry, '');
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('findElectronBinary', () => {
  it('reports a missing binary without requiring the package (which would start a download)', () => {
    const found = findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: join(base, 'nowhere') });
    expect(found).toEqual({ reason: expect.stringContaining('missing') });
  });
});

describe.runIf(process.platform !== 'win32')('startElectronApp', () => {
  it('falls back with one line when the binary dies at start-up, holding back its stderr', async () => {
    const dist = await fakeElectron('crashing', 'echo "error while loading shared libraries: libgtk-3.so.0" >&2\necho "second line" >&2\nexit 127');
    const start = await startElectronApp(entry, [], { env: { ELECTRON_OVERRIDE_DIST_PATH: dist }, graceMs: 10_000 });
    expect(start).toEqual({ ok: false, reason: 'Electron exited during start-up (code 127: error while loading shared libraries: libgtk-3.so.0)' });
  });

  it('reports an app that is not built', async () => {
    const dist = await fakeElectron('unused', 'exit 0');
    const start = await startElectronApp(join(base, 'missing.cjs'), [], { env: { ELECTRON_OVERRIDE_DIST_PATH: dist } });
    expect(start).toEqual({ ok: false, reason: expect.stringContaining('not built') });
  });

  it('hands over the entry and arguments, and reports the exit code of a binary that keeps running', async () => {
    const out = join(base, 'argv.txt');
    const dist = await fakeElectron('working', `echo "$@" > "${out}"\nsleep 1\nexit 3`);
    const start = await startElectronApp(entry, ['--miniapp', '/tmp/app'], { env: { ELECTRON_OVERRIDE_DIST_PATH: dist }, graceMs: 200 });
    if (!start.ok) throw new Error(start.reason);
    expect(await start.exitCode).toBe(3);
    expect((await readFile(out, 'utf8')).trim()).toBe(`${entry} --miniapp /tmp/app`);
  });

  it('stops the app on request', async () => {
    const dist = await fakeElectron('long', 'exec sleep 30');
    const start = await startElectronApp(entry, [], { env: { ELECTRON_OVERRIDE_DIST_PATH: dist }, graceMs: 200 });
    if (!start.ok) throw new Error(start.reason);
    start.stop('SIGTERM');
    expect(await start.exitCode).toBe(1);
  });
});
