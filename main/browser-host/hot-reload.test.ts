// Hot reload and opening projects in the browser host, on real files on disk and real HTTP
// (docs/miniprogram-runtime.md "Hot reload", "Opening projects"): an edit recompiles what changed and tells the
// panel to reload; a broken edit serves its problem and the next good edit recovers; another project opens
// in place of the first, whose edits then no longer count; a bad path is refused with a message.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PanelMessage } from '../../shared/panel-wire';
import type { PreviewInfo } from '../../shared/preview-wire';
import { createEngine } from '../core/engine';
import { createPanelSession } from '../core/panel-session';
import type { Engine } from '../core/ports';
import { writeFakeOutDir } from '../host-common/test-support/fake-out-dir';
import { startBrowserHost, type BrowserHost } from './index';

let base: string;
let project: string;
let host: BrowserHost | undefined;
let engine: Engine;

async function writeProject(folder: string, text: string): Promise<void> {
  await mkdir(join(folder, 'pages', 'index'), { recursive: true });
  await writeFile(join(folder, 'app.json'), JSON.stringify({ pages: ['pages/index/index'] }));
  await writeFile(join(folder, 'app.js'), 'App({});');
  await writeFile(join(folder, 'pages', 'index', 'index.js'), 'Page({});');
  await writeFile(join(folder, 'pages', 'index', 'index.axml'), `<view id="text">${text}</view>`);
}

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'msd-hot-'));
  project = join(base, 'project');
  await writeProject(project, 'first');
});
afterEach(async () => {
  await host?.close();
  host = undefined;
  await engine.shutdown();
  await rm(base, { recursive: true, force: true });
});

async function start(): Promise<BrowserHost> {
  const { outDir } = await writeFakeOutDir(base);
  engine = createEngine();
  host = await startBrowserHost({ engine, outDir, miniapp: project });
  await host.preview.watching();
  return host;
}

async function served(h: BrowserHost, path: string): Promise<string> {
  const response = await fetch(new URL(path, h.miniappUrl));
  return response.text();
}

function changes(h: BrowserHost): PreviewInfo[] {
  const seen: PreviewInfo[] = [];
  h.preview.onChange((info) => seen.push(info));
  return seen;
}

describe('hot reload', () => {
  it('an edit recompiles the changed file, is logged, and tells the panel to reload', async () => {
    const h = await start();
    const panelMessages: PanelMessage[] = [];
    const panel = createPanelSession(engine, (message) => panelMessages.push(message), { preview: h.preview });
    panel.receive({ kind: 'subscribe' });
    expect(panelMessages.find((message) => message.kind === 'preview')).toMatchObject({ preview: { mode: 'miniprogram', generation: 0, watching: true } });
    expect(await served(h, '/__mp/view/pages/index/index.axml.js')).toContain('first');

    await writeFile(join(project, 'pages', 'index', 'index.axml'), '<view id="text">second</view>');
    await expect.poll(() => panelMessages.filter((message) => message.kind === 'preview').length).toBe(2);
    expect(panelMessages.filter((message) => message.kind === 'preview').at(-1)).toMatchObject({ kind: 'preview', preview: { generation: 1, reason: 'edit', changed: ['pages/index/index.axml'] } });
    expect(await served(h, '/__mp/view/pages/index/index.axml.js')).toContain('second');
    const logged = [...engine.capture.from(0)].find((entry) => entry.name === 'hot-reload');
    expect(logged?.detail).toMatchObject({ project, files: ['pages/index/index.axml'] });
    expect(typeof logged?.detail?.compileMs).toBe('number');
    panel.close();
  });

  it('a broken edit serves its problem; the next good edit recovers', async () => {
    const h = await start();
    const seen = changes(h);
    await writeFile(join(project, 'pages', 'index', 'index.axml'), '<view id="text">{{ a + }}</view>');
    await expect.poll(() => seen.length).toBe(1);
    const broken = JSON.parse(await served(h, '/__mp/manifest.json')) as { problems: { file?: string }[] };
    expect(broken.problems.map((problem) => problem.file)).toContain('pages/index/index.axml');
    await writeFile(join(project, 'pages', 'index', 'index.axml'), '<view id="text">fixed</view>');
    await expect.poll(() => seen.length).toBe(2);
    const fixed = JSON.parse(await served(h, '/__mp/manifest.json')) as { problems: unknown[] };
    expect(fixed.problems).toEqual([]);
    expect(await served(h, '/__mp/view/pages/index/index.axml.js')).toContain('fixed');
  });
});

describe('opening projects', () => {
  it('opens another folder in place of the first; the first one\'s edits no longer reload', async () => {
    const h = await start();
    const seen = changes(h);
    const other = join(base, 'html');
    await mkdir(other);
    await writeFile(join(other, 'index.html'), '<html><head></head><body>other project</body></html>');
    const info = await h.preview.open(other);
    expect(info).toMatchObject({ project: other, mode: 'html', generation: 1, reason: 'open' });
    expect(await served(h, '/')).toContain('other project');
    expect([...engine.capture.from(0)].some((entry) => entry.name === 'project-opened' && entry.detail?.project === other)).toBe(true);
    await h.preview.watching();
    await writeFile(join(project, 'pages', 'index', 'index.axml'), '<view>ignored</view>');
    await writeFile(join(other, 'index.html'), '<html><head></head><body>edited</body></html>');
    await expect.poll(() => seen.map((change) => change.reason)).toEqual(['open', 'edit']);
    expect(seen[1]?.changed).toEqual(['index.html']);
  });

  it('refuses a folder that is no mini-app, through the panel request, keeping the current project', async () => {
    const h = await start();
    const replies: PanelMessage[] = [];
    const panel = createPanelSession(engine, (message) => replies.push(message), { preview: h.preview });
    panel.receive({ kind: 'open-project', requestId: 7, path: join(base, 'nope') });
    await expect.poll(() => replies.find((message) => message.kind === 'reply')).toMatchObject({ requestId: 7, ok: false });
    const reply = replies.find((message) => message.kind === 'reply');
    expect(reply && !reply.ok ? reply.error : '').toMatch(/does not exist/);
    panel.receive({ kind: 'choose-project-folder', requestId: 8 });
    await expect.poll(() => replies.filter((message) => message.kind === 'reply').length).toBe(2);
    expect(replies.at(-1)).toMatchObject({ requestId: 8, ok: false, error: 'no folder dialog here: type the folder path' });
    expect(h.preview.current()).toMatchObject({ project, generation: 0 });
    panel.close();
  });
});
