// The Electron host's app.json reader on real files and a real HTTP server on 127.0.0.1.
import { createServer, type Server } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewCaptureEntry } from '../core/ports';
import { readLocationAppJson } from './miniapp-app-json';
import type { MiniappLocation } from './miniapp-location';

let base: string;
let server: Server;
let serverOrigin: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'msd-electron-app-json-'));
  server = createServer((request, response) => {
    if (request.url === '/app/app.json') response.writeHead(200, { 'content-type': 'application/json' }).end('{"behavior":{"connectSocketDefaultMultiple":true}}');
    else if (request.url === '/broken/app.json') response.writeHead(500).end('boom');
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serverOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(base, { recursive: true, force: true });
});

async function folder(name: string, appJson?: string): Promise<MiniappLocation> {
  const root = join(base, name);
  await mkdir(root, { recursive: true });
  if (appJson !== undefined) await writeFile(join(root, 'app.json'), appJson);
  return { kind: 'folder', root, origin: 'miniapp://app', entryUrl: 'miniapp://app/' };
}

function url(path: string): MiniappLocation {
  return { kind: 'url', origin: serverOrigin, entryUrl: `${serverOrigin}${path}` };
}

async function read(location: MiniappLocation) {
  const logged: NewCaptureEntry[] = [];
  const result = await readLocationAppJson(location, { append: (entry) => logged.push(entry) });
  return { result, warnings: logged.map((entry) => entry.detail?.['warning']) };
}

describe('readLocationAppJson', () => {
  it('reads app.json beside index.html of a folder', async () => {
    expect(await read(await folder('valid', '{"networkTimeout":{"connectSocket":1500}}'))).toEqual({ result: { found: true, settings: { connectTimeoutMs: 1500 } }, warnings: [] });
  });

  it('a folder without app.json: not found, no warning', async () => {
    expect(await read(await folder('none'))).toEqual({ result: { found: false }, warnings: [] });
  });

  it('wrong types or an unreadable app.json: defaults and one app-json-invalid warning', async () => {
    expect(await read(await folder('typed', '{"behavior":{"connectSocketDefaultMultiple":1}}'))).toMatchObject({ result: { found: true, settings: {} }, warnings: ['app-json-invalid'] });
    // An app.json that is a folder cannot be read (EISDIR).
    await mkdir(join(base, 'dir', 'app.json'), { recursive: true });
    expect(await read(await folder('dir'))).toMatchObject({ result: { found: true, settings: {} }, warnings: ['app-json-invalid'] });
  });

  it('a URL mini-app: app.json next to the entry page (query dropped); 404 is none, a server error warns', async () => {
    expect(await read(url('/app/index.html?x=1'))).toEqual({ result: { found: true, settings: { connectSocketDefaultMultiple: true } }, warnings: [] });
    expect(await read(url('/other/'))).toEqual({ result: { found: false }, warnings: [] });
    expect(await read(url('/broken/index.html'))).toMatchObject({ result: { found: true, settings: {} }, warnings: ['app-json-invalid'] });
  });
});
