// The browser host as users start it: `node bin/mini-socket-devtools.mjs --web --no-open` in its own
// process, ready when it prints `Panel: <url>`. Stopped with SIGTERM to its own pid.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BrowserHostProcess {
  panelUrl: string;
  miniappUrl: string;
  /** `http://127.0.0.1:<port>` of the mini-app server (the iframe's URL prefix). */
  miniappOrigin: string;
  /** performance.now() when the process was spawned and when it printed the panel URL. */
  spawnedAt: number;
  readyAt: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface HostProcessOptions {
  /** Node flags for the host, e.g. `--cpu-prof --cpu-prof-dir=<dir>` to see where its time goes. */
  nodeFlags?: string[];
  timeoutMs?: number;
}

/** Spawns the command line and waits for its URLs (the build must exist: `npm run bench` builds first). */
export function startBrowserHostProcess(root: string, options: HostProcessOptions = {}): Promise<BrowserHostProcess> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const spawnedAt = performance.now();
  // Its sessions and panel preferences go to a folder of its own, removed when it exits (never the user's).
  const sessionsDir = mkdtempSync(join(tmpdir(), 'msd-bench-sessions-'));
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), join(root, 'bin', 'mini-socket-devtools.mjs'), '--web', '--no-open', '--sessions-dir', sessionsDir, '--prefs-file', join(sessionsDir, 'panel-preferences.json'), '--storage-dir', join(sessionsDir, 'storage')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => rmSync(sessionsDir, { recursive: true, force: true }));
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  async function stop(): Promise<void> {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the browser host printed no panel URL within ${timeoutMs} ms:\n${output.slice(-2000)}`));
    }, timeoutMs);
    const onExit = (code: number | null): void => {
      clearTimeout(timer);
      reject(new Error(`the browser host exited (${code}):\n${output.slice(-2000)}`));
    };
    child.once('exit', onExit);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const panel = /^Panel: (\S+)$/m.exec(output)?.[1];
      const miniapp = /^Mini-app: (\S+)$/m.exec(output)?.[1];
      if (!panel || !miniapp) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve({ panelUrl: panel, miniappUrl: miniapp, miniappOrigin: new URL(miniapp).origin, spawnedAt, readyAt: performance.now(), process: child, stop });
    });
  });
}
