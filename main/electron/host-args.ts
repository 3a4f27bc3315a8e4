// The Electron app accepts the command line's options (`--miniapp <folder|url>`, `--port <n>`, `--map-remote`, `--client-profile <name>`) from its
// argv. Electron's and Chromium's own switches and the entry script path are ignored, so the parser only
// looks for the options it knows, wherever they are.
import { CLIENT_PROFILES, type ClientProfileName } from '../../shared/client-profiles';
import { parseBackgroundCloseSeconds } from '../../shared/settings';

import type { MapRemoteRule } from '../../shared/debugging/map-remote';
import { parseMapRemoteArg } from '../../shared/debugging/map-remote';

export interface HostArgs {
  /** A mini-app folder or an http(s) URL; absent → the bundled demo. */
  miniapp?: string;
  /** Port of the embedded lab server (0 or absent → any free port). */
  port?: number;
  /** `--map-remote <from>=<to>` rules (docs/debugging.md#map-remote). */
  mapRemote?: MapRemoteRule[];
  /** docs/behaviour.md#client-profiles; absent → alipay-plus. */
  clientProfile?: ClientProfileName;
  /** `--background-close <seconds>` (docs/behaviour.md#app-life-background-and-foreground); absent → sockets stay open. */
  backgroundCloseSeconds?: number;
}

/** Parses `--miniapp x`, `--miniapp=x`, `--port n`, `--port=n`; throws an Error with a clear message. */
export function parseHostArgs(argv: readonly string[]): HostArgs {
  const args: HostArgs = {};
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    const match = /^--(miniapp|port|map-remote|client-profile|background-close)(?:=(.*))?$/.exec(arg);
    if (!match) continue;
    const name = match[1] as 'miniapp' | 'port' | 'map-remote' | 'client-profile' | 'background-close';
    let value = match[2];
    if (value === undefined) {
      const next = argv[index + 1];
      if (next === undefined || next.startsWith('--')) throw new Error(`--${name} needs a value`);
      value = next;
      index += 1;
    }
    if (name === 'map-remote') {
      const rule = parseMapRemoteArg(value, `cli-${(args.mapRemote?.length ?? 0) + 1}`);
      if (typeof rule === 'string') throw new Error(rule);
      args.mapRemote = [...(args.mapRemote ?? []), rule];
    } else if (name === 'miniapp') {
      if (value.trim() === '') throw new Error('--miniapp needs a folder or an http(s) URL');
      args.miniapp = value;
    } else if (name === 'client-profile') {
      const known = CLIENT_PROFILES.find((profile) => profile === value);
      if (!known) throw new Error(`--client-profile must be one of ${CLIENT_PROFILES.join(', ')}, not ${JSON.stringify(value)}`);
      args.clientProfile = known;
    } else if (name === 'background-close') {
      const parsed = parseBackgroundCloseSeconds(value);
      if (!parsed.ok || parsed.value === null) throw new Error(`--background-close needs seconds from 0 to 3600, not ${JSON.stringify(value)}`);
      args.backgroundCloseSeconds = parsed.value;
    } else {
      const port = Number(value);
      if (!/^\d+$/.test(value) || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not ${JSON.stringify(value)}`);
      args.port = port;
    }
  }
  return args;
}
