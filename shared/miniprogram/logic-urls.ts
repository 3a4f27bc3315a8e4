// Where the mini-app origin serves the logic half (main/miniprogram/compile-js.ts serves, the Worker loads).

/** `/__mp/logic/<project file path>` is that file as a module script, e.g. `/__mp/logic/pages/index/index.js`. */
export const LOGIC_MODULE_PREFIX = '/__mp/logic/';

/** The Worker's runtime bundle (renderer/miniprogram/logic/worker-entry.ts, built by scripts/build.mjs). */
export const LOGIC_WORKER_PATH = '/__mp/logic-worker.js';

/**
 * The global (of the logic Worker only) the logic scripts call. A served file calls
 * `__mpDefineLogic(path, moduleScriptText)`; the Worker runs that text from a blob: URL, and it calls
 * `__mpDefineLogic(path, function (module, exports, require, my, getApp, App, Page, Component,
 * getCurrentPages) {…})`, or `__mpDefineLogic(path, null, problem)` when the file did not compile.
 * `path` is the project path without a leading `/`.
 */
export const LOGIC_DEFINE_GLOBAL = '__mpDefineLogic';

/** The parameters of a module function, in order. */
export const LOGIC_MODULE_PARAMETERS = ['module', 'exports', 'require', 'my', 'getApp', 'App', 'Page', 'Component', 'getCurrentPages'] as const;
