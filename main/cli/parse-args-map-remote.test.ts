// `--map-remote <from>=<to>` (docs/debugging.md#map-remote): repeatable, checked, handed to Electron, and
// applied by the browser host's engine to a real connect.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseHostArgs } from '../electron/host-args';
import type { WebSession } from './start-web';
import { startWeb } from './start-web';
import { electronArgs, parseCliArgs } from './parse-args';
import { attachWireTestClient } from '../core/test-support/wire-test-client';
import { writeFakeOutDir } from '../host-common/test-support/fake-out-dir';
import type { LoopbackServer } from '../core/debugging/test-support/loopback-server';
import { startLoopbackServer } from '../core/debugging/test-support/loopback-server';

const FROM = 'wss://api.example.com/chat';
let web: WebSession | undefined;
let server: LoopbackServer | undefined;
let base: string | undefined;
afterEach(async () => {
  await web?.stop();
  await server?.close();
  if (base) await rm(base, { recursive: true, force: true });
  base = undefined;
  web = undefined;
  server = undefined;
});

describe('--map-remote', () => {
  it('is repeatable, keeps its order, and reaches the Electron app unchanged', () => {
    const command = parseCliArgs(['--web', '--map-remote', `${FROM}=ws://127.0.0.1:9000/echo`, '--map-remote=wss://b.test=ws://127.0.0.1:9001']);
    expect(command.kind === 'run' && command.options.mapRemote).toEqual([
      { id: 'cli-1', enabled: true, from: FROM, to: 'ws://127.0.0.1:9000/echo' },
      { id: 'cli-2', enabled: true, from: 'wss://b.test', to: 'ws://127.0.0.1:9001' },
    ]);
    if (command.kind !== 'run') return;
    const argv = electronArgs(command.options);
    expect(argv).toEqual(['--map-remote', `${FROM}=ws://127.0.0.1:9000/echo`, '--map-remote', 'wss://b.test=ws://127.0.0.1:9001']);
    expect(parseHostArgs(['electron', '.', ...argv]).mapRemote).toEqual(command.options.mapRemote);
  });

  it('refuses an argument without two absolute URLs', () => {
    expect(parseCliArgs(['--map-remote', 'api.example.com=127.0.0.1'])).toMatchObject({ kind: 'error', message: expect.stringContaining('--map-remote') });
    expect(() => parseHostArgs(['--map-remote', 'x=y'])).toThrow(/--map-remote/);
  });

  it('the browser host started with it dials the mapped server', async () => {
    server = await startLoopbackServer();
    const command = parseCliArgs(['--web', '--no-open', '--map-remote', `${FROM}=${server.url}/echo`]);
    if (command.kind !== 'run') throw new Error('the command did not parse');
    base = await mkdtemp(join(tmpdir(), 'msd-map-remote-'));
    const { outDir, demo } = await writeFakeOutDir(base);
    web = await startWeb({ ...command.options, miniapp: demo, sessionsDir: join(base, 'sessions'), prefsFile: join(base, 'panel-preferences.json'), storageDir: join(base, 'storage') }, outDir);
    const client = attachWireTestClient(web.engine);
    client.call('connect', { url: `${FROM}/room` });
    await client.event(null, 'open');
    expect(server.paths).toEqual(['/echo/room']);
  });
});
