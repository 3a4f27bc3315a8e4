// `npm run build`: Vite for the two pages, esbuild for everything that runs outside a page (the browser
// host's `my` shim, the Node command line, the Electron main process and its sandboxed preloads).
// Entries whose source does not exist yet are skipped with a note, so a partial tree still builds.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { tsImport } from 'tsx/esm/api';

const root = fileURLToPath(new URL('..', import.meta.url));
const { OUT_LAYOUT } = await tsImport('../main/cli/out-layout.ts', import.meta.url);
const outDir = join(root, 'out');
const out = (key) => join(outDir, OUT_LAYOUT[key]);
const src = (path) => join(root, path);
const started = Date.now();

/** @type {{ name: string; source: string; run: () => Promise<unknown> }[]} */
const steps = [
  {
    name: 'panel',
    source: 'renderer/index.html',
    run: () => viteBuild({ configFile: src('vite.config.ts'), mode: 'panel', logLevel: 'warn' }),
  },
  {
    name: 'demo mini-app',
    source: 'renderer/miniapp-demo/index.html',
    run: () => viteBuild({ configFile: src('vite.config.ts'), mode: 'miniapp-demo', logLevel: 'warn' }),
  },
  {
    name: 'web mini-app shim',
    source: 'preload/web-miniapp.ts',
    run: () => bundle('preload/web-miniapp.ts', out('webMiniappShim'), { platform: 'browser', format: 'iife' }),
  },
  {
    name: 'command line',
    source: 'main/cli/index.ts',
    run: () => bundle('main/cli/index.ts', out('cli'), { platform: 'node', format: 'esm', packages: 'external' }),
  },
  {
    name: 'electron main',
    source: 'main/electron/index.ts',
    run: () => bundle('main/electron/index.ts', out('electronMain'), { platform: 'node', format: 'cjs', packages: 'external' }),
  },
  {
    name: 'panel preload',
    source: 'preload/panel.ts',
    run: () => bundle('preload/panel.ts', out('panelPreload'), { platform: 'browser', format: 'cjs', external: ['electron'] }),
  },
  {
    name: 'mini-app preload',
    source: 'preload/miniapp.ts',
    run: () => bundle('preload/miniapp.ts', out('miniappPreload'), { platform: 'browser', format: 'cjs', external: ['electron'] }),
  },
];

function bundle(entry, outfile, options) {
  return esbuild({
    entryPoints: [src(entry)],
    outfile,
    bundle: true,
    target: options.platform === 'browser' ? 'chrome120' : 'node20',
    sourcemap: true,
    minify: options.platform === 'browser',
    logLevel: 'warning',
    ...options,
  });
}

await rm(outDir, { recursive: true, force: true });
const skipped = [];
for (const step of steps) {
  if (!existsSync(src(step.source))) {
    skipped.push(`${step.name} (${step.source} not written yet)`);
    continue;
  }
  await step.run();
}
for (const note of skipped) console.log(`build: skipped ${note}`);
console.log(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s → ${outDir}`);
