// Which modules and sheets a page needs: on the fixture project as the engine compiles it, and on graphs with
// nested components, cycles and files shared between pages.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MiniProgramProject } from '../../main/miniprogram/project';
import { modulesOfPage, sheetsOfPage, type ModuleGraph } from './page-modules';

const FIXTURE = join(import.meta.dirname, '../../e2e/fixtures/miniprogram-project');

function graph(parts: Partial<ModuleGraph>): ModuleGraph {
  return { pages: [], components: [], deps: {}, axml: [], sjs: [], acss: [], ...parts };
}

describe('modulesOfPage and sheetsOfPage', () => {
  it('the fixture home page: its AXML, its component, imported template, included file and SJS; its sheets in cascade order', () => {
    const manifest = new MiniProgramProject(FIXTURE).manifest();
    expect(modulesOfPage(manifest, 'pages/index/index').sort()).toEqual(
      ['/components/counter-card/index.axml', '/pages/index/index.axml', '/templates/footer.axml', '/templates/item.axml', '/utils/format.sjs'].sort(),
    );
    expect(sheetsOfPage(manifest, 'pages/index/index')).toEqual(['/app.acss', '/components/counter-card/index.acss', '/pages/index/index.acss']);
    expect(modulesOfPage(manifest, 'pages/detail/detail')).toEqual(['/pages/detail/detail.axml']);
    expect(sheetsOfPage(manifest, 'pages/detail/detail')).toEqual(['/app.acss']);
  });

  it('follows components used by components, SJS required by SJS, and stops at cycles', () => {
    const modules = graph({
      pages: [{ route: 'pages/a/a', window: {}, usingComponents: { outer: '/c/outer' } }],
      components: [
        { path: '/c/outer', usingComponents: { inner: '/c/inner' } },
        { path: '/c/inner', usingComponents: { outer: '/c/outer' } },
      ],
      axml: ['/pages/a/a.axml', '/c/outer.axml', '/c/inner.axml', '/t/x.axml', '/t/y.axml'],
      sjs: ['/u/one.sjs', '/u/two.sjs'],
      deps: { '/c/inner.axml': ['/t/x.axml'], '/t/x.axml': ['/t/y.axml', '/u/one.sjs'], '/t/y.axml': ['/t/x.axml'], '/u/one.sjs': ['/u/two.sjs'], '/u/two.sjs': ['/u/one.sjs'] },
    });
    expect(modulesOfPage(modules, 'pages/a/a').sort()).toEqual(['/c/inner.axml', '/c/outer.axml', '/pages/a/a.axml', '/t/x.axml', '/t/y.axml', '/u/one.sjs', '/u/two.sjs']);
  });

  it('leaves out files the manifest does not serve and pages it does not know', () => {
    const modules = graph({ pages: [{ route: 'pages/a/a', window: {}, usingComponents: { gone: '/c/gone' } }], axml: ['/pages/a/a.axml'], deps: { '/pages/a/a.axml': ['/t/missing.axml'] } });
    expect(modulesOfPage(modules, 'pages/a/a')).toEqual(['/pages/a/a.axml']);
    expect(modulesOfPage(modules, 'pages/nowhere/nowhere')).toEqual([]);
    expect(sheetsOfPage(modules, 'pages/a/a')).toEqual([]);
  });
});
