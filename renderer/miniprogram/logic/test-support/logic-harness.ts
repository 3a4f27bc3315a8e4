// A logic runtime in Node over in-memory modules, with a scripted view: what the logic sends is recorded,
// and tests answer as the view would (page-ready, rendered, component messages).
import type { LogicToView, ViewToLogic } from '../../../../shared/miniprogram/view-logic-protocol';
import type { LogicConfig } from '../../../../shared/miniprogram/logic-worker-protocol';
import type { LoadedModule, ModuleFunction, ModuleGlobals } from '../module-registry';
import { createLogicRuntime, type LogicRuntime } from '../runtime';

/** A module written as a test function: receives the logic globals and its CommonJS module. */
export type TestModule = (globals: ModuleGlobals & { module: { exports: unknown }; require: (specifier: string) => unknown }) => void;

export interface Harness {
  runtime: LogicRuntime;
  sent: LogicToView[];
  warnings: string[];
  send(message: ViewToLogic): void;
  /** Lets microtasks and zero-delay timers run (set-data flushes, route APIs). */
  settle(): Promise<void>;
  /** Takes the recorded messages of one kind and clears the record. */
  take<T extends LogicToView['t']>(kind: T): Extract<LogicToView, { t: T }>[];
  globals(): ModuleGlobals;
}

export function createHarness(files: Record<string, TestModule>, config: Partial<LogicConfig> = {}): Harness {
  const sent: LogicToView[] = [];
  const warnings: string[] = [];
  let listener: ((message: ViewToLogic) => void) | undefined;
  let lastGlobals: ModuleGlobals | undefined;
  const toFunction = (body: TestModule): ModuleFunction => (module, _exports, require, my, getApp, App, Page, Component, getCurrentPages) => {
    lastGlobals = { my, getApp, App, Page, Component, getCurrentPages };
    body({ ...lastGlobals, module, require });
  };
  const runtime = createLogicRuntime({
    channel: { post: (message) => sent.push(message), onMessage: (next) => (listener = next) },
    modules: { load: (path): LoadedModule => (files[path] ? { ok: true, run: toFunction(files[path]) } : undefined) },
    config: { pages: config.pages ?? Object.keys(files).filter((path) => path.startsWith('pages/')).map((path) => path.replace(/\.js$/, '')), tabBarPages: config.tabBarPages ?? [], ...(config.entry ? { entry: config.entry } : {}), ...(config.windows ? { windows: config.windows } : {}) },
    baseMy: {},
    warn: (message) => warnings.push(message),
  });
  return {
    runtime,
    sent,
    warnings,
    send: (message) => listener?.(message),
    settle: () => new Promise((resolve) => setTimeout(resolve, 0)),
    take(kind) {
      const taken = sent.filter((message) => message.t === kind) as Extract<LogicToView, { t: typeof kind }>[];
      sent.length = 0;
      return taken;
    },
    globals() {
      if (!lastGlobals) throw new Error('no module ran yet');
      return lastGlobals;
    },
  };
}

/** Modules of a project with an empty app.js and one page, `route`, whose Page options `page(my)` builds. */
export function onePageModules(route: string, page: (my: unknown) => object): { load(path: string): LoadedModule } {
  return {
    load(path) {
      if (path === 'app.js') return { ok: true, run: () => undefined };
      if (path !== `${route}.js`) return undefined;
      return { ok: true, run: (_module, _exports, _require, my, _getApp, _App, Page) => (Page as (options: object) => void)(page(my)) };
    },
  };
}

/** A started harness on a project of one page (`page`'s options) and one component at /components/card/index. */
export function cardProjectHarness(component: Record<string, unknown>, page: Record<string, unknown> = {}): Harness {
  const harness = createHarness({
    'app.js': () => undefined,
    'pages/index/index.js': ({ Page }) => (Page as (options: object) => void)(page),
    'components/card/index.js': ({ Component }) => (Component as (options: object) => void)(component),
  });
  harness.runtime.start();
  return harness;
}

const PAGE_HOOKS = ['onLoad', 'onShow', 'onReady', 'onHide', 'onUnload'] as const;

/** Page options whose lifecycle hooks record `name.hook` into `log`. */
export function loggingPage(log: string[], name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const options: Record<string, unknown> = { ...extra };
  for (const hook of PAGE_HOOKS) options[hook] = () => log.push(`${name}.${hook}`);
  return options;
}

/** Files for an app whose App and pages all log their hooks; `pages` are routes like `pages/a/a`. */
export function loggingProject(log: string[], pages: string[]): Record<string, TestModule> {
  const files: Record<string, TestModule> = {
    'app.js': ({ App }) =>
      (App as (options: object) => void)({
        onLaunch: () => log.push('App.onLaunch'),
        onShow: () => log.push('App.onShow'),
        onHide: () => log.push('App.onHide'),
      }),
  };
  for (const route of pages) {
    const name = route.split('/').pop() ?? route;
    files[`${route}.js`] = ({ Page }) => (Page as (options: object) => void)(loggingPage(log, name));
  }
  return files;
}
