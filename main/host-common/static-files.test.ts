import { mkdtemp, mkdir, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveFileInside } from './static-files';

let base: string;
let root: string;

beforeAll(async () => {
  base = await realpath(await mkdtemp(join(tmpdir(), 'msd-static-')));
  root = join(base, 'site');
  await mkdir(join(root, 'sub'), { recursive: true });
  await writeFile(join(root, 'index.html'), 'root index');
  await writeFile(join(root, 'sub', 'index.html'), 'sub index');
  await writeFile(join(root, 'a b.js'), 'spaced');
  await writeFile(join(base, 'secret.txt'), 'outside');
  await symlink(join(base, 'secret.txt'), join(root, 'link-out.txt'));
  await symlink(join(root, 'a b.js'), join(root, 'link-in.js'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('resolveFileInside', () => {
  it('serves files and directory index pages inside the root', async () => {
    expect(await resolveFileInside(root, '/')).toEqual({ ok: true, path: join(root, 'index.html') });
    expect(await resolveFileInside(root, '/sub/')).toEqual({ ok: true, path: join(root, 'sub', 'index.html') });
    expect(await resolveFileInside(root, '/sub')).toEqual({ ok: true, path: join(root, 'sub', 'index.html') });
    expect(await resolveFileInside(root, '/a%20b.js')).toEqual({ ok: true, path: join(root, 'a b.js') });
    expect(await resolveFileInside(root, '/link-in.js')).toEqual({ ok: true, path: join(root, 'a b.js') });
  });

  it('never climbs out of the root, however the path is spelled', async () => {
    for (const path of ['/../secret.txt', '/sub/../../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/sub/%2e%2e%2f%2e%2e%2fsecret.txt']) {
      const resolved = await resolveFileInside(root, path);
      expect(resolved.ok, path).toBe(false);
    }
    expect(await resolveFileInside(root, '/link-out.txt')).toEqual({ ok: false, reason: 'outside' });
  });

  it('refuses undecodable, NUL and backslash paths, and reports missing files', async () => {
    expect(await resolveFileInside(root, '/%E0%A4%A')).toEqual({ ok: false, reason: 'bad-path' });
    expect(await resolveFileInside(root, '/index.html%00.js')).toEqual({ ok: false, reason: 'bad-path' });
    expect(await resolveFileInside(root, '/..%5csecret.txt')).toEqual({ ok: false, reason: 'bad-path' });
    expect(await resolveFileInside(root, '/missing.js')).toEqual({ ok: false, reason: 'not-found' });
  });
});
