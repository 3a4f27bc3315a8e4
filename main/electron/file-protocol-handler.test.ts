import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMiniProgramHost } from '../miniprogram/miniprogram-host';
import { createFileProtocolHandler } from './file-protocol-handler';

const FIXTURE = join(import.meta.dirname, '../../e2e/fixtures/miniprogram-project');

// Real files in a temporary folder, real Request/Response objects: what protocol.handle hands the handler.
describe('file protocol handler', () => {
  let base: string;
  let root: string;
  let handle: (request: Request) => Promise<Response>;

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'msd-protocol-'));
    root = join(base, 'panel');
    await mkdir(join(root, 'assets', 'with space'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html><title>panel</title>');
    await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(root, 'assets', 'with space', 'a b.css'), 'body{}');
    await writeFile(join(base, 'secret.txt'), 'top secret');
    await symlink(join(base, 'secret.txt'), join(root, 'link-out.txt'));
    handle = createFileProtocolHandler({ root, host: 'panel', headers: { 'content-security-policy': "default-src 'self'" } });
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

  it('serves index.html for the root with its type, nosniff and the extra headers', async () => {
    const response = await get('app://panel/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(await response.text()).toContain('<title>panel</title>');
  });

  it('serves nested files and decodes escaped names', async () => {
    const script = await get('app://panel/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    const css = await get('app://panel/assets/with%20space/a%20b.css');
    expect(await css.text()).toBe('body{}');
  });

  it('never serves anything outside the root', async () => {
    const escapes = [
      'app://panel/../secret.txt',
      'app://panel/%2e%2e/secret.txt',
      'app://panel/assets/..%2F..%2Fsecret.txt',
      'app://panel/%2E%2E%2Fsecret.txt',
      'app://panel/..%5Csecret.txt',
      'app://panel/assets%00/app.js',
      'app://panel/link-out.txt',
    ];
    for (const url of escapes) {
      const response = await get(url);
      expect(response.status, url).toBeGreaterThanOrEqual(400);
      expect(await response.text(), url).not.toContain('top secret');
    }
  });

  it('answers 404 for missing files and other hosts, 400 for malformed escapes, 405 for writes', async () => {
    expect((await get('app://panel/missing.js')).status).toBe(404);
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://panel/%E0%A4%A')).status).toBe(400);
    expect((await get('app://panel/index.html', 'POST')).status).toBe(405);
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://panel/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('answers 404 when the root folder does not exist', async () => {
    const missing = createFileProtocolHandler({ root: join(base, 'nope'), host: 'panel' });
    expect((await missing(new Request('app://panel/index.html'))).status).toBe(404);
  });

  it('asks a mini-program project host first (with the query) and falls through to the files when it declines', async () => {
    const project = createMiniProgramHost({ folder: FIXTURE, logicWorkerFile: join(base, 'none.js'), viewPageFile: join(base, 'none.js') });
    const miniapp = createFileProtocolHandler({ root: project.root, host: 'app', headers: { 'content-security-policy': "default-src 'self'" }, answer: project.answer });
    const page = await miniapp(new Request('miniapp://app/?from=test'));
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(await page.text()).toContain('/__mp/view-page.js');
    const logic = await miniapp(new Request('miniapp://app/__mp/logic/pages/detail/detail.js'));
    expect(await logic.text()).toContain('my.navigateBack()');
    expect((await miniapp(new Request('miniapp://app/__mp/view-page.js'))).status).toBe(503);
    expect(JSON.parse(await (await miniapp(new Request('miniapp://app/app.json'))).text()).pages).toContain('pages/walls/walls');
  });
});
