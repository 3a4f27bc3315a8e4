// The folder order of eslint.config.js, proven by real lint runs: each forbidden import is planted in a
// temporary file inside the tree, linted with the repository's config, and removed again.
import { execFile } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { RENDERER_ORDER, RENDERER_STANDALONE } from '../eslint.config.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const planted: string[] = [];

/** An import from a file in `folder` of an existing module `target` (a path from the root). */
interface Plant {
  folder: string;
  target: string;
}

function plant({ folder, target }: Plant, index: number): string {
  const file = join(root, folder, `planted-import-${process.pid}-${index}.ts`);
  let specifier = relative(join(root, folder), join(root, target)).replace(/\.tsx?$/, '');
  if (!specifier.startsWith('.')) specifier = `./${specifier}`;
  writeFileSync(file, `import '${specifier}';\n`);
  planted.push(file);
  return file;
}

const FORBIDDEN: Plant[] = [
  { folder: 'main/core', target: 'main/lab/lab-server.ts' },
  { folder: 'main/core', target: 'main/replay/replay-server.ts' },
  { folder: 'main/core', target: 'main/host-common/out-layout.ts' },
  { folder: 'main/core', target: 'main/electron/host-args.ts' },
  { folder: 'main/core', target: 'main/browser-host/index.ts' },
  { folder: 'main/core', target: 'main/cli/parse-args.ts' },
  { folder: 'main/electron', target: 'main/browser-host/index.ts' },
  { folder: 'main/electron', target: 'main/cli/parse-args.ts' },
  { folder: 'main/browser-host', target: 'main/electron/host-args.ts' },
  { folder: 'main/browser-host', target: 'main/cli/parse-args.ts' },
  { folder: 'main/lab', target: 'main/electron/host-args.ts' },
  { folder: 'main/lab', target: 'main/browser-host/index.ts' },
  { folder: 'main/lab', target: 'main/replay/replay-server.ts' },
  { folder: 'main/host-common', target: 'main/lab/lab-server.ts' },
  { folder: 'main/replay', target: 'main/host-common/out-layout.ts' },
  { folder: 'shared', target: 'main/core/engine.ts' },
  { folder: 'shared', target: 'renderer/store/panel-store.ts' },
  { folder: 'renderer/app', target: 'main/core/engine.ts' },
  { folder: 'preload', target: 'renderer/store/panel-store.ts' },
  { folder: 'renderer/capture', target: 'renderer/app/app.tsx' },
  { folder: 'renderer/warnings', target: 'renderer/timeline/timeline.tsx' },
  { folder: 'renderer/frame-log', target: 'renderer/inspector/inspector.tsx' },
  { folder: 'renderer/miniapp-demo', target: 'renderer/capture/entry-ring.ts' },
  { folder: 'main/core', target: 'main/core/test-support/wire-test-client.ts' },
  { folder: 'renderer/capture', target: 'renderer/capture/test-support/make-entry.ts' },
];

const ALLOWED: Plant[] = [
  { folder: 'main/electron', target: 'main/host-common/out-layout.ts' },
  { folder: 'main/cli', target: 'main/browser-host/index.ts' },
  { folder: 'main/replay', target: 'main/core/replay-registry.ts' },
  { folder: 'renderer/inspector', target: 'renderer/frame-log/format-cells.ts' },
  { folder: 'main/core/test-support', target: 'main/core/test-support/wire-test-client.ts' },
];

afterAll(() => {
  for (const file of planted) rmSync(file, { force: true });
});

async function restrictedPathErrors(files: string[]): Promise<number[]> {
  const results = await new ESLint({ cwd: root }).lintFiles(files);
  return results.map((result) => result.messages.filter((message) => message.ruleId === 'import-x/no-restricted-paths').length);
}

describe('the dependency order (eslint.config.js)', () => {
  it('fails lint on every forbidden import and passes the allowed ones', async () => {
    const forbidden = FORBIDDEN.map(plant);
    const allowed = ALLOWED.map((entry, index) => plant(entry, FORBIDDEN.length + index));
    const errors = await restrictedPathErrors([...forbidden, ...allowed]);
    const report = [...FORBIDDEN, ...ALLOWED].map((entry, index) => `${entry.folder} -> ${entry.target}: ${errors[index]}`);
    expect(report).toEqual([
      ...FORBIDDEN.map((entry) => `${entry.folder} -> ${entry.target}: 1`),
      ...ALLOWED.map((entry) => `${entry.folder} -> ${entry.target}: 0`),
    ]);
  }, 60_000);

  it('makes `npx eslint <file>` exit non-zero on a planted import', async () => {
    const file = plant({ folder: 'main/core', target: 'main/lab/lab-server.ts' }, 999);
    const run = promisify(execFile)('npx', ['eslint', relative(root, file)], { cwd: root });
    await expect(run).rejects.toMatchObject({ code: 1, stdout: expect.stringContaining('import-x/no-restricted-paths') });
  }, 60_000);

  it('lists every renderer folder in the feature order', () => {
    const folders = readdirSync(join(root, 'renderer'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
    const listed = new Set([...RENDERER_ORDER, ...RENDERER_STANDALONE]);
    expect(folders.map((entry) => entry.name).filter((name) => !listed.has(name))).toEqual([]);
  });
});
