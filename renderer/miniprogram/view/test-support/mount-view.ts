// Test helper: runs compiled bundle scripts into a ModuleRegistry and mounts a MiniProgramView into a fresh
// element of the (jsdom) document, with a scripted logic side that records what the view sends and answers
// `component-create` with the component data the test gives (or `{}`).
import type { Json } from '../../../../shared/json';
import { DEFINE_GLOBAL, type ManifestComponent, type ManifestPage, type TabBar, type ViewManifest } from '../../../../shared/miniprogram/view-bundle';
import type { LogicToView, RuntimeProblem, ViewToLogic } from '../../../../shared/miniprogram/view-logic-protocol';
import { whenListsMounted } from '../list-slices';
import { ModuleRegistry } from '../module-registry';
import { MiniProgramView } from '../view-runtime';
import { applyDataOpsForTests } from './apply-data-ops';

export interface MountOptions {
  scripts: string[];
  pages: Array<Partial<ManifestPage> & { route: string }>;
  components?: ManifestComponent[];
  tabBar?: TabBar;
  problems?: RuntimeProblem[];
  /** Data the fake logic answers `component-create` with, by component path. */
  componentData?: Record<string, { [key: string]: Json }>;
  /** External class names the fake logic's `init` declares, by component path. */
  externalClasses?: Record<string, string[]>;
  /** A component's JS `options.virtualHost`, sent in its `init`, by path. */
  virtualHost?: Record<string, boolean>;
  /** Paths of components with relations: their `init` says `ordered`. */
  ordered?: readonly string[];
  /** A component's declared `props` defaults, sent in its `init`, by path. */
  defaultProps?: Record<string, Record<string, Json>>;
}

export interface MountedView {
  container: HTMLElement;
  view: MiniProgramView;
  sent: ViewToLogic[];
  send(message: LogicToView): void;
  /** Lets Preact's queued renders (and effects) run, and long lists finish mounting. */
  settle(): Promise<void>;
  /** Opens a one-page stack at `route` with page id 1 and its data (as a tab page when the tab bar lists it). */
  openPage(route: string, data: { [key: string]: Json }, pageId?: number): Promise<void>;
}

export function mountView(options: MountOptions): MountedView {
  const reported: RuntimeProblem[] = [];
  const registry = new ModuleRegistry((problem) => reported.push(problem));
  for (const script of options.scripts) {
    new Function(DEFINE_GLOBAL, script)((kind: string, path: string, factory: unknown) => registry.define(kind, path, factory));
  }
  const manifest: ViewManifest = {
    pages: options.pages.map((page) => ({ window: {}, usingComponents: {}, ...page })),
    components: options.components ?? [],
    window: {},
    ...(options.tabBar ? { tabBar: options.tabBar } : {}),
    axml: [],
    sjs: [],
    deps: {},
    acss: [],
    problems: options.problems ?? [],
  };
  const container = document.createElement('div');
  document.body.append(container);
  const sent: ViewToLogic[] = [];
  const post = (message: ViewToLogic): void => {
    sent.push(message);
    if (message.t === 'component-create') {
      const data = options.componentData?.[message.path] ?? {};
      const externalClasses = options.externalClasses?.[message.path];
      const virtualHost = options.virtualHost?.[message.path];
      const ordered = options.ordered?.includes(message.path) === true ? { ordered: true } : {};
      const defaultProps = options.defaultProps?.[message.path];
      queueMicrotask(() => view.receive({ t: 'init', instanceId: message.instanceId, data, ...(externalClasses ? { externalClasses } : {}), ...(virtualHost === undefined ? {} : { virtualHost }), ...ordered, ...(defaultProps ? { defaultProps } : {}) }));
    }
  };
  const view = new MiniProgramView({ container, manifest, registry, post, applyDataOps: applyDataOpsForTests });
  const settle = async (): Promise<void> => {
    for (let round = 0; round < 4; round += 1) await new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise<void>((resolve) => whenListsMounted(resolve));
  };
  return {
    container,
    view,
    sent,
    send: (message) => view.receive(message),
    settle,
    async openPage(route, data, pageId = 1) {
      const isTab = options.tabBar?.items.some((item) => item.pagePath === route) === true;
      view.receive({ t: 'stack', pages: [{ pageId, route, query: {} }], ...(isTab ? { tab: route } : {}) });
      view.receive({ t: 'init', instanceId: pageId, data });
      await settle();
    },
  };
}
