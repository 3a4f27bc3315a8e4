// Resolves a request path to a file inside one folder and nowhere else: the path is decoded and
// normalized, and the real path (symlinks followed) must still be inside the folder's real path. Hidden
// files and folders (`.env`, `.git/`) are never served (docs/architecture.md#threat-model).
import { realpath, stat } from 'node:fs/promises';
import { join, posix, sep } from 'node:path';

/** Why a request path cannot be served. */
export type ResolveFailure = 'bad-path' | 'outside' | 'not-found';

export type ResolvedFile = { ok: true; path: string } | { ok: false; reason: ResolveFailure };

/**
 * The file a URL pathname names under `root` (a directory names its index.html), or why there is none.
 * `root` should be an absolute, real path.
 */
export async function resolveFileInside(root: string, pathname: string): Promise<ResolvedFile> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { ok: false, reason: 'bad-path' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, reason: 'bad-path' };
  // Rooted first, so `..` segments collapse at the root instead of climbing out of it.
  const normalized = posix.normalize(`/${decoded}`);
  const segments = normalized.split('/').filter(Boolean);
  if (segments.some((segment) => segment.startsWith('.'))) return { ok: false, reason: 'not-found' };
  let candidate = join(root, ...segments);
  try {
    if ((await stat(candidate)).isDirectory()) candidate = join(candidate, 'index.html');
    const real = await realpath(candidate);
    if (real !== root && !real.startsWith(root.endsWith(sep) ? root : root + sep)) return { ok: false, reason: 'outside' };
    if (!(await stat(real)).isFile()) return { ok: false, reason: 'not-found' };
    return { ok: true, path: real };
  } catch {
    return { ok: false, reason: 'not-found' };
  }
}
