// The project watcher on real files (docs/miniprogram-runtime.md "Hot reload"): one report per save, with the
// changed files relative to the folder; new folders are watched; dot-folders and node_modules are not.
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isIgnoredProjectPath, watchProject, type ProjectWatcher } from './project-watcher';

let folder: string;
let watcher: ProjectWatcher | undefined;

afterEach(async () => {
  await watcher?.close();
  watcher = undefined;
  await rm(folder, { recursive: true, force: true });
});

async function start(): Promise<string[][]> {
  folder = await mkdtemp(join(tmpdir(), 'msd-watch-'));
  await mkdir(join(folder, 'pages', 'index'), { recursive: true });
  await writeFile(join(folder, 'app.json'), '{"pages":["pages/index/index"]}');
  await writeFile(join(folder, 'pages', 'index', 'index.axml'), '<view>1</view>');
  const reports: string[][] = [];
  watcher = watchProject(folder, { onChange: (files) => reports.push(files) });
  await watcher.ready;
  return reports;
}

describe('watchProject', () => {
  it('reports an edit once, several files of one save together, relative with / separators', async () => {
    const reports = await start();
    await writeFile(join(folder, 'pages', 'index', 'index.axml'), '<view>2</view>');
    await expect.poll(() => reports).toEqual([['pages/index/index.axml']]);
    await writeFile(join(folder, 'app.json'), '{"pages":["pages/index/index"],"window":{}}');
    await writeFile(join(folder, 'pages', 'index', 'index.axml'), '<view>3</view>');
    await expect.poll(() => reports.length).toBe(2);
    expect(reports[1]).toEqual(['app.json', 'pages/index/index.axml']);
  });

  it('sees an atomic save (a temp file renamed over) and files in a folder made after the start', async () => {
    const reports = await start();
    await mkdir(join(folder, 'pages', 'new'));
    await writeFile(join(folder, 'pages', 'new', 'new.js'), 'Page({});');
    await expect.poll(() => reports.flat()).toContain('pages/new/new.js');
    const before = reports.length;
    await writeFile(join(folder, 'pages', 'index', 'index.axml.tmp'), '<view>atomic</view>');
    await rename(join(folder, 'pages', 'index', 'index.axml.tmp'), join(folder, 'pages', 'index', 'index.axml'));
    await expect.poll(() => reports.slice(before).flat()).toContain('pages/index/index.axml');
  });

  it('ignores dot-folders and node_modules', async () => {
    const reports = await start();
    await mkdir(join(folder, '.git'));
    await writeFile(join(folder, '.git', 'HEAD'), 'ref');
    await mkdir(join(folder, 'node_modules', 'x'), { recursive: true });
    await writeFile(join(folder, 'node_modules', 'x', 'index.js'), '');
    await writeFile(join(folder, 'app.acss'), 'page {}');
    await expect.poll(() => reports).toEqual([['app.acss']]);
    expect(isIgnoredProjectPath('a/.cache/b')).toBe(true);
    expect(isIgnoredProjectPath('pages/a.js')).toBe(false);
  });
});
