// CommonJS modules of the project (docs/miniprogram-runtime.md#references §10.3): each file is a function the host serves
// (main/miniprogram/compile-js.ts), run once on its first `require` with its own `module`/`exports` and the
// logic globals as parameters. Paths resolve like the IDE: `./` and `../` from the requiring file, `/` from
// the project root, a bare name from `node_modules`; `x` tries `x`, `x.js`, `x/index.js`. A cycle sees
// the partial exports of the module still running, as in Node.
import { joinPath } from '../../../shared/miniprogram/route-url';
import type { RuntimeProblem } from '../../../shared/miniprogram/view-logic-protocol';

export interface LogicModule {
  exports: unknown;
}

/** The globals a module function receives as parameters, in this order after `(module, exports, require)`. */
export interface ModuleGlobals {
  my: unknown;
  getApp: unknown;
  App: unknown;
  Page: unknown;
  Component: unknown;
  getCurrentPages: unknown;
}

export type ModuleFunction = (
  module: LogicModule,
  exports: unknown,
  require: (specifier: string) => unknown,
  my: unknown,
  getApp: unknown,
  App: unknown,
  Page: unknown,
  Component: unknown,
  getCurrentPages: unknown,
) => void;

/** What loading a file gives: its function, the problem that kept it from compiling, or nothing (no such file). */
export type LoadedModule = { ok: true; run: ModuleFunction } | { ok: false; problem: RuntimeProblem } | undefined;

/** Where module functions come from: the Worker loads served scripts, tests hand in functions. */
export interface ModuleSource {
  /** `path` is a project file path without a leading `/`, e.g. `pages/index/index.js`. */
  load(path: string): LoadedModule;
}

/** A required file did not compile; its problem (kind 'js', with file and line) was already reported. */
export class ModuleCompileError extends Error {}

export interface ModuleRegistry {
  /** Runs (once) and returns the exports of the file `specifier` names, resolved from the file `fromPath`. */
  require(fromPath: string, specifier: string): unknown;
  /** The module files whose top-level code is running, innermost last (Page() and Component() use the last). */
  running(): readonly string[];
}

export function createModuleRegistry(source: ModuleSource, globals: ModuleGlobals, onCompileProblem: (problem: RuntimeProblem) => void): ModuleRegistry {
  const modules = new Map<string, LogicModule>();
  const runningStack: string[] = [];

  function resolve(fromPath: string, specifier: string): string[] {
    const bare = !specifier.startsWith('.') && !specifier.startsWith('/');
    const base = specifier.startsWith('/') ? [] : bare ? ['node_modules'] : fromPath.split('/').slice(0, -1);
    const path = joinPath(base, specifier);
    return path.endsWith('.js') ? [path] : [path, `${path}.js`, `${path}/index.js`];
  }

  function requireFrom(fromPath: string, specifier: string): unknown {
    for (const path of resolve(fromPath, specifier)) {
      const cached = modules.get(path);
      if (cached) return cached.exports;
      const loaded = source.load(path);
      if (loaded === undefined) continue;
      if (!loaded.ok) {
        onCompileProblem(loaded.problem);
        throw new ModuleCompileError(`${path} could not be compiled: ${loaded.problem.message}`);
      }
      return execute(path, loaded.run);
    }
    throw new Error(`module "${specifier}" is not defined (required from ${fromPath || 'the app'})`);
  }

  function execute(path: string, run: ModuleFunction): unknown {
    const module: LogicModule = { exports: {} };
    modules.set(path, module);
    runningStack.push(path);
    try {
      const localRequire = (specifier: string): unknown => requireFrom(path, String(specifier));
      run(module, module.exports, localRequire, globals.my, globals.getApp, globals.App, globals.Page, globals.Component, globals.getCurrentPages);
    } catch (error) {
      // A failed module is not kept, so a later require runs it again and reports again (Node does the same).
      modules.delete(path);
      throw error;
    } finally {
      runningStack.pop();
    }
    return module.exports;
  }

  return { require: requireFrom, running: () => runningStack };
}
