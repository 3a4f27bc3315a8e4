// The Electron host's preview adapter with a fake dialog and real folders and watcher on disk
// (docs/miniprogram-runtime.md "Opening projects"): the folder dialog, opening a folder (serve, load, log,
// preview message), hot reload of the open folder only, and the refusals.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PreviewInfo } from '../../shared/preview-wire';
import { createCaptureLog } from '../core/capture-log';
import { watchProject } from '../host-common/project-watcher';
import { chooseProjectFolder, createElectronPreview, type ElectronPreview } from './electron-preview';
import { locateMiniapp, type MiniappLocation } from './miniapp-location';
import { fakeFolderDialog } from './test-support/fake-dialog';

let base: string;
let first: string;
let second: string;
let preview: ElectronPreview | undefined;

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'msd-electron-preview-'));
  first = join(base, 'first');
  second = join(base, 'second');
  for (const folder of [first, second]) {
    await mkdir(folder);
    await writeFile(join(folder, 'index.html'), '<html></html>');
  }
});
afterEach(async () => {
  await preview?.close();
  preview = undefined;
  await rm(base, { recursive: true, force: true });
});

async function setup(dialogFolder?: string) {
  const capture = createCaptureLog();
  const served: string[] = [];
  const loaded: string[] = [];
  const seen: PreviewInfo[] = [];
  const locate = (path: string): Promise<MiniappLocation> => locateMiniapp(path, { cwd: base, demoRoot: first });
  preview = createElectronPreview({
    initial: await locate(first),
    capture,
    dialog: fakeFolderDialog(dialogFolder),
    window: 'panel-window',
    locate,
    serve: (at) => served.push(at.kind === 'url' ? at.entryUrl : at.root),
    load: (at) => loaded.push(at.entryUrl),
    watch: watchProject,
  });
  preview.onChange((info) => seen.push(info));
  return { capture, served, loaded, seen, preview };
}

describe('the Electron preview', () => {
  it('asks the system dialog for a folder; a cancel is undefined', async () => {
    const dialog = fakeFolderDialog('/projects/chat');
    expect(await chooseProjectFolder(dialog, 'win')).toBe('/projects/chat');
    expect(dialog.asked).toEqual([{ window: 'win', title: 'Open a mini-program project or mini-app folder', properties: ['openDirectory', 'dontAddToRecent'] }]);
    expect(await chooseProjectFolder(fakeFolderDialog(undefined), 'win')).toBeUndefined();
    const { preview: host } = await setup(second);
    expect(await host.chooseFolder?.()).toBe(second);
  });

  it('opens a folder in place of the first: served, loaded, logged, announced; then reloads on its edits only', async () => {
    const { capture, served, loaded, seen, preview: host } = await setup();
    expect(host.current()).toMatchObject({ project: first, mode: 'html', generation: 0, watching: true });
    const info = await host.open(second);
    expect(info).toMatchObject({ project: second, generation: 1, reason: 'open' });
    expect(served).toEqual([second]);
    expect(loaded).toEqual(['miniapp://app/']);
    expect([...capture.from(0)].map((entry) => entry.name)).toEqual(['project-opened']);
    await host.watching();
    await writeFile(join(first, 'index.html'), '<html>ignored</html>');
    await writeFile(join(second, 'index.html'), '<html>edited</html>');
    await expect.poll(() => seen.map((change) => change.reason)).toEqual(['open', 'edit']);
    expect(seen[1]?.changed).toEqual(['index.html']);
    expect(loaded).toHaveLength(2);
  });

  it('refuses a missing folder and a URL, keeping the current project', async () => {
    const { preview: host, served } = await setup();
    await expect(host.open(join(base, 'nope'))).rejects.toThrow(/does not exist/);
    await expect(host.open('http://127.0.0.1:5173/')).rejects.toThrow('Under Electron a URL opens with a restart');
    expect(served).toEqual([]);
    expect(host.current()).toMatchObject({ project: first, generation: 0 });
  });
});
