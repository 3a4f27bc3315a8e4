// What `--miniapp` names, with the same rules in both hosts: an http(s) URL (a dev server), a folder that
// has an index.html (a page using the global `my`), or a mini-program project folder (app.json, or
// mini.project.json naming its root; docs/miniprogram-runtime.md "Host integration"). An index.html wins, so
// an HTML mini-app keeping its socket settings in an app.json stays an HTML mini-app. Each host then serves
// it its own way (a custom scheme, or a loopback origin).
import { realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export type MiniappSpec = { kind: 'folder'; root: string } | { kind: 'miniprogram'; root: string } | { kind: 'url'; url: URL };

/** Resolves `spec` (a relative folder against `cwd`, symlinks followed); throws an Error saying what is wrong. */
export async function resolveMiniappSpec(spec: string, cwd: string): Promise<MiniappSpec> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec)) return { kind: 'url', url: parseMiniappUrl(spec) };
  const folder = resolve(cwd, spec);
  try {
    const root = await realpath(folder);
    if (!(await stat(root)).isDirectory()) throw new Error('not a folder');
    if (await isFile(join(root, 'index.html'))) return { kind: 'folder', root };
    if ((await isFile(join(root, 'app.json'))) || (await isFile(join(root, 'mini.project.json')))) return { kind: 'miniprogram', root };
    throw new Error('neither');
  } catch {
    throw new Error(`the mini-app folder ${folder} does not exist or has no index.html, app.json or mini.project.json`);
  }
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((info) => info.isFile(), () => false);
}

function parseMiniappUrl(spec: string): URL {
  let url: URL;
  try {
    url = new URL(spec);
  } catch {
    throw new Error(`the mini-app URL ${spec} does not parse`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`the mini-app URL must be http: or https:, not ${url.protocol}`);
  return url;
}
