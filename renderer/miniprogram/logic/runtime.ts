// The logic half of the mini-program runtime (docs/miniprogram-runtime.md#references §2–§4, §8, §10): runs app.js, pages and
// components from a ModuleSource, answers the view's ViewToLogic messages and sends LogicToView ones. It
// takes its channel as parameters, so it runs the same in a Worker (worker-entry.ts) and in Node tests.
import type { LogicToView, RuntimeProblem, ViewToLogic } from '../../../shared/miniprogram/view-logic-protocol';
import { extendMy } from '../../../shared/my/extend-my';
import { createAppEvents } from './app-events';
import { createCanvasContextApi } from './canvas-context';
import { createComponentHost, normalizeComponentPath } from './component-host';
import { basicTagsOf, parseComponentSelector, selectComponents } from './component-select';
import { describeError, problemFromError } from './error-report';
import { createRenderAcks } from './instance-data';
import type { LogicConfig } from '../../../shared/miniprogram/logic-worker-protocol';
import { invoke, type LogicContext } from './logic-context';
import { createModuleRegistry, ModuleCompileError, type ModuleSource } from './module-registry';
import { createNavigationBar } from './navigation-bar';
import { createPageScrollApi } from './page-scroll';
import type { PageOptions } from './page-instance';
import { createPageStack } from './page-stack';
import { createRouteApis, navigatorApiOf } from './route-apis';
import { createSelectorQuery, createSelectorQueryApi } from './selector-query';
import type { ViewQuestions } from './view-questions';

/** What `my.canIUse` answers true for besides APIs: the framework features apps check before using them (§4, §3.4). */
const FRAMEWORK_FEATURES: ReadonlySet<string> = new Set(['component2', 'page.setData.callback', 'component.$selectComponent', 'component.$selectAllComponents', 'component.observers', 'mixin', 'component.relations', 'page.mixins']);

export interface LogicChannel {
  post(message: LogicToView): void;
  onMessage(listener: (message: ViewToLogic) => void): void;
}

export interface LogicRuntimeOptions {
  channel: LogicChannel;
  modules: ModuleSource;
  config: LogicConfig;
  /** `my` as createMy builds it (shared/my); the runtime adds the route, navigation bar and app APIs. */
  baseMy: object;
  /** Where warnings go (the Worker's console). */
  warn?: (message: string) => void;
  /** The view's answers to questions (feedback, selector queries); absent: my.createSelectorQuery is not offered. */
  questions?: ViewQuestions;
}

export interface LogicRuntime {
  /** Runs app.js (App.onLaunch, App.onShow) and opens the entry page. */
  start(): void;
  /** An error nothing caught (the Worker's `error` event): App.onError, then a problem. */
  reportError(error: unknown): void;
  /** An unhandled rejection: App.onUnhandledRejection({ reason, promise }) when defined, else App.onError; then a problem. */
  reportRejection(reason: unknown, promise: unknown): void;
  /** The route of the page on top ('' before launch), shown beside each `my` call in the panel. */
  currentRoute(): string;
}

