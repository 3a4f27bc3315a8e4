// Tries the Electron app: finds the binary the `electron` package points to and spawns it on the built
// main entry. A missing binary, a missing build, or a binary that dies during start-up (no display, missing
// libraries) all come back as one short reason, so the caller can fall back to the browser host.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronStart =
  | { ok: true; exitCode: Promise<number>; stop(signal: NodeJS.Signals): void }
  | { ok: false; reason: string };

/**
 * The Electron binary's path, or why there is none. Read the way the `electron` package's index.js does
 * (path.txt under the package, or ELECTRON_OVERRIDE_DIST_PATH), without requiring it: requiring it with the
 * binary missing starts a download.
 */
export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): { path: string } | { reason: string } {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return existsOrReason(join(override, executable || 'electron'));
  if (!executable) return { reason: 'the Electron binary is not installed (skipped or failed download)' };
  return existsOrReason(join(packageDir, 'dist', executable));
}

function existsOrReason(path: string): { path: string } | { reason: string } {
  return existsSync(path) ? { path } : { reason: `the Electron binary is missing (${path})` };
}

/**
 * Spawns Electron on `entry`. It counts as started once it has lived `graceMs` (or exited with 0); its
 * stderr is held back until then, so a failed start prints nothing but the caller's one line.
 */
export function startElectronApp(entry: string, args: readonly string[], options: { graceMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<ElectronStart> {
  const graceMs = options.graceMs ?? 4000;
  const binary = findElectronBinary(options.env);
  if ('reason' in binary) return Promise.resolve({ ok: false, reason: binary.reason });
  if (!existsSync(entry)) return Promise.resolve({ ok: false, reason: `the Electron app is not built (${entry} is missing)` });

  return new Promise((resolve) => {
    const child = spawn(binary.path, [entry, ...args], { stdio: ['ignore', 'inherit', 'pipe'] });
    const held: Buffer[] = [];
    let settled = false;
    const onEarlyData = (chunk: Buffer) => held.push(chunk);
    child.stderr.on('data', onEarlyData);
    const exitCode = new Promise<number>((resolveExit) => child.once('exit', (code, signal) => resolveExit(code ?? (signal ? 1 : 0))));

    function started(): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.stderr.off('data', onEarlyData);
      for (const chunk of held) process.stderr.write(chunk);
      child.stderr.pipe(process.stderr);
      resolve({ ok: true, exitCode, stop: (signal) => child.kill(signal) });
    }
    function failed(reason: string): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ok: false, reason });
    }

    const timer = setTimeout(started, graceMs);
    child.once('error', (error: NodeJS.ErrnoException) => failed(`the Electron binary could not start (${error.code ?? error.message})`));
    child.once('exit', (code, signal) => {
      if (code === 0) return started();
      const firstLine = Buffer.concat(held).toString('utf8').split('\n').find((line) => line.trim() !== '')?.trim();
      failed(`Electron exited during start-up (${signal ?? `code ${code}`}${firstLine ? `: ${firstLine.slice(0, 160)}` : ''})`);
    });
  });
}
