import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appJsonPathFor, appJsonTextOf, readFolderAppJson } from './miniapp-app-json';

describe("the mini-app's app.json", () => {
  it('sits beside the entry page', () => {
    expect(appJsonPathFor('/')).toBe('/app.json');
    expect(appJsonPathFor('/app/index.html?x=1')).toBe('/app/app.json');
  });

  it('is absent on 404 or a page, an error on another failing status, else the body', async () => {
    const body = async () => '{}';
    await expect(appJsonTextOf({ status: 404, contentType: 'application/json' }, body, '/app.json')).resolves.toBeUndefined();
    await expect(appJsonTextOf({ status: 200, contentType: 'text/html; charset=utf-8' }, body, '/app.json')).resolves.toBeUndefined();
    await expect(appJsonTextOf({ status: 503, contentType: null }, body, '/app.json')).rejects.toThrow('HTTP 503 for /app.json');
    await expect(appJsonTextOf({ status: 200, contentType: 'application/json' }, body, '/app.json')).resolves.toBe('{}');
  });

  it("reads a folder's file, absent when there is none", async () => {
    const root = await mkdtemp(join(tmpdir(), 'msd-appjson-'));
    try {
      await expect(readFolderAppJson(root)).resolves.toBeUndefined();
      await writeFile(join(root, 'app.json'), '{"behavior":{}}');
      await expect(readFolderAppJson(root)).resolves.toBe('{"behavior":{}}');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