export function createLogicRuntime(options: LogicRuntimeOptions): LogicRuntime {
  const { channel, config } = options;
  const warn = options.warn ?? ((message: string) => console.warn(`[mini-program] ${message}`));
  const pageOptions = new Map<string, PageOptions>();
  const componentOptions = new Map<string, Record<string, unknown>>();
  let app: Record<string, unknown> | undefined;
  let reportingError = false;
  const warned = new Set<string>();
  let appVisible = true;

  const context: LogicContext = {
    config,
    post: (message) => channel.post(message),
    acks: createRenderAcks(),
    reportError,
    reportProblem: (problem: RuntimeProblem) => channel.post({ t: 'problem', problem }),
    warn,
    warnOnce: (message) => {
      if (warned.has(message)) return;
      warned.add(message);
      warn(message);
    },
    routerFor: (base) => Object.freeze(createRouteApis(context, stack, base)),
    selectorQueryIn: (pageId) => (options.questions ? createSelectorQuery(context, options.questions.ask, pageId) : undefined),
    selectComponents: (scopeId, selector, all) => selectComponentsOf(scopeId, selector, all),
    publicInstance: (instanceId) => components.get(instanceId)?.publicValue() ?? stack.find(instanceId)?.instance ?? null,
    relationNodes: (instanceId, key) => components.relationNodes(instanceId, key),
  };

  function selectComponentsOf(scopeId: number, selector: unknown, all: boolean): unknown {
    const name = all ? '$selectAllComponents' : '$selectComponent';
    const selectors = typeof selector === 'string' ? parseComponentSelector(selector) : undefined;
    const pageId = components.get(scopeId)?.pageId ?? stack.find(scopeId)?.pageId;
    if (selectors === undefined) {
      warn(`${name}: ${JSON.stringify(selector) ?? String(selector)} is not a supported selector (#id, .class, a component's tag, "a b", "a > b", "a >>> b", "x, y"); the result is ${all ? '[]' : 'null'}`);
    }
    const found = selectors === undefined || pageId === undefined ? [] : selectComponents(components.all(), scopeId, pageId, selectors);
    const basic = found.length === 0 && selectors !== undefined ? basicTagsOf(selectors) : [];
    if (basic.length > 0) warn(`${name}: ${JSON.stringify(selector)} names the basic component <${basic[0] ?? ''}>; only custom components are selected, so the result is ${all ? '[]' : 'null'}`);
    const values = found.map((component) => component.publicValue());
    return all ? values : (values[0] ?? null);
  }

  function reportError(error: unknown): void {
    const problem = problemFromError(error);
    const onError = app?.onError;
    // An error thrown by onError itself is only listed, never handed to onError again.
    if (!reportingError) {
      reportingError = true;
      const { message, stack } = describeError(error);
      if (typeof onError === 'function') invoke(context, () => onError.call(app, message, stack));
      appEvents.emit('error', [message, stack]);
      reportingError = false;
    }
    context.reportProblem(problem);
  }

  const App = (appOptions: unknown): void => {
    if (app !== undefined) return context.reportProblem({ kind: 'runtime', message: 'App() may be called only once (in app.js)' });
    app = { ...(typeof appOptions === 'object' && appOptions !== null ? appOptions : {}) };
  };
  const getApp = (): unknown => app;
  const Page = (definition: unknown): void => {
    const path = registry.running().at(-1);
    if (path === undefined) return warn('Page() must be called while its page file runs; ignored');
    // Copied now, inside the project's own call: a throwing getter fails Page(), not a later navigation.
    pageOptions.set(path.replace(/\.js$/, ''), typeof definition === 'object' && definition !== null ? { ...(definition as PageOptions) } : {});
  };
  const Component = (definition: unknown): void => {
    const path = registry.running().at(-1);
    if (path === undefined) return warn('Component() must be called while its component file runs; ignored');
    componentOptions.set(normalizeComponentPath(path), typeof definition === 'object' && definition !== null ? { ...(definition as Record<string, unknown>) } : {});
  };
  const getCurrentPages = (): unknown[] => stack.pages().map((page) => page.instance);

  /** Runs a file's module on first use; false when it is missing or threw (already reported). */
  function load(path: string): boolean {
    try {
      registry.require('', `/${path}`);
      return true;
    } catch (error) {
      // A compile error is listed once, as the compiler's problem; it is not a run-time error of the app.
      if (!(error instanceof ModuleCompileError)) reportError(error);
      return false;
    }
  }

  const stack = createPageStack(context, {
    pageOptions(route) {
      if (!pageOptions.has(route)) load(`${route}.js`);
      return pageOptions.get(route);
    },
    unmountComponentsOf: (pageId) => components.unmountPage(pageId),
    componentRootEvents: (pageId, name, args) => components.rootEvents(pageId, name, args),
    stackChanged: () => navigationBar.stackChanged(),
  });
  const components = createComponentHost(context, {
    componentOptions(path) {
      if (!componentOptions.has(path)) load(`${path}.js`);
      return componentOptions.get(path);
    },
    instanceById: (instanceId) => components.get(instanceId)?.instance ?? stack.find(instanceId)?.instance,
    pageInstance: (pageId) => stack.find(pageId)?.instance,
  });
  const appEvents = createAppEvents(context);
  const navigationBar = createNavigationBar(context, () => stack.top());
  const my = extendMy(options.baseMy, {
    ...createRouteApis(context, stack),
    ...appEvents.api,
    ...navigationBar.apis,
    getLaunchOptionsSync: () => launchOptions(),
    getEnterOptionsSync: () => launchOptions(),
    ...(options.questions ? createSelectorQueryApi(context, options.questions.ask) : {}),
    ...(options.questions ? createPageScrollApi(context, options.questions.ask) : {}),
    ...(options.questions ? createCanvasContextApi(context, options.questions.ask, () => stack.top()?.route ?? '') : {}),
  }, FRAMEWORK_FEATURES);
  const registry = createModuleRegistry(options.modules, { my, getApp, App, Page, Component, getCurrentPages }, context.reportProblem);

  function dispatchEvent(message: Extract<ViewToLogic, { t: 'event' }>): void {
    const target = components.get(message.instanceId)?.instance ?? stack.find(message.instanceId)?.instance;
    if (!target) return;
    const handler = target[message.handler];
    if (typeof handler !== 'function') {
      context.reportProblem({ kind: 'runtime', message: `can not find event handle method "${message.handler}"` });
      return;
    }
    invoke(context, () => (handler as (event: unknown) => unknown).call(target, message.event));
  }

  /** A `<navigator>` tap: the same route API `my.<api>` runs (relative URLs against the top page); a failure is a warning, as an unhandled fail. */
  function navigate(message: Extract<ViewToLogic, { t: 'navigate' }>): void {
    const api = navigatorApiOf(message.openType);
    if (api === undefined) return context.reportProblem({ kind: 'axml', message: `<navigator open-type="${message.openType}"> is not supported` });
    const fail = (result: { errorMessage?: unknown }): void => warn(`navigator ${message.openType} to ${message.url}: ${String(result.errorMessage)}`);
    void my[api]({ url: message.url, delta: message.delta, fail });
  }

  function setVisible(visible: boolean): void {
    if (visible === appVisible || app === undefined) return;
    appVisible = visible;
    const top = stack.top();
    if (!visible) {
      if (top?.state === 'shown') {
        top.state = 'hidden';
        top.hook('onHide');
      }
      invoke(context, () => (typeof app?.onHide === 'function' ? app.onHide() : undefined));
      appEvents.emit('appHide', []);
      return;
    }
    invoke(context, () => (typeof app?.onShow === 'function' ? app.onShow(launchOptions()) : undefined));
    appEvents.emit('appShow', [launchOptions()]);
    if (top?.state === 'hidden') {
      top.state = 'shown';
      top.hook('onShow');
    }
  }

  function launchOptions(): Record<string, unknown> {
    const entry = config.entry ?? { route: config.pages[0] ?? '', query: {} };
    return { path: entry.route, query: { ...entry.query }, scene: '1000', referrerInfo: {} };
  }

  function handle(message: ViewToLogic): void {
    switch (message.t) {
      case 'rendered':
        return context.acks.rendered(message.callbackIds);
      case 'page-ready': {
        const page = stack.find(message.pageId);
        if (!page || page.ready || page.state === 'unloaded') return;
        page.ready = true;
        page.hook('onReady');
        return;
      }
      case 'event':
        return dispatchEvent(message);
      case 'back': {
        stack.top()?.hook('onBack');
        stack.navigateBack(1);
        return;
      }
      case 'tab': {
        const pagePath = message.pagePath.replace(/^\/+/, '');
        const outcome = stack.switchTab(`/${pagePath}`);
        if (!outcome.ok) return warn(outcome.errorMessage);
        // The tapped tab's page hears the tap after the switch (its tab bar text is the view's; not in the message).
        stack.top()?.hook('onTabItemTap', [{ from: 'user', pagePath, text: '', index: config.tabBarPages.indexOf(pagePath) }]);
        return;
      }
      case 'page-event': {
        const page = stack.find(message.pageId);
        // A user's pull holds the indicator until my.stopPullDownRefresh; one made while refreshing is ignored.
        if (message.name === 'onPullDownRefresh' && page !== undefined && !navigationBar.pulledDown(page)) return;
        const arg = message.name === 'onPullDownRefresh' ? (message.arg ?? { from: 'manual' }) : message.arg;
        page?.hook(message.name, arg === undefined ? [] : [arg]);
        return;
      }
      case 'app-visibility':
        return setVisible(message.visible);
      case 'navigate':
        return navigate(message);
      case 'answer':
        return options.questions?.receive(message);
      case 'view-problem':
        // The view shows its problems itself; the logic keeps them for nothing, the page forwards them to the panel.
        return;
      default:
        return components.handle(message);
    }
  }

  channel.onMessage((message) => {
    try {
      handle(message);
    } catch (error) {
      // A runtime fault must not stop the next message; it is shown like a project error.
      reportError(error);
    }
  });

  return {
    start() {
      load('app.js');
      if (app === undefined) App({});
      const launch = launchOptions();
      invoke(context, () => (typeof app?.onLaunch === 'function' ? app.onLaunch(launch) : undefined));
      invoke(context, () => (typeof app?.onShow === 'function' ? app.onShow(launchOptions()) : undefined));
      const home = config.pages[0];
      if (home === undefined) return context.reportProblem({ kind: 'json', message: 'app.json has no pages', file: 'app.json' });
      const entry = config.entry ?? { route: home, query: {} };
      if (!config.pages.includes(entry.route)) {
        context.reportProblem({ kind: 'runtime', message: `the launch page ${entry.route} is not in app.json pages; opening ${home}` });
        stack.launch(home, {});
        return;
      }
      stack.launch(entry.route, entry.query);
    },
    reportError,
    reportRejection(reason, promise) {
      const handler = app?.onUnhandledRejection;
      if (typeof handler !== 'function') return reportError(reason);
      invoke(context, () => handler.call(app, { reason, promise }));
      appEvents.emit('unhandledRejection', [{ reason, promise }]);
      context.reportProblem(problemFromError(reason));
    },
    currentRoute: () => stack.top()?.route ?? '',
  };
}
