// `npm run build`: Vite for the two pages, esbuild for everything that runs outside a page (the browser
// host's `my` shim, the Node command line, the Electron main process and its sandboxed preloads).
// An entry whose source is missing fails the build before anything is written: a bundle must never be
// silently absent from out/.
// `--types` also bundles the Playwright fixtures' declarations into one file (slow: prepack runs it, so
// the packed package always has them).
// Everything is built into a staging folder that replaces out/ at the end, so a running host (or a
// build started at the same time in the same tree) never sees a half-written out/.
import { existsSync } from 'node:fs';
import { cp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { tsImport } from 'tsx/esm/api';

const root = fileURLToPath(new URL('..', import.meta.url));
const { OUT_LAYOUT } = await tsImport('../main/host-common/out-layout.ts', import.meta.url);
const outDir = join(root, 'out');
const scratchDir = join(root, 'node_modules', '.cache', 'mini-socket-devtools-build');
const stagingDir = join(scratchDir, `staging-${process.pid}`);
const out = (key) => join(stagingDir, OUT_LAYOUT[key]);
const src = (path) => join(root, path);
const started = Date.now();
const withTypes = process.argv.includes('--types');

/** @type {{ name: string; source: string; run: () => Promise<unknown> }[]} */
const steps = [
  {
    name: 'panel',
    source: 'renderer/index.html',
    run: () => viteBuild({ configFile: src('vite.config.ts'), mode: 'panel', logLevel: 'warn', build: { outDir: out('renderer') } }),
  },
  {
    name: 'demo mini-app',
    source: 'renderer/miniapp-demo/index.html',
    run: () => viteBuild({ configFile: src('vite.config.ts'), mode: 'miniapp-demo', logLevel: 'warn', build: { outDir: out('miniappDemo') } }),
  },
  {
    name: 'demo project',
    source: 'examples/socket-playground/app.json',
    run: () => cp(src('examples/socket-playground'), out('demoProject'), { recursive: true }),
  },
  // Scripts that run under the mini-app's CSP, which forbids eval: zod must not probe `new Function` while its
  // modules load (the probe is caught, but the page would log a CSP violation), so its global config says
  // jitless before it runs.
  miniappScript('web mini-app shim', 'preload/web-miniapp.ts', 'webMiniappShim'),
  miniappScript('mini-program logic worker', 'renderer/miniprogram/logic/worker-entry.ts', 'logicWorker'),
  miniappScript('mini-program view page', 'renderer/miniprogram/view-page/view-page.ts', 'viewPage'),
  {
    name: 'command line',
    source: 'main/cli/index.ts',
    run: () => bundle('main/cli/index.ts', out('cli'), { platform: 'node', format: 'esm', packages: 'external' }),
  },
  {
    name: 'playwright fixtures',
    source: 'main/playwright/index.ts',
    run: () => bundle('main/playwright/index.ts', out('playwright'), { platform: 'node', format: 'esm', packages: 'external' }),
  },
  ...(withTypes
    ? [
        {
          name: 'playwright fixture types',
          source: 'main/playwright/index.ts',
          run: () => bundleTypes('main/playwright/index.ts', out('playwrightTypes')),
        },
      ]
    : []),
  {
    name: 'electron main',
    source: 'main/electron/index.ts',
    // import.meta.url has no CJS equivalent built in: it becomes the bundle's own file URL, as in an ESM bundle.
    run: () =>
      bundle('main/electron/index.ts', out('electronMain'), {
        platform: 'node',
        format: 'cjs',
        packages: 'external',
        banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
        define: { 'import.meta.url': '__importMetaUrl' },
      }),
  },
  {
    name: 'session writer thread',
    source: 'main/core/session-store/session-writer-thread.ts',
    // Self-contained (zod inlined): the packaged app runs it from app.asar.unpacked, where no node_modules
    // resolve (electron-builder.yml asarUnpack; docs/architecture.md#session-writer-thread).
    run: () => bundle('main/core/session-store/session-writer-thread.ts', out('sessionWriterThread'), { platform: 'node', format: 'esm' }),
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

/** A build step for a browser script of the mini-app origin (an IIFE, zod jitless). */
function miniappScript(name, source, outKey) {
  return {
    name,
    source,
    run: () => bundle(source, out(outKey), { platform: 'browser', format: 'iife', banner: { js: 'globalThis.__zod_globalConfig = { jitless: true };' } }),
  };
}

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

/** One self-contained .d.ts (relative imports inlined, packages imported), so every moduleResolution reads it. */
async function bundleTypes(entry, outfile) {
  const { generateDtsBundle } = await import('dts-bundle-generator');
  const [text] = generateDtsBundle([{ filePath: src(entry) }], { preferredConfigPath: src('tsconfig.json') });
  await mkdir(dirname(outfile), { recursive: true });
  await writeFile(outfile, text);
}

const missing = steps.filter((step) => !existsSync(src(step.source)));
if (missing.length > 0) {
  for (const step of missing) console.error(`build: ${step.name}: its source ${step.source} is missing`);
  process.exit(1);
}

await mkdir(scratchDir, { recursive: true });
try {
  for (const step of steps) await step.run();
  const retired = join(scratchDir, `retired-${process.pid}`);
  if (existsSync(outDir)) await rename(outDir, retired);
  await rename(stagingDir, outDir);
  await rm(retired, { recursive: true, force: true });
} finally {
  await rm(stagingDir, { recursive: true, force: true });
}
console.log(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s → ${outDir}`);
