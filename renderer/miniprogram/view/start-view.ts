// Starting the view in the sandboxed page: load the manifest the engine serves (/__mp/…, see
// shared/miniprogram/view-bundle.ts) and render the phone; each page's compiled modules and style sheets load
// when a page first needs them (the home page's at once), the rest at idle time after the first page showed
// (docs/miniprogram-runtime.md "Loading the view"). Messages from the logic are delivered in order.
import { BUNDLE_PATHS, DEFINE_GLOBAL, type ViewManifest } from '../../../shared/miniprogram/view-bundle';
import type { LogicToView, ViewToLogic } from '../../../shared/miniprogram/view-logic-protocol';
import { bundleFileLoader, loadScript } from './bundle-elements';
import { ModuleRegistry } from './module-registry';
import { PageModuleLoader } from './page-module-loader';
import { StackGate } from './stack-gate';
import { VIEW_STYLES } from './view-styles';
import { MiniProgramView, type ApplyDataOps } from './view-runtime';
import { createViewAnswers } from './view-answers';
import { watchRefusedResources } from './refused-resources';
import { createDomFeedback } from '../../../shared/my/feedback-dom';

export interface StartViewOptions {
  container: HTMLElement;
  post: (message: ViewToLogic) => void;
  /** Subscribes to the logic's messages. */
  subscribe: (receive: (message: LogicToView) => void) => void;
  applyDataOps: ApplyDataOps;
}

/** `--rpx` in pixels of the phone's own width, so rpx stays right when the phone is narrower than the window. */
function trackPhoneWidth(container: HTMLElement): void {
  const update = (): void => {
    const phone = container.querySelector<HTMLElement>('.mp-phone');
    if (phone !== null && phone.clientWidth > 0) phone.style.setProperty('--rpx', `${phone.clientWidth / 750}px`);
  };
  new ResizeObserver(update).observe(container);
  update();
}

/** A performance mark at the first page's first render with its data (`page-ready`; tests read it). */
export const FIRST_PAGE_MARK = 'mp-first-page-ready';

/** After the first page showed, when the page is idle (a timeout where requestIdleCallback is missing). */
function whenIdle(): Promise<void> {
  return new Promise((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 2000 }) : setTimeout(resolve, 50)));
}

export async function startMiniProgramView(options: StartViewOptions): Promise<MiniProgramView> {
  const early: LogicToView[] = [];
  const started: { gate?: StackGate } = {};
  options.subscribe((message) => (started.gate ? started.gate.push(message) : early.push(message)));

  const registry = new ModuleRegistry((problem) => options.post({ t: 'view-problem', problem }));
  let manifest: ViewManifest | undefined;
  (globalThis as Record<string, unknown>)[DEFINE_GLOBAL] = (kind: string, path: string, factory: unknown) => {
    if (kind === 'manifest' && typeof factory === 'function') manifest = factory() as ViewManifest;
    else registry.define(kind, path, factory);
  };
  const manifestLoaded = (await loadScript(BUNDLE_PATHS.manifestScript)) && manifest !== undefined;
  const loaded: ViewManifest = manifest ?? { pages: [], components: [], window: {}, axml: [], sjs: [], deps: {}, acss: [], problems: [] };

  const viewStyles = document.createElement('style');
  viewStyles.textContent = VIEW_STYLES;
  document.head.append(viewStyles);

  // Failures are reported after the view below exists: loads settle asynchronously.
  const modules = new PageModuleLoader(loaded, bundleFileLoader(loaded.acss, viewStyles), (path) => view.reportOnce({ kind: 'runtime', message: `could not load ${path}` }));
  let prefetching = false;
  const post = (message: ViewToLogic): void => {
    options.post(message);
    if (message.t !== 'page-ready' || prefetching) return;
    // The first page rendered with its data: now the other pages' files, at idle time.
    prefetching = true;
    performance.mark(FIRST_PAGE_MARK);
    void modules.prefetchAll(whenIdle);
  };
  const answer = createViewAnswers(options.container, createDomFeedback(document));
  const view = new MiniProgramView({ container: options.container, manifest: loaded, registry, post, applyDataOps: options.applyDataOps, answer });
  watchRefusedResources(document, loaded.remoteUrls ?? {}, (problem) => view.reportOnce(problem));
  if (!manifestLoaded) view.reportOnce({ kind: 'runtime', message: `could not load ${BUNDLE_PATHS.manifestScript}` });
  // The home page is what the logic opens first: its files load while the logic Worker starts.
  const home = loaded.pages[0]?.route;
  if (home !== undefined) void modules.pagesReady([home]);
  started.gate = new StackGate((routes) => modules.pagesReady(routes), (message) => view.receive(message));
  trackPhoneWidth(options.container);
  for (const message of early.splice(0)) started.gate.push(message);
  return view;
}
