// Starting the view in the sandboxed page: load the manifest, the compiled modules and the style sheets the
// engine serves (/__mp/…, see shared/miniprogram/view-bundle.ts) as ordinary <script>/<link> elements, then
// render. Messages from the logic that arrive while loading are kept and delivered in order.
import { BUNDLE_PATHS, DEFINE_GLOBAL, bundleUrlOf, type ViewManifest } from '../../../shared/miniprogram/view-bundle';
import type { LogicToView, ViewToLogic } from '../../../shared/miniprogram/view-logic-protocol';
import { ModuleRegistry } from './module-registry';
import { VIEW_STYLES } from './view-styles';
import { MiniProgramView, type ApplyDataOps } from './view-runtime';
import { createViewAnswers } from './view-answers';
import { createDomFeedback } from '../../../shared/my/feedback-dom';

export interface StartViewOptions {
  container: HTMLElement;
  post: (message: ViewToLogic) => void;
  /** Subscribes to the logic's messages. */
  subscribe: (receive: (message: LogicToView) => void) => void;
  applyDataOps: ApplyDataOps;
}

function loadScript(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const script = document.createElement('script');
    script.src = url;
    script.onload = () => resolve(true);
    script.onerror = () => resolve(false);
    document.head.append(script);
  });
}

function addStyle(attributes: { href?: string; text?: string }): void {
  if (attributes.href !== undefined) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = attributes.href;
    document.head.append(link);
  } else {
    const style = document.createElement('style');
    style.textContent = attributes.text ?? '';
    document.head.append(style);
  }
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

export async function startMiniProgramView(options: StartViewOptions): Promise<MiniProgramView> {
  const early: LogicToView[] = [];
  const started: { view?: MiniProgramView } = {};
  options.subscribe((message) => (started.view ? started.view.receive(message) : early.push(message)));

  const loadFailures: string[] = [];
  const registry = new ModuleRegistry((problem) => options.post({ t: 'view-problem', problem }));
  let manifest: ViewManifest | undefined;
  (globalThis as Record<string, unknown>)[DEFINE_GLOBAL] = (kind: string, path: string, factory: unknown) => {
    if (kind === 'manifest' && typeof factory === 'function') manifest = factory() as ViewManifest;
    else registry.define(kind, path, factory);
  };
  if (!(await loadScript(BUNDLE_PATHS.manifestScript)) || manifest === undefined) loadFailures.push(BUNDLE_PATHS.manifestScript);
  const loaded: ViewManifest = manifest ?? { pages: [], components: [], window: {}, axml: [], sjs: [], acss: [], problems: [] };

  addStyle({ text: VIEW_STYLES });
  for (const sheet of loaded.acss) addStyle({ href: bundleUrlOf(sheet) });
  const scripts = [...loaded.axml, ...loaded.sjs];
  const results = await Promise.all(scripts.map((path) => loadScript(bundleUrlOf(path))));
  results.forEach((ok, index) => ok || loadFailures.push(scripts[index] ?? ''));

  const answer = createViewAnswers(options.container, createDomFeedback(document));
  const view = new MiniProgramView({ container: options.container, manifest: loaded, registry, post: options.post, applyDataOps: options.applyDataOps, answer });
  for (const url of loadFailures) view.reportOnce({ kind: 'runtime', message: `could not load ${url}` });
  trackPhoneWidth(options.container);
  started.view = view;
  for (const message of early.splice(0)) view.receive(message);
  return view;
}
