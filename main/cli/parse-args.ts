// The command line: `mini-socket-devtools [--web] [--miniapp <folder|url>] [--port <n>] [--no-open]`.
// Parsing is separate from starting anything, so it is tested on its own and shared by both hosts.
import { parseArgs } from 'node:util';
import type { MapRemoteRule } from '../../shared/debugging/map-remote';
import { parseMapRemoteArg } from '../../shared/debugging/map-remote';
import { CLIENT_PROFILES, type ClientProfileName } from '../../shared/client-profiles';
import { parseBackgroundCloseSeconds } from '../../shared/settings';

export interface CliOptions {
  /** Start the browser host directly instead of trying the Electron app. */
  web: boolean;
  /** A mini-app folder or http(s) URL; absent = the bundled demo against the embedded lab server. */
  miniapp?: string;
  /** The panel's port on 127.0.0.1 (browser host); absent = any free port. */
  port?: number;
  /** Try to open a browser on the panel (browser host). */
  open: boolean;
  /** Where sessions are saved; absent = the app data folder's `sessions` (main/core/session-store/default-sessions-dir.ts). */
  sessionsDir?: string;
  /** Disk cap of all saved sessions in MiB; absent = 2048. */
  sessionsCapMiB?: number;
  /** The panel preferences file; absent = the app data folder's panel-preferences.json. */
  prefsFile?: string;
  /** Memory the live capture may hold (--capture-mib), MiB; default 256 (main/core/capture-log.ts). */
  captureMiB?: number;
  /** Unsent bytes one page or panel may have before the browser host applies backpressure (--client-buffer-mib); default 8 (main/browser-host/slow-readers.ts). */
  clientBufferMiB?: number;
  /** `--map-remote <from>=<to>` rules, in the order given (docs/debugging.md#map-remote). */
  mapRemote?: MapRemoteRule[];
  /** Whose error table the engine answers with (docs/behaviour.md#client-profiles); absent = alipay-plus. */
  clientProfile?: ClientProfileName;
  /** Where my storage is kept per project; absent = the app data folder's `storage` (docs/behaviour.md#storage-mirror). */
  storageDir?: string;
  /** `--background-close <seconds>`: close the app's sockets that long after it went to the background (docs/behaviour.md#app-life-background-and-foreground). */
  backgroundCloseSeconds?: number;
}

export type CliCommand = { kind: 'run'; options: CliOptions } | { kind: 'help' } | { kind: 'version' } | { kind: 'error'; message: string };

/** The usage text printed by `--help` and after a usage error. */
export const USAGE = `Usage: mini-socket-devtools [--web] [--miniapp <folder|url>] [--port <n>] [--no-open] [--sessions-dir <dir>] [--sessions-cap <MiB>] [--prefs-file <file>] [--storage-dir <dir>]
                            [--capture-mib <MiB>] [--client-buffer-mib <MiB>]
                            [--map-remote <from>=<to>]...
                            [--client-profile <name>]
                            [--background-close <seconds>]

  --web              start the browser host (no Electron) and print the panel URL
  --miniapp <path>   preview this mini-app folder (served from its index.html) or http(s) URL;
                     default: the bundled demo against the embedded lab server
  --port <n>         the panel's port on 127.0.0.1 (browser host); default: any free port
  --no-open          do not open a browser on the panel
  --sessions-dir <dir>  save sessions here; default: the app data folder's sessions/
                     (browser host: $XDG_DATA_HOME/mini-socket-devtools/sessions or the platform's equal)
  --sessions-cap <MiB>  disk cap of all saved sessions, oldest deleted first; default: 2048
  --prefs-file <file>  keep the panel's layout, columns, filters and settings here;
                     default: the app data folder's panel-preferences.json
  --capture-mib <MiB>   memory the live capture may hold, oldest entries leave first (the saved
                     session keeps them); default: 256
  --client-buffer-mib <MiB>  bytes waiting for one slow page or panel before the engine stops
                     feeding it (backpressure, nothing dropped); default: 8
  --map-remote <from>=<to>  dial <to> when the app connects to <from> (scheme, host, port, path prefix);
                     repeatable, e.g. --map-remote wss://api.example.com/chat=ws://127.0.0.1:9000/echo
  --client-profile <name>  the client whose error codes and rules apply: alipay-plus (default,
                     the Alipay+ table, codes 1-12) or alipay-cn (Alipay China: 2, 3, 4, 5, 20)
  --storage-dir <dir>   keep each mini-app's my storage here; default: the app data folder's storage/
  --background-close <seconds>  close the mini-app's sockets (1001) that long after the panel sent
                     it to the background; default: they stay open, as on Alipay
  -h, --help         show this help
  -v, --version      show the version`;

