import { mkdtemp, mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIC_DEFINE_GLOBAL, LOGIC_MODULE_PARAMETERS } from '../../shared/miniprogram/logic-urls';
import { compileJs, logicModuleScript, serveLogicModule } from './compile-js';

type Defined = { path: string; run: ((...args: unknown[]) => void) | null; problem?: unknown };

/** Runs a served script as the Worker would, with the define global, and returns what it defined. */
function evaluate(script: string): Defined {
  let defined: Defined | undefined;
  const define = (path: string, run: Defined['run'], problem?: unknown) => (defined = { path, run, problem });
  new Function(LOGIC_DEFINE_GLOBAL, script)(define);
  if (!defined) throw new Error('nothing defined');
  return defined;
}

/** Runs a module function with a require over `others` and returns its exports. */
function runModule(script: string, others: Record<string, unknown> = {}): unknown {
  const { run } = evaluate(script);
  const module = { exports: {} as unknown };
  run?.(module, module.exports, (name: string) => others[name]);
  return module.exports;
}

describe('compileJs', () => {
  it('keeps a CommonJS file as written, on its own lines', () => {
    const source = "const x = require('./x');\n\nmodule.exports = () => { throw new Error('line 3'); };";
    const compiled = compileJs(source, 'utils/a.js');
    expect(compiled).toEqual({ ok: true, code: source });
    const fn = runModule(logicModuleScript('utils/a.js', compiled)) as () => void;
    expect(fn).toBeTypeOf('function');
    const script = logicModuleScript('utils/a.js', compiled);
    expect(script.split('\n')[2]).toBe("module.exports = () => { throw new Error('line 3'); };");
  });

  it('turns import/export into CommonJS', () => {
    const source = "import add, { twice } from './math';\nexport const three = add(1, 2);\nexport default twice(3);";
    const compiled = compileJs(source, 'pages/a/a.js');
    expect(compiled.ok).toBe(true);
    const exports = runModule(logicModuleScript('pages/a/a.js', compiled), { './math': { default: (a: number, b: number) => a + b, twice: (n: number) => n * 2, __esModule: true } });
    expect(exports).toMatchObject({ three: 3, default: 6 });
  });

  it('reports a syntax error as a js problem with file, line and column', () => {
    const compiled = compileJs('const a = 1;\nfunction (\n', 'pages/b/b.js');
    expect(compiled.ok).toBe(false);
    if (compiled.ok) return;
    expect(compiled.problem).toMatchObject({ kind: 'js', file: 'pages/b/b.js', line: 2 });
    const defined = evaluate(logicModuleScript('pages/b/b.js', compiled));
    expect(defined).toMatchObject({ path: 'pages/b/b.js', run: null, problem: compiled.problem });
  });
});

describe('serveLogicModule', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mp-logic-'));
    await mkdir(join(dir, 'pages', 'a'), { recursive: true });
    await writeFile(join(dir, 'app.js'), 'App({});');
    await writeFile(join(dir, 'pages', 'a', 'a.js'), 'Page({});');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('serves /__mp/logic/<path>.js and 404s anything else', async () => {
    const ok = await serveLogicModule(dir, '/__mp/logic/pages/a/a.js?v=1');
    expect(ok.status).toBe(200);
    expect(ok.contentType).toMatch(/javascript/);
    const served = evaluate(ok.body) as unknown as { path: string; run: string };
    expect(served.path).toBe('pages/a/a.js');
    expect(served.run.startsWith(`${LOGIC_DEFINE_GLOBAL}("pages/a/a.js", function (`)).toBe(true);
    for (const path of ['/__mp/logic/missing.js', '/__mp/logic/../outside.js', '/__mp/logic/%2e%2e/x.js', '/__mp/logic/app.json', '/other/app.js']) {
      expect((await serveLogicModule(dir, path)).status).toBe(404);
    }
  });

  it('recompiles when the file changes', async () => {
    const first = await serveLogicModule(dir, '/__mp/logic/app.js');
    await writeFile(join(dir, 'app.js'), 'App({ globalData: {} });');
    await utimes(join(dir, 'app.js'), new Date(), new Date(Date.now() + 5000));
    const second = await serveLogicModule(dir, '/__mp/logic/app.js');
    expect(first.body).not.toBe(second.body);
    expect(second.body).toContain('globalData');
  });

  it('ES-module files on disk: a syntax error keeps the file\'s line; a good one is served with its source map, one line down', async () => {
    await mkdir(join(dir, 'utils'), { recursive: true });
    await writeFile(join(dir, 'utils', 'broken.js'), "import { a } from './a';\n\nexport const b = 1;\nexport const = 2;\n");
    await writeFile(join(dir, 'utils', 'good.js'), "import { a } from './a';\n\nexport function fail() {\n  throw new Error(a);\n}\n");
    const broken = evaluate(evaluate((await serveLogicModule(dir, '/__mp/logic/utils/broken.js')).body).run as unknown as string);
    expect(broken).toMatchObject({ path: 'utils/broken.js', run: null, problem: { kind: 'js', file: 'utils/broken.js', line: 4 } });

    let served: { run: string; map: { version: number; mappings: string } } | undefined;
    new Function(LOGIC_DEFINE_GLOBAL, (await serveLogicModule(dir, '/__mp/logic/utils/good.js')).body)((_path: string, run: string, map: { version: number; mappings: string }) => (served = { run, map }));
    expect(served?.map.version).toBe(3);
    // The module script's line 1 is the wrapper alone, and the map starts with that empty line.
    expect(served?.run.split('\n')[0]).toBe(`${LOGIC_DEFINE_GLOBAL}("utils/good.js", function (${LOGIC_MODULE_PARAMETERS.join(', ')}) {`);
    expect(served?.map.mappings.startsWith(';')).toBe(true);
    const throwLine = (served?.run.split('\n') ?? []).findIndex((line) => line.includes('throw new Error(')) + 1;
    const { originalPositionFor, TraceMap } = await import('@jridgewell/trace-mapping');
    const generatedColumn = (served?.run.split('\n')[throwLine - 1] ?? '').indexOf('throw');
    expect(originalPositionFor(new TraceMap(served?.map as never), { line: throwLine, column: generatedColumn })).toMatchObject({ line: 4, column: 2 });
  });
});
