import { describe, expect, it } from 'vitest';
import { compileAcss } from './compile-acss';
import { compileSjs } from './compile-sjs';

describe('compileAcss', () => {
  const files: Record<string, string> = {
    '/styles/a.acss': '@import "./b.acss";\n.a { margin: 0 -10rpx; }',
    '/styles/b.acss': '@import "/styles/a.acss";\ntext { font-size: 28rpx; }',
  };
  const compile = (source: string) => compileAcss('/app.acss', source, (path) => files[path]);

  it('turns rpx into calc() of --rpx everywhere except inside other words', () => {
    expect(compile('.x { width: 750rpx; padding: .5rpx 1.5rpx; height: calc(100% - 20rpx); background: url(/a-10rpx.png) }').css).toBe(
      '.x { width: calc(750 * var(--rpx)); padding: calc(.5 * var(--rpx)) calc(1.5 * var(--rpx)); height: calc(100% - calc(20 * var(--rpx))); background: url(/__mp/asset/a-10rpx.png) }',
    );
  });

  it('lists the remote url()s each file names (docs/miniprogram-runtime.md#remote-resources), not project paths', () => {
    const read = (path: string) => (path === '/lib/icon.acss' ? '@font-face { font-family: i; src: url("//at.alicdn.com/t/font_1.woff2?t=1") format("woff2") }' : undefined);
    const result = compileAcss('/app.acss', "@import '/lib/icon.acss';\n.b { background: #fff url(HTTPS://Img.Example.com/a%20b.png) }\n.c { background: url(/local.png) }", read);
    expect(result.remoteUrls).toEqual({ '//at.alicdn.com/t/font_1.woff2?t=1': 'lib/icon.acss', '//img.example.com/a%20b.png': 'app.acss' });
  });

  it('inlines @import relative to the importing file, once, even in a cycle', () => {
    const result = compile("@import './styles/a.acss';\n.own { color: red }");
    expect(result.css).toBe('.a-text { font-size: calc(28 * var(--rpx)); }\n.a { margin: 0 calc(-10 * var(--rpx)); }\n.own { color: red }');
    expect(result.files).toEqual(['/app.acss', '/styles/a.acss', '/styles/b.acss']);
    expect(result.problems).toEqual([]);
  });

  it('maps the page selector and basic-component tags to the classes the view renders, leaving other names alone', () => {
    expect(compile('page, view.card > text, .view, #text, my-view { color: red }').css).toBe('.a-page, .a-view.card > .a-text, .view, #text, my-view { color: red }');
  });

  it('reports syntax errors, missing imports, attribute selectors and relative url() with file and line', () => {
    expect(compile('.a {\n  color: red;\n').problems).toEqual([{ kind: 'acss', message: 'Unclosed block', file: 'app.acss', line: 1, column: 1 }]);
    expect(compile('\n@import "./none.acss";\n[type=a] { x: url(./y.png) }').problems).toEqual([
      { kind: 'acss', message: '@import "./none.acss": file not found', file: 'app.acss', line: 2 },
      { kind: 'acss', message: 'attribute selector in "[type=a]" does not work on device', file: 'app.acss', line: 3 },
      { kind: 'acss', message: 'relative url() in "x" does not work on device; use /absolute paths', file: 'app.acss', line: 3 },
    ]);
  });
});

describe('compileSjs', () => {
  it('reports syntax errors and non-.sjs imports with line, still producing a script', () => {
    const broken = compileSjs('/u.sjs', 'export default {\n  a: ,\n};');
    expect(broken.problems).toEqual([{ kind: 'sjs', message: 'Unexpected token', file: 'u.sjs', line: 2, column: 5 }]);
    expect(broken.code).toContain('__mpDefine("sjs", "/u.sjs"');
    expect(compileSjs('/u.sjs', "\nimport x from './x.js';").problems).toEqual([{ kind: 'sjs', message: '"./x.js" is not an .sjs file of the project', file: 'u.sjs', line: 2 }]);
  });

  it('rewrites ES module syntax to CommonJS exports and keeps source lines', () => {
    const { code, requires } = compileSjs('/a/u.sjs', "import d, { n as m } from '../b.sjs';\nexport const x = 1;\nexport default function f() { return d + m; }\nexport * from './c.sjs';");
    const modules: Record<string, Record<string, unknown>> = { '/b.sjs': { default: 2, n: 3 }, '/a/c.sjs': { c: 4 } };
    let factory: ((...args: unknown[]) => void) | undefined;
    new Function('__mpDefine', code)((_kind: string, _path: string, fn: (...args: unknown[]) => void) => { factory = fn; });
    const module = { exports: {} as Record<string, unknown> };
    factory?.(module, module.exports, (path: string) => modules[path]);
    expect(requires).toEqual(['/b.sjs', '/a/c.sjs']);
    expect(module.exports.x).toBe(1);
    expect((module.exports.default as () => number)()).toBe(5);
    expect(module.exports.c).toBe(4);
    expect(code.split('\n')[2]).toContain('exports.default = function f()');
  });
});