/** Reads argv (without the node and script entries). Never throws. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  let values: { web?: boolean; miniapp?: string; port?: string; 'no-open'?: boolean; 'sessions-dir'?: string; 'sessions-cap'?: string; 'prefs-file'?: string; 'capture-mib'?: string; 'client-buffer-mib'?: string; 'map-remote'?: string[]; 'client-profile'?: string; 'storage-dir'?: string; 'background-close'?: string; help?: boolean; version?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        web: { type: 'boolean' },
        miniapp: { type: 'string' },
        port: { type: 'string' },
        'no-open': { type: 'boolean' },
        'sessions-dir': { type: 'string' },
        'sessions-cap': { type: 'string' },
        'prefs-file': { type: 'string' },
        'capture-mib': { type: 'string' },
        'client-buffer-mib': { type: 'string' },
        'map-remote': { type: 'string', multiple: true },
        'client-profile': { type: 'string' },
        'storage-dir': { type: 'string' },
        'background-close': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    }));
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const options: CliOptions = { web: values.web === true, open: values['no-open'] !== true };
  if (values.miniapp !== undefined) {
    if (values.miniapp.trim() === '') return { kind: 'error', message: '--miniapp needs a folder or an http(s) URL' };
    options.miniapp = values.miniapp;
  }
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65535) return { kind: 'error', message: `--port must be a number from 0 to 65535, not "${values.port}"` };
    options.port = port;
  }
  const sessionsDir = values['sessions-dir'];
  if (sessionsDir !== undefined) {
    if (sessionsDir.trim() === '') return { kind: 'error', message: '--sessions-dir needs a folder' };
    options.sessionsDir = sessionsDir;
  }
  const storageDir = values['storage-dir'];
  if (storageDir !== undefined) {
    if (storageDir.trim() === '') return { kind: 'error', message: '--storage-dir needs a folder' };
    options.storageDir = storageDir;
  }
  const mebibytes: [flag: 'sessions-cap' | 'capture-mib' | 'client-buffer-mib', key: 'sessionsCapMiB' | 'captureMiB' | 'clientBufferMiB'][] = [
    ['sessions-cap', 'sessionsCapMiB'],
    ['capture-mib', 'captureMiB'],
    ['client-buffer-mib', 'clientBufferMiB'],
  ];
  for (const [flag, key] of mebibytes) {
    const text = values[flag];
    if (text === undefined) continue;
    if (!/^\d+$/.test(text) || Number(text) < 1) return { kind: 'error', message: `--${flag} must be a whole number of MiB, at least 1, not "${text}"` };
    options[key] = Number(text);
  }
  const prefsFile = values['prefs-file'];
  if (prefsFile !== undefined) {
    if (prefsFile.trim() === '') return { kind: 'error', message: '--prefs-file needs a file path' };
    options.prefsFile = prefsFile;
  }
  const mapRemote: MapRemoteRule[] = [];
  for (const [index, text] of (values['map-remote'] ?? []).entries()) {
    const rule = parseMapRemoteArg(text, `cli-${index + 1}`);
    if (typeof rule === 'string') return { kind: 'error', message: rule };
    mapRemote.push(rule);
  }
  if (mapRemote.length > 0) options.mapRemote = mapRemote;
  const profile = values['client-profile'];
  if (profile !== undefined) {
    const known = CLIENT_PROFILES.find((name) => name === profile);
    if (!known) return { kind: 'error', message: `--client-profile must be one of ${CLIENT_PROFILES.join(', ')}, not "${profile}"` };
    options.clientProfile = known;
  }
  const backgroundClose = values['background-close'];
  if (backgroundClose !== undefined) {
    const parsed = parseBackgroundCloseSeconds(backgroundClose);
    if (!parsed.ok || parsed.value === null) return { kind: 'error', message: `--background-close needs seconds from 0 to 3600, not "${backgroundClose}"` };
    options.backgroundCloseSeconds = parsed.value;
  }
  return { kind: 'run', options };
}

/** The argv that hands the mini-app choice to the Electron app (`--port` is the browser host's panel port, so it stays here). */
export function electronArgs(options: CliOptions): string[] {
  const mapRemote = (options.mapRemote ?? []).flatMap((rule) => ['--map-remote', `${rule.from}=${rule.to}`]);
  return [...(options.miniapp === undefined ? [] : ['--miniapp', options.miniapp]), ...mapRemote, ...(options.clientProfile === undefined ? [] : ['--client-profile', options.clientProfile]), ...(options.backgroundCloseSeconds === undefined ? [] : ['--background-close', String(options.backgroundCloseSeconds)])];
}
