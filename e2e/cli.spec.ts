// The `mini-socket-devtools` command as users run it (the built bin, a real child process). Where Electron
// cannot start, it says so in one line and serves the browser host instead; Ctrl-C/SIGTERM stop it cleanly.
// The Electron binary is the seam replaced here (ELECTRON_OVERRIDE_DIST_PATH, honoured by the electron package).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

const BIN = fileURLToPath(new URL('../bin/mini-socket-devtools.mjs', import.meta.url));
// The default sessions folder (XDG_DATA_HOME/mini-socket-devtools/sessions) of these runs is a temp one.
const dataHome = mkdtempSync(join(tmpdir(), 'msd-cli-data-'));
test.afterAll(() => rmSync(dataHome, { recursive: true, force: true }));

interface Run {
  output(): string;
  exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
  waitFor(pattern: RegExp): Promise<void>;
}

function run(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, XDG_DATA_HOME: dataHome, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    output: () => output,
    exited,
    kill: (signal) => child.kill(signal),
    async waitFor(pattern) {
      await expect.poll(() => pattern.test(output), { timeout: 30_000, message: `waiting for ${pattern} in:\n${output}` }).toBe(true);
    },
  };
}

test.beforeEach(() => {
  test.skip(test.info().project.name !== 'browser', 'command-line checks run once, in the browser project');
});

test('without a usable Electron binary: one clear line, then the browser host; SIGTERM stops it with 0', async () => {
  const dist = await mkdtemp(join(tmpdir(), 'msd-fake-electron-'));
  try {
    await writeFile(join(dist, 'electron'), '#!/bin/sh\necho "error while loading shared libraries: libgtk-3.so.0: cannot open shared object file" >&2\nexit 127\n');
    await chmod(join(dist, 'electron'), 0o755);
    const cli = run(['--no-open', '--port', '0'], { ELECTRON_OVERRIDE_DIST_PATH: dist });
    await cli.waitFor(/^Press Ctrl-C to stop\.$/m);
    const lines = cli.output().trim().split('\n');
    expect(lines[0]).toBe('Electron cannot start here: Electron exited during start-up (code 127: error while loading shared libraries: libgtk-3.so.0: cannot open shared object file). Starting the browser host instead.');
    expect(lines[1]).toMatch(/^Panel: http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(cli.output()).not.toMatch(/\n\s+at /);
    const panel = await fetch(lines[1]?.slice('Panel: '.length) ?? '');
    expect(panel.status).toBe(200);
    cli.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  } finally {
    await rm(dist, { recursive: true, force: true });
  }
});

test('--web prints the panel URL on its own line and serves it; Ctrl-C (SIGINT) stops it with 0', async () => {
  const cli = run(['--web', '--no-open']);
  await cli.waitFor(/^Press Ctrl-C to stop\.$/m);
  expect(cli.output()).not.toMatch(/Electron/);
  const panelUrl = /^Panel: (\S+)$/m.exec(cli.output())?.[1] ?? '';
  expect((await fetch(panelUrl)).status).toBe(200);
  cli.kill('SIGINT');
  expect(await cli.exited).toBe(0);
  await expect(fetch(panelUrl)).rejects.toThrow();
});

test('a taken port and bad arguments end with one message and a non-zero exit', async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
  const address = blocker.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  try {
    const busy = run(['--web', '--no-open', '--port', String(port)]);
    expect(await busy.exited).toBe(1);
    expect(busy.output().trim()).toBe(`mini-socket-devtools: port ${port} on 127.0.0.1 is already in use; pick another with --port`);
  } finally {
    blocker.close();
  }
  const bad = run(['--port', 'eighty']);
  expect(await bad.exited).toBe(2);
  expect(bad.output()).toMatch(/^mini-socket-devtools: --port must be a number/);
  const missing = run(['--web', '--no-open', '--miniapp', '/nonexistent/mini-app']);
  expect(await missing.exited).toBe(1);
  expect(missing.output().trim()).toBe('mini-socket-devtools: the mini-app folder /nonexistent/mini-app does not exist or has no index.html, app.json or mini.project.json');
});
