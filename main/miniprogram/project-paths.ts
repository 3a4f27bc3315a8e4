// Project paths: '/'-separated, leading slash, relative to the mini-program root (`/pages/index/index.axml`).
// References in AXML/ACSS/SJS/JSON are absolute (`/x`), relative (`./x`, `../x`) or npm (`pkg/x` →
// `/node_modules/pkg/x`), docs/miniprogram-runtime.md#references §4.1, §5.4, §7.
import { posix } from 'node:path';

/** `ref` as written in `from` (a project path) → a project path; undefined when it climbs above the root. */
export function resolveReference(from: string, ref: string): string | undefined {
  const trimmed = ref.trim();
  let resolved: string;
  if (trimmed.startsWith('/')) resolved = posix.normalize(trimmed);
  else if (trimmed.startsWith('./') || trimmed.startsWith('../')) resolved = posix.normalize(posix.join(posix.dirname(from), trimmed));
  else resolved = posix.normalize(`/node_modules/${trimmed}`);
  return resolved.startsWith('/') && !resolved.startsWith('/..') ? resolved : undefined;
}

/** `ref` with `extension` added when missing (`./a` → `./a.axml`). */
export function withExtension(path: string, extension: string): string {
  return path.endsWith(extension) ? path : `${path}${extension}`;
}
