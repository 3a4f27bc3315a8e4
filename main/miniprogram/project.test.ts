import { cpSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MiniProgramProject } from './project';
import { serveBundle } from './serve-bundle';

const FIXTURE = join(import.meta.dirname, '../../e2e/fixtures/miniprogram-project');
const copies: string[] = [];
function copyOfFixture(): string {
  const folder = mkdtempSync(join(tmpdir(), 'mp-project-'));
  cpSync(FIXTURE, folder, { recursive: true });
  copies.push(folder);
  return folder;
}
afterEach(() => {
  for (const folder of copies.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('MiniProgramProject on the fixture folder', () => {
  it('lists pages with merged window, tab bar, components and every file the view needs', () => {
    const manifest = new MiniProgramProject(FIXTURE).manifest();
    expect(manifest.problems).toEqual([]);
    expect(manifest.pages.map((page) => page.route)).toEqual(['pages/index/index', 'pages/list/list', 'pages/form/form', 'pages/detail/detail', 'pages/walls/walls']);
    expect(manifest.pages[0]?.window).toEqual({ defaultTitle: 'Home', titleBarColor: '#1677ff' });
    expect(manifest.pages[0]?.usingComponents).toEqual({ 'counter-card': '/components/counter-card/index' });
    expect(manifest.components).toEqual([{ path: '/components/counter-card/index', usingComponents: {} }]);
    expect(manifest.tabBar?.items.map((item) => item.pagePath)).toEqual(['pages/index/index', 'pages/list/list']);
    expect(manifest.axml).toEqual(expect.arrayContaining(['/pages/index/index.axml', '/components/counter-card/index.axml', '/templates/item.axml']));
    expect(manifest.sjs).toEqual(['/utils/format.sjs']);
    expect(manifest.acss).toEqual(['/app.acss', '/components/counter-card/index.acss', '/pages/index/index.acss']);
  });

  it('serves the manifest, render modules, SJS, styles with @import inlined, and 404 for anything else', () => {
    const project = new MiniProgramProject(FIXTURE);
    const manifest = serveBundle(project, '/__mp/manifest.json');
    expect(manifest.status).toBe(200);
    expect(JSON.parse(String(manifest.body)).pages).toHaveLength(5);
    const view = serveBundle(project, '/__mp/view/pages/index/index.axml.js');
    expect(view).toMatchObject({ status: 200, contentType: 'text/javascript; charset=utf-8' });
    expect(String(view.body)).toContain('__mpDefine("axml", "/pages/index/index.axml"');
    expect(String(serveBundle(project, '/__mp/sjs/utils/format.sjs.js').body)).toContain('exports.default =');
    const style = serveBundle(project, '/__mp/style/app.acss.css');
    expect(style.contentType).toBe('text/css; charset=utf-8');
    expect(String(style.body)).toContain('.card { padding: calc(24 * var(--rpx))');
    expect(String(style.body)).toContain('.a-page { background: #f5f5f5; }');
    expect(serveBundle(project, '/__mp/view/../../etc/passwd.axml.js').status).toBe(404);
    expect(serveBundle(project, '/__mp/view/pages/index/index.js').status).toBe(404);
    expect(serveBundle(project, '/__mp/asset/app.json').status).toBe(404);
  });

  it('reads app.json under mini.project.json miniprogramRoot', () => {
    const folder = mkdtempSync(join(tmpdir(), 'mp-root-'));
    copies.push(folder);
    cpSync(FIXTURE, join(folder, 'src'), { recursive: true });
    writeFileSync(join(folder, 'mini.project.json'), JSON.stringify({ format: 2, miniprogramRoot: 'src' }));
    expect(new MiniProgramProject(folder).manifest().pages).toHaveLength(5);
  });

  it('recompiles a file only when its mtime or size changed, and reports errors with file and line', () => {
    const folder = copyOfFixture();
    const project = new MiniProgramProject(folder);
    const first = project.axml('/pages/list/list.axml');
    expect(project.axml('/pages/list/list.axml')).toBe(first);
    writeFileSync(join(folder, 'pages/list/list.axml'), '<view>\n  <text>{{a +}}</text>\n</view>\n');
    utimesSync(join(folder, 'pages/list/list.axml'), new Date(), new Date(Date.now() + 5000));
    const second = project.axml('/pages/list/list.axml');
    expect(second).not.toBe(first);
    expect(second.problems).toEqual([{ kind: 'axml', message: '{{a +}}: Unexpected token', file: 'pages/list/list.axml', line: 2 }]);
    writeFileSync(join(folder, 'styles/base.acss'), '.card {\n  color: red;\n');
    expect(project.manifest().problems).toEqual([second.problems[0], { kind: 'acss', message: 'Unclosed block', file: 'styles/base.acss', line: 1, column: 1 }]);
  });

  it('reports a broken app.json, a missing page and an unresolvable component without throwing', () => {
    const folder = copyOfFixture();
    writeFileSync(join(folder, 'app.json'), '{ "pages": ["pages/index/index", "pages/none/none"], }');
    expect(new MiniProgramProject(folder).manifest().problems).toEqual([expect.objectContaining({ kind: 'json', file: 'app.json' })]);
    writeFileSync(join(folder, 'app.json'), JSON.stringify({ pages: ['pages/index/index', 'pages/none/none'] }));
    writeFileSync(join(folder, 'pages/index/index.json'), JSON.stringify({ usingComponents: { 'counter-card': './nowhere' } }));
    const problems = new MiniProgramProject(folder).manifest().problems;
    expect(problems.map((problem) => problem.message)).toEqual([
      'usingComponents "counter-card": "./nowhere" has no .axml',
      'page "pages/none/none" has no .axml',
    ]);
  });
});
