// Where the mini-app view loads from: a folder (served as miniapp://app/, its index.html first) or an
// http(s) URL loaded as is. What `--miniapp` may name is decided in main/host-common/miniapp-spec.ts.
import { resolveMiniappSpec } from '../host-common/miniapp-spec';

export const MINIAPP_SCHEME = 'miniapp';
export const MINIAPP_HOST = 'app';

export type MiniappLocation =
  | { kind: 'folder'; root: string; origin: string; entryUrl: string }
  /** A mini-program project folder: its view page and runtime files come from main/miniprogram/miniprogram-host.ts. */
  | { kind: 'miniprogram'; root: string; origin: string; entryUrl: string }
  | { kind: 'url'; origin: string; entryUrl: string };

/**
 * Resolves `--miniapp` (relative folders against `cwd`); no spec → `demoRoot`, which the app passes as the bundled
 * demo project (docs/behaviour.md#bundled-demo). Throws a clear Error.
 */
export async function locateMiniapp(spec: string | undefined, options: { cwd: string; demoRoot: string }): Promise<MiniappLocation> {
  const resolved = await resolveMiniappSpec(spec ?? options.demoRoot, options.cwd);
  if (resolved.kind === 'url') return { kind: 'url', origin: resolved.url.origin, entryUrl: resolved.url.href };
  const origin = `${MINIAPP_SCHEME}://${MINIAPP_HOST}`;
  return { kind: resolved.kind, root: resolved.root, origin, entryUrl: `${origin}/` };
}
