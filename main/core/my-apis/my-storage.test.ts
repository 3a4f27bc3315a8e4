// my storage end to end: the page's Sync mirror, the documented limits and codes, and persistence per
// project in real files across engines (a restart), with a broken file set aside.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MyApi } from '../../../shared/my';
import type { PanelMessage } from '../../../shared/panel-wire';
import { createEngine } from '../engine';
import { createPanelSession } from '../panel-session';
import type { Engine } from '../ports';
import { storageFileOf } from './project-storage';
import { attachMyClient } from '../test-support/attach-my';

const engines: Engine[] = [];
const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.shutdown()));
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'msd-storage-'));
  dirs.push(dir);
  return dir;
}

function startEngine(storageDir?: string): Engine {
  const engine = createEngine(storageDir === undefined ? {} : { storageDir });
  engines.push(engine);
  return engine;
}

function attachMy(engine: Engine, projectKey = 'project-a'): MyApi {
  return attachMyClient(engine, { projectKey }).my;
}

const seeded = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('storage', () => {
  it('answers Sync calls at once from the mirror, objects as objects, a missing key as null', () => {
    const my = attachMy(startEngine());
    expect(my.setStorageSync({ key: 'user', data: { name: '张三', n: 1 } })).toEqual({});
    expect(my.getStorageSync({ key: 'user' })).toEqual({ data: { name: '张三', n: 1 } });
    expect(my.getStorageSync({ key: 'none' })).toEqual({ data: null });
    expect(my.setStorageSync({ key: 'text', data: 'plain' })).toEqual({});
    expect(my.getStorageInfoSync()).toEqual({ keys: ['user', 'text'], currentSize: 1, limitSize: 10240 });
    expect(my.removeStorageSync({ key: 'user' })).toBeUndefined();
    expect(my.getStorageInfoSync()).toMatchObject({ keys: ['text'] });
    expect(my.clearStorageSync()).toBeUndefined();
    expect(my.getStorageInfoSync()).toMatchObject({ keys: [], currentSize: 0 });
  });

  it('fails a missing key or data with 2, a key over 200 KB with 14, past 10 MB with 12, and keeps the old value', async () => {
    const my = attachMy(startEngine());
    expect(my.setStorageSync({ key: '', data: 1 })).toMatchObject({ error: 2 });
    expect(my.setStorageSync({ key: 'k' })).toMatchObject({ error: 2, errorMessage: 'setStorageSync: data is required' });
    expect(my.getStorageSync('k')).toMatchObject({ error: 2, errorMessage: expect.stringContaining('takes an object') });
    await expect(my.getStorage({})).rejects.toMatchObject({ error: 2 });
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(my.setStorageSync({ key: 'c', data: cyclic })).toMatchObject({ error: 2 });

    const justUnder = 'x'.repeat(200 * 1024 - 2 - 3);
    expect(my.setStorageSync({ key: 'big', data: justUnder })).toEqual({});
    await expect(my.setStorage({ key: 'big', data: `${justUnder}y` })).rejects.toMatchObject({ error: 14 });
    expect((my.getStorageSync({ key: 'big' })['data'] as string).length).toBe(justUnder.length);

    const chunk = 'z'.repeat(200 * 1024 - 100);
    let refused: Record<string, unknown> = {};
    for (let index = 0; index < 60 && !('error' in refused); index += 1) refused = my.setStorageSync({ key: `k${index}`, data: chunk });
    expect(refused).toMatchObject({ error: 12 });
    expect(my.getStorageInfoSync()['currentSize']).toBeLessThanOrEqual(10240);
  });

  it('async forms call success then complete and resolve with the same payload', async () => {
    const my = attachMy(startEngine());
    const calls: string[] = [];
    const result = await my.setStorage({ key: 'a', data: [1], success: () => calls.push('success'), complete: () => calls.push('complete') } as Record<string, unknown>);
    expect(result).toEqual({});
    await expect(my.getStorage({ key: 'a' })).resolves.toEqual({ data: [1] });
    await expect(my.getStorageInfo()).resolves.toMatchObject({ keys: ['a'] });
    await expect(my.removeStorage({ key: 'a' })).resolves.toEqual({});
    await expect(my.clearStorage()).resolves.toEqual({});
    expect(calls).toEqual(['success', 'complete']);
  });

  it('persists per project across engine restarts; another project starts empty', async () => {
    const dir = await tempDir();
    const first = startEngine(dir);
    const my = attachMy(first);
    my.setStorageSync({ key: 'token', data: { value: 't-1' } });
    my.setStorageSync({ key: 'gone', data: 1 });
    my.removeStorageSync({ key: 'gone' });
    await seeded();
    await first.shutdown();
    const file = storageFileOf(dir, 'project-a');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ project: 'project-a', entries: { token: '{"value":"t-1"}' } });

    const second = startEngine(dir);
    const again = attachMy(second);
    const other = attachMy(second, 'project-b');
    await seeded();
    expect(again.getStorageSync({ key: 'token' })).toEqual({ data: { value: 't-1' } });
    expect(other.getStorageInfoSync()).toMatchObject({ keys: [] });
  });

  it('writes made before the seed arrives survive it', async () => {
    const dir = await tempDir();
    const first = startEngine(dir);
    attachMy(first).setStorageSync({ key: 'old', data: 1 });
    await seeded();
    const my = attachMy(first);
    my.setStorageSync({ key: 'early', data: 2 });
    await seeded();
    expect(my.getStorageInfoSync()['keys']).toEqual(['old', 'early']);
  });

  it('sets a broken project file aside, starts empty and says so in Problems', async () => {
    const dir = await tempDir();
    await writeFile(storageFileOf(dir, 'project-a'), '{not json');
    const engine = startEngine(dir);
    const my = attachMy(engine);
    await seeded();
    expect(my.getStorageInfoSync()).toMatchObject({ keys: [] });
    expect((await readdir(dir)).some((name) => name.endsWith('.broken'))).toBe(true);
    expect([...engine.capture.from(0)].some((entry) => entry.name === 'storage-file-unreadable')).toBe(true);
  });

  it('refuses a forged write past the limits at the engine too', async () => {
    const engine = startEngine();
    const session = engine.attachClient({ origin: 'http://miniapp.test', send: () => undefined });
    session.receive({ op: 'storage', action: 'set', key: 'k', value: 'x'.repeat(300 * 1024) });
    expect([...engine.capture.from(0)].filter((entry) => entry.name === 'storage-write-refused')).toHaveLength(1);
  });

  it('lists and edits storage from the panel; a page attached afterwards sees the edit', async () => {
    const engine = startEngine();
    attachMy(engine).setStorageSync({ key: 'token', data: 'old' });
    await seeded();
    const replies: PanelMessage[] = [];
    const panel = createPanelSession(engine, (message) => void replies.push(message));
    panel.receive({ kind: 'storage-list', requestId: 1 });
    panel.receive({ kind: 'storage-write', requestId: 2, project: 'project-a', write: { op: 'storage', action: 'set', key: 'token', value: '{"v":2}' } });
    panel.receive({ kind: 'storage-write', requestId: 3, project: 'project-a', write: { op: 'storage', action: 'set', key: 'bad', value: 'not json' } });
    expect(replies.filter((message) => message.kind === 'reply')).toEqual([
      { kind: 'reply', requestId: 1, ok: true, body: JSON.stringify({ projects: [{ project: 'project-a', entries: { token: '"old"' } }] }) },
      { kind: 'reply', requestId: 2, ok: true, body: '' },
      { kind: 'reply', requestId: 3, ok: false, error: expect.stringContaining('JSON') },
    ]);
    const later = attachMy(engine);
    await seeded();
    expect(later.getStorageSync({ key: 'token' })).toEqual({ data: { v: 2 } });
    panel.close();
  });
});
