// Runs the built command line as users do (`mini-socket-devtools --web --no-open --port 0`) in a child
// process and reads the URLs it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BrowserHostProcess {
  panelUrl: string;
  miniappUrl: string;
  captureHarUrl: string;
  /** Everything the process printed so far (for failure messages). */
  output(): string;
  stop(): Promise<number | null>;
  /** SIGKILL, as a crash would end it; resolves when it exited. */
  kill(): Promise<void>;
}

const BIN = fileURLToPath(new URL('../../bin/mini-socket-devtools.mjs', import.meta.url));
const START_TIMEOUT_MS = 30_000;

/** The --prefs-file of a host started on `dataDir`. */
export const preferencesFileIn = (dataDir: string): string => join(dataDir, 'panel-preferences.json');

/**
 * Starts the host on `dataDir`, a folder the caller owns and removes (e2e/harness/host-folder.ts): its
 * --sessions-dir, with the --prefs-file and --storage-dir in it. Rejects with the host's output when it does
 * not print its URLs in time.
 */
export async function startBrowserHostProcess(dataDir: string, extraArgs: string[] = []): Promise<BrowserHostProcess> {
  const child = spawn(process.execPath, [BIN, '--web', '--no-open', '--port', '0', '--sessions-dir', dataDir, '--prefs-file', preferencesFileIn(dataDir), '--storage-dir', join(dataDir, 'storage'), ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const line = (label: string) => new RegExp(`^${label}: (\\S+)$`, 'm').exec(output)?.[1];
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(line('Panel') && line('Mini-app') && line('Capture \\(HAR\\)'))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the browser host did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    panelUrl: line('Panel') ?? '',
    miniappUrl: line('Mini-app') ?? '',
    captureHarUrl: line('Capture \\(HAR\\)') ?? '',
    output: () => output,
    stop: () => stopChild(child, exited),
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  child.kill('SIGTERM');
  // Only a host that never stops is killed (a non-zero exit the caller reports): a clean stop closes the session
  // (index, fsync), which a loaded machine may take long over, so the bound is wide.
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const code = await exited;
  clearTimeout(timer);
  return code;
}
