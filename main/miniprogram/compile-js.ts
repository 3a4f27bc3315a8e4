// Project JS → the module script the logic Worker loads (shared/miniprogram/logic-urls.ts). CommonJS files are
// wrapped as written, on the same lines, so a runtime error's line is the file's line; files with `import` /
// `export` go through esbuild's CommonJS transform first, with a source map the Worker uses to map the
// transformed text's frames back to the file (renderer/miniprogram/logic/source-maps.ts). Every file is parsed
// by esbuild, so a syntax error becomes a problem with file, line and column of the file as written.
import { stat, readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { transformSync, type Message } from 'esbuild';
import { LOGIC_DEFINE_GLOBAL, LOGIC_MODULE_PARAMETERS, LOGIC_MODULE_PREFIX } from '../../shared/miniprogram/logic-urls';
import type { RuntimeProblem } from '../../shared/miniprogram/view-logic-protocol';

/** A statement starting with `import`/`export` (not `import(`, which the IDE rejects anyway, nor `import.meta`). */
const MODULE_SYNTAX = /^[ \t]*(?:import[\s{*'"]|export[\s{*])/m;

/** `map`: for transformed files, esbuild's source map (v3 JSON) of `code` back to the file. */
export type CompiledJs = { ok: true; code: string; map?: string } | { ok: false; problem: RuntimeProblem };

/** Compiles one project file; `file` is its project path without a leading `/` (e.g. `pages/a/a.js`). */
export function compileJs(source: string, file: string): CompiledJs {
  const isModule = MODULE_SYNTAX.test(source);
  try {
    // Parsed even when not transformed: the syntax check is the same for both kinds of file.
    if (!isModule) {
      transformSync(source, { loader: 'js', sourcefile: file, logLevel: 'silent' });
      return { ok: true, code: source };
    }
    const result = transformSync(source, { loader: 'js', format: 'cjs', sourcefile: file, sourcemap: 'external', sourcesContent: false, logLevel: 'silent' });
    return { ok: true, code: result.code, map: result.map };
  } catch (error) {
    return { ok: false, problem: problemOf(error, file) };
  }
}

/**
 * The module script: the module function starting on the file's own first line, or the problem that stopped
 * it. The Worker runs it from a blob: URL of its own (see servedLogicScript).
 */
export function logicModuleScript(file: string, compiled: CompiledJs): string {
  const path = JSON.stringify(file);
  if (!compiled.ok) return `${LOGIC_DEFINE_GLOBAL}(${path}, null, ${JSON.stringify(compiled.problem)});\n`;
  // A transformed file starts on line 2, so that line 1's columns are not shifted by the wrapper (its map is moved down one line).
  const start = compiled.map === undefined ? '' : '\n';
  return `${LOGIC_DEFINE_GLOBAL}(${path}, function (${LOGIC_MODULE_PARAMETERS.join(', ')}) {${start}${compiled.code}\n});\n`;
}

/** The source map of the module script: `compiled.map` one line down (a leading `;` is an empty first line). */
function moduleScriptMap(compiled: CompiledJs): object | undefined {
  if (!compiled.ok || compiled.map === undefined) return undefined;
  const map = JSON.parse(compiled.map) as { mappings: string };
  return { ...map, mappings: `;${map.mappings}` };
}

/**
 * What `/__mp/logic/<file>` serves: the module script as text. Run straight from the mini-app origin it
 * would be a cross-origin script to the opaque-origin Worker, whose errors and rejections the browser mutes
 * ("Script error."); run from a blob: URL the Worker makes, it is same-origin and reports in full. A transformed
 * file's source map follows the text as a third argument.
 */
export function servedLogicScript(file: string, compiled: CompiledJs): string {
  const map = moduleScriptMap(compiled);
  const mapArgument = map === undefined ? '' : `, ${JSON.stringify(map)}`;
  return `${LOGIC_DEFINE_GLOBAL}(${JSON.stringify(file)}, ${JSON.stringify(logicModuleScript(file, compiled))}${mapArgument});\n`;
}

function problemOf(error: unknown, file: string): RuntimeProblem {
  const first: Message | undefined = (error as { errors?: Message[] }).errors?.[0];
  const problem: RuntimeProblem = { kind: 'js', message: first?.text ?? String(error), file };
  if (first?.location) {
    problem.line = first.location.line;
    problem.column = first.location.column + 1;
  }
  return problem;
}

export interface LogicModuleResponse {
  status: number;
  contentType: string;
  body: string;
}

interface CacheEntry {
  mtimeMs: number;
  size: number;
  script: string;
}

const cache = new Map<string, CacheEntry>();
const JS = 'text/javascript; charset=utf-8';

/**
 * Answers `/__mp/logic/<path>.js` from `projectDir`: the compiled module script (cached until the file's
 * mtime or size changes), 404 for anything else or outside the project. A compile error is a 200 whose
 * script reports the problem, so the Worker shows it where the module is required.
 */
export async function serveLogicModule(projectDir: string, urlPath: string): Promise<LogicModuleResponse> {
  const notFound: LogicModuleResponse = { status: 404, contentType: 'text/plain; charset=utf-8', body: 'not found' };
  let file: string;
  try {
    file = decodeURIComponent(urlPath.split('?')[0] ?? '');
  } catch {
    return notFound;
  }
  if (!file.startsWith(LOGIC_MODULE_PREFIX) || !file.endsWith('.js')) return notFound;
  file = file.slice(LOGIC_MODULE_PREFIX.length);
  const root = resolve(projectDir);
  const absolute = resolve(root, file);
  if (!absolute.startsWith(root + sep) || file.includes('\\')) return notFound;
  const info = await stat(absolute).catch(() => undefined);
  if (!info?.isFile()) return notFound;
  const cached = cache.get(absolute);
  if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return { status: 200, contentType: JS, body: cached.script };
  const source = await readFile(absolute, 'utf8');
  const script = servedLogicScript(file, compileJs(source, file));
  cache.set(absolute, { mtimeMs: info.mtimeMs, size: info.size, script });
  return { status: 200, contentType: JS, body: script };
}
