// `mini-socket-devtools`: the Electron app when its binary can start, otherwise (or with --web) the browser
// host. Ctrl-C and SIGTERM stop everything cleanly. Exported as `main` so bin/ stays a two-line loader.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startElectronApp } from './launch-electron';
import { openInBrowser } from './open-browser';
import { findOutDir, outPaths } from '../host-common/out-layout';
import { electronArgs, parseCliArgs, USAGE, type CliOptions } from './parse-args';
import { installProcessSafetyNet } from '../core/process-safety-net';
import { startWeb } from './start-web';

/** Where the command prints; injectable for tests. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const consoleIo: CliIo = { out: (line) => console.log(line), err: (line) => console.error(line) };
const STOP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

/** Runs the command; resolves with the process exit code once everything has stopped. */
export async function main(argv: readonly string[], io: CliIo = consoleIo): Promise<number> {
  const command = parseCliArgs(argv);
  if (command.kind === 'help' || command.kind === 'version') {
    io.out(command.kind === 'help' ? USAGE : version());
    return 0;
  }
  if (command.kind === 'error') {
    io.err(`mini-socket-devtools: ${command.message}`);
    io.err(USAGE);
    return 2;
  }
  const outDir = findOutDir(dirname(fileURLToPath(import.meta.url)));
  if (!command.options.web) {
    const electron = await startElectronApp(outPaths(outDir).electronMain, electronArgs(command.options));
    if (electron.ok) {
      const forward = (signal: NodeJS.Signals) => electron.stop(signal);
      STOP_SIGNALS.forEach((signal) => process.on(signal, forward));
      const code = await electron.exitCode;
      STOP_SIGNALS.forEach((signal) => process.off(signal, forward));
      return code;
    }
    io.out(`Electron cannot start here: ${electron.reason}. Starting the browser host instead.`);
  }
  return runWeb(command.options, outDir, io);
}

async function runWeb(options: CliOptions, outDir: string, io: CliIo): Promise<number> {
  installProcessSafetyNet((line) => io.err(line));
  let session;
  try {
    session = await startWeb(options, outDir);
  } catch (error) {
    io.err(`mini-socket-devtools: ${describeStartError(error, options)}`);
    return 1;
  }
  const { host } = session;
  io.out(`Panel: ${host.panelUrl}`);
  io.out(`Mini-app: ${host.miniappUrl}`);
  io.out(`Capture (HAR): ${host.captureHarUrl}`);
  io.out('Press Ctrl-C to stop.');
  if (options.open) openInBrowser(host.panelUrl);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    STOP_SIGNALS.forEach((name) => process.once(name, () => resolve(name)));
  });
  io.out(`Stopping (${signal})…`);
  await session.stop();
  return 0;
}

function describeStartError(error: unknown, options: CliOptions): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') return `port ${options.port ?? ''} on 127.0.0.1 is already in use; pick another with --port`;
  if (code === 'EACCES') return `port ${options.port ?? ''} on 127.0.0.1 is not allowed for this user; pick another with --port`;
  return error instanceof Error ? error.message : String(error);
}

function version(): string {
  const root = dirname(findOutDir(dirname(fileURLToPath(import.meta.url))));
  const manifest: unknown = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const value = typeof manifest === 'object' && manifest !== null && 'version' in manifest ? String(manifest.version) : 'unknown';
  return `mini-socket-devtools ${value}`;
}
