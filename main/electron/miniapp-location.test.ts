import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateMiniapp } from './miniapp-location';

describe('locateMiniapp', () => {
  let base: string;
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'msd-location-'));
    await mkdir(join(base, 'demo'));
    await writeFile(join(base, 'demo', 'index.html'), 'demo');
    await mkdir(join(base, 'app'));
    await writeFile(join(base, 'app', 'index.html'), 'app');
    await mkdir(join(base, 'empty'));
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  it('uses the demo folder when no --miniapp is given, served from miniapp://app/', async () => {
    const location = await locateMiniapp(undefined, { cwd: base, demoRoot: join(base, 'demo') });
    expect(location).toEqual({ kind: 'folder', root: join(base, 'demo'), origin: 'miniapp://app', entryUrl: 'miniapp://app/' });
  });

  it('locates the bundled demo project (examples/socket-playground, built into out/demo-project) as a mini-program', async () => {
    const demo = fileURLToPath(new URL('../../examples/socket-playground', import.meta.url));
    const location = await locateMiniapp(undefined, { cwd: base, demoRoot: demo });
    expect(location).toEqual({ kind: 'miniprogram', root: demo, origin: 'miniapp://app', entryUrl: 'miniapp://app/' });
  });

  it('resolves a relative folder against the working directory', async () => {
    const location = await locateMiniapp('app', { cwd: base, demoRoot: join(base, 'demo') });
    expect(location).toMatchObject({ kind: 'folder', root: join(base, 'app') });
  });

  it('loads an http(s) URL as is, with its own origin', async () => {
    const location = await locateMiniapp('http://127.0.0.1:5173/pages/index.html?x=1', { cwd: base, demoRoot: base });
    expect(location).toEqual({ kind: 'url', origin: 'http://127.0.0.1:5173', entryUrl: 'http://127.0.0.1:5173/pages/index.html?x=1' });
  });

  it('refuses folders without index.html, missing folders and other schemes', async () => {
    const options = { cwd: base, demoRoot: base };
    await expect(locateMiniapp('empty', options)).rejects.toThrow(/does not exist or has no index.html, app.json or mini.project.json/);
    await expect(locateMiniapp('nowhere', options)).rejects.toThrow(/does not exist or has no index.html, app.json or mini.project.json/);
    await expect(locateMiniapp('ftp://example.com/', options)).rejects.toThrow('the mini-app URL must be http: or https:, not ftp:');
  });
});
