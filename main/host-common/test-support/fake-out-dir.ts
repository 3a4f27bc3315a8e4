// A minimal built `out/` folder for host tests that start a browser host without building the product:
// the panel page, the mini-app shim and a demo mini-app folder.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Writes `<base>/out` and returns it with the demo folder inside it. */
export async function writeFakeOutDir(base: string): Promise<{ outDir: string; demo: string }> {
  const outDir = join(base, 'out');
  const demo = join(outDir, 'miniapp-demo');
  await mkdir(join(outDir, 'renderer'), { recursive: true });
  await mkdir(demo, { recursive: true });
  await writeFile(join(outDir, 'renderer', 'index.html'), '<!doctype html><html><head></head><body>panel</body></html>');
  await writeFile(join(outDir, 'web-miniapp.js'), '/* shim */');
  await writeFile(join(demo, 'index.html'), '<html><head></head><body>demo</body></html>');
  return { outDir, demo };
}
