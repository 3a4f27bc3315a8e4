// Where the mini-app view loads from: a folder (served as miniapp://app/, its index.html first) or an
// http(s) URL loaded as is. Same rules as the browser host's `--miniapp`: a folder needs an index.html.
import { realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export const MINIAPP_SCHEME = 'miniapp';
export const MINIAPP_HOST = 'app';

export type MiniappLocation =
  | { kind: 'folder'; root: string; origin: string; entryUrl: string }
  | { kind: 'url'; origin: string; entryUrl: string };

/** Resolves `--miniapp` (relative folders against `cwd`); no spec → the demo folder. Throws a clear Error. */
export async function locateMiniapp(spec: string | undefined, options: { cwd: string; demoRoot: string }): Promise<MiniappLocation> {
  if (spec !== undefined && /^[a-z][a-z0-9+.-]*:\/\//i.test(spec)) return locateUrl(spec);
  const folder = spec === undefined ? options.demoRoot : resolve(options.cwd, spec);
  let root: string;
  try {
    root = await realpath(folder);
    if (!(await stat(root)).isDirectory()) throw new Error('not a folder');
    await stat(join(root, 'index.html'));
  } catch {
    throw new Error(`the mini-app folder ${folder} does not exist or has no index.html`);
  }
  const origin = `${MINIAPP_SCHEME}://${MINIAPP_HOST}`;
  return { kind: 'folder', root, origin, entryUrl: `${origin}/` };
}

function locateUrl(spec: string): MiniappLocation {
  let url: URL;
  try {
    url = new URL(spec);
  } catch {
    throw new Error(`the mini-app URL ${spec} does not parse`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`the mini-app URL must be http: or https:, not ${url.protocol}`);
  return { kind: 'url', origin: url.origin, entryUrl: url.href };
}
