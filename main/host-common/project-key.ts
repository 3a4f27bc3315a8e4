// Whose my storage a mini-app's pages use (docs/behaviour.md#storage-mirror): one key per project, the same
// in both hosts, so a project keeps its storage whichever host previews it.
import { resolve } from 'node:path';

/** The mini-app's URL, its folder as an absolute path, or 'demo' for the bundled demo. */
export function projectKeyOf(miniapp: string | undefined, cwd: string = process.cwd()): string {
  if (miniapp === undefined) return 'demo';
  return /^https?:\/\//i.test(miniapp) ? miniapp : resolve(cwd, miniapp);
}
