// Where `npm run build` puts each artefact, in one place: scripts/build.mjs writes these paths, the
// browser host and the CLI read them, and the Electron host can use them (`outPaths(join(app.getAppPath(), 'out'))`).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Paths relative to the `out/` folder. */
export const OUT_LAYOUT = {
  /** The panel (Vite build of renderer/index.html). */
  renderer: 'renderer',
  /** The bundled demo mini-app (Vite build of renderer/miniapp-demo/index.html). */
  miniappDemo: 'miniapp-demo',
  /** The bundled demo as a mini-program project (a copy of examples/socket-playground): the browser host's default. */
  demoProject: 'demo-project',
  /** The browser host's `my` shim (IIFE, preload/web-miniapp.ts). */
  webMiniappShim: 'web-miniapp.js',
  /** The Node command line (ESM, main/cli/index.ts). */
  cli: 'main/cli.js',
  /** The published Playwright fixtures (ESM, main/playwright/index.ts; `mini-socket-devtools/playwright`). */
  playwright: 'main/playwright.js',
  /** Their declarations in one file (`npm run build -- --types`, which prepack runs). */
  playwrightTypes: 'types/playwright.d.ts',
  /** The Electron main entry (CJS, main/electron/index.ts). */
  electronMain: 'main/electron/index.cjs',
  /** The Electron preloads (CJS, single files: the preloads are sandboxed). */
  panelPreload: 'preload/panel.cjs',
  miniappPreload: 'preload/miniapp.cjs',
  /** The mini-program logic Worker's runtime (IIFE, renderer/miniprogram/logic/worker-entry.ts). */
  logicWorker: 'miniprogram/logic-worker.js',
  /** A mini-program project's view page glue (IIFE, renderer/miniprogram/view-page/view-page.ts). */
  viewPage: 'miniprogram/view-page.js',
  /** The session writer thread (ESM, main/core/session-store/session-writer-thread.ts; docs/architecture.md#session-writer-thread). */
  sessionWriterThread: 'main/session-writer-thread.mjs',
} as const;

export type OutPaths = { readonly [K in keyof typeof OUT_LAYOUT]: string };

/** Absolute paths of every artefact under `outDir`. */
export function outPaths(outDir: string): OutPaths {
  const entries = Object.entries(OUT_LAYOUT).map(([key, relative]) => [key, join(outDir, relative)]);
  return Object.fromEntries(entries) as OutPaths;
}

/**
 * The project's `out/` folder, found by walking up from `startDir` to this package's package.json, so the
 * same code works from the sources (tsx, vitest) and from the bundle in out/main/.
 */
export function findOutDir(startDir: string): string {
  for (let dir = startDir; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && isThisPackage(manifest)) return join(dir, 'out');
    if (dirname(dir) === dir) throw new Error(`mini-socket-devtools: no package.json above ${startDir}`);
  }
}

function isThisPackage(manifestPath: string): boolean {
  try {
    const manifest: unknown = JSON.parse(readFileSync(manifestPath, 'utf8'));
    return typeof manifest === 'object' && manifest !== null && 'name' in manifest && manifest.name === 'mini-socket-devtools';
  } catch {
    return false;
  }
}

/**
 * The built session writer thread for a host started from the module at `moduleUrl`: under `outDir` when the
 * caller knows it, found from the bundle's own place otherwise (the Playwright entry point in an installed
 * package); undefined from the sources, where the session store runs the TypeScript thread through tsx
 * (docs/architecture.md#session-writer-thread).
 */
export function sessionWriterThreadFor(moduleUrl: string, outDir?: string): string | undefined {
  if (outDir !== undefined) return outPaths(outDir).sessionWriterThread;
  if (moduleUrl.endsWith('.ts')) return undefined;
  return outPaths(findOutDir(dirname(fileURLToPath(moduleUrl)))).sessionWriterThread;
}
