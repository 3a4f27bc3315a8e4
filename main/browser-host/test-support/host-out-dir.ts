// The least a browser host needs to start in a test: a built-output folder with a panel page, the
// mini-app shim and the demo page, in a temporary folder the test removes.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary folder and, inside it, `out/` as the host reads it. */
export async function createHostOutDir(prefix: string): Promise<{ base: string; outDir: string }> {
  const base = await mkdtemp(join(tmpdir(), prefix));
  const outDir = join(base, 'out');
  await mkdir(join(outDir, 'renderer'), { recursive: true });
  await mkdir(join(outDir, 'miniapp-demo'), { recursive: true });
  await writeFile(join(outDir, 'renderer', 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  await writeFile(join(outDir, 'web-miniapp.js'), '/* shim */');
  await writeFile(join(outDir, 'miniapp-demo', 'index.html'), '<html><head></head><body>demo</body></html>');
  return { base, outDir };
}
