// What `--miniapp` names: an index.html folder stays an HTML mini-app (even with an app.json beside it), a
// folder with app.json or mini.project.json and no index.html is a mini-program project.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveMiniappSpec } from './miniapp-spec';

let root: string | undefined;
afterEach(async () => {
  if (root !== undefined) await rm(root, { recursive: true, force: true });
});

async function folderWith(files: string[]): Promise<string> {
  root = await mkdtemp(join(tmpdir(), 'miniapp-spec-'));
  const dir = join(root, 'app');
  await mkdir(dir);
  await Promise.all(files.map((file) => writeFile(join(dir, file), '{}')));
  return dir;
}

describe('resolveMiniappSpec', () => {
  it('keeps a folder with index.html an HTML mini-app, app.json or not', async () => {
    const dir = await folderWith(['index.html', 'app.json']);
    await expect(resolveMiniappSpec(dir, '/')).resolves.toMatchObject({ kind: 'folder' });
  });

  it('takes a folder with app.json or mini.project.json as a mini-program project', async () => {
    await expect(resolveMiniappSpec(await folderWith(['app.json', 'app.js']), '/')).resolves.toMatchObject({ kind: 'miniprogram' });
    await rm(root ?? '', { recursive: true, force: true });
    await expect(resolveMiniappSpec(await folderWith(['mini.project.json']), '/')).resolves.toMatchObject({ kind: 'miniprogram' });
  });

  it('refuses a folder with none of them, naming what it looked for', async () => {
    const dir = await folderWith(['readme.md']);
    await expect(resolveMiniappSpec(dir, '/')).rejects.toThrow(/has no index.html, app.json or mini.project.json/);
  });
});
