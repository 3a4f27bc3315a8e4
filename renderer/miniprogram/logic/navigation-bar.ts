// my.setNavigationBar / showNavigationBarLoading / hideNavigationBarLoading (docs/miniprogram-runtime.md#references §8.3): changes
// to the top page's title bar, sent as `window` messages (the page's window settings from app.json and its .json,
// `LogicConfig.windows`, with this page's changes on top). A page's changes stay with it: when it is on top again
// its state is sent again. Before the page's onReady the change applies with a warning (§12 #20).
// my.startPullDownRefresh / stopPullDownRefresh show and hide the top page's refresh indicator the same way
// (`refreshing`); start also runs the page's onPullDownRefresh({ from: 'code' }), and a user's pull holds the
// indicator the same way until stop (docs/miniprogram-runtime.md "Pull-down refresh").
// setNavigationBar's options are checked where HTML mini-apps check them (shared/my/feedback-requests.ts): a
// wrong one fails with 2 and changes nothing (docs/miniprogram-runtime.md#the-title-bar).
import type { WindowState } from '../../../shared/miniprogram/view-logic-protocol';
import { readFeedbackRequest } from '../../../shared/my/feedback-requests';
import type { LogicContext } from './logic-context';
import type { PageRecord } from './page-instance';
import { asyncApi, type RouteApi } from './route-apis';

export interface NavigationBar {
  apis: {
    setNavigationBar: RouteApi;
    showNavigationBarLoading: RouteApi;
    hideNavigationBarLoading: RouteApi;
    startPullDownRefresh: RouteApi;
    stopPullDownRefresh: RouteApi;
  };
  /** The stack changed: the new top page's changed window state, if it has changes, is sent again. */
  stackChanged(): void;
  /**
   * The user pulled `page` down far enough: its indicator shows until my.stopPullDownRefresh, as after
   * my.startPullDownRefresh. False when it is refreshing already (the pull is not a second refresh).
   */
  pulledDown(page: PageRecord): boolean;
}

type Refusal = { error: number; errorMessage: string };

export function createNavigationBar(context: LogicContext, topPage: () => PageRecord | undefined): NavigationBar {
  const changes = new WeakMap<PageRecord, Partial<WindowState>>();

  function send(page: PageRecord): void {
    const base = context.config.windows?.[page.route] ?? { title: '' };
    const own = changes.get(page);
    // After `reset` the .json's colour is gone too: the bar has Alipay's default colours.
    const { titleBarColor: _jsonColour, ...uncoloured } = base;
    context.post({ t: 'window', window: { ...(own?.reset === true ? uncoloured : base), ...own } });
  }

  /** `update` gives the page's next changes from its current ones, or a refusal; `after` runs once they are sent. */
  function change(api: string, update: (options: Record<string, unknown>, current: Partial<WindowState>) => Partial<WindowState> | Refusal, after?: (page: PageRecord) => void): RouteApi {
    return asyncApi(context, (options) => {
      const page = topPage();
      if (!page) return { ok: false, error: 1, errorMessage: `${api}: there is no page` };
      const next = update(options, changes.get(page) ?? {});
      if ('errorMessage' in next) return { ok: false, ...next };
      if (!page.ready) context.warn(`${api} before onReady: the title bar may not show it on a phone`);
      changes.set(page, next);
      send(page);
      after?.(page);
      return { ok: true };
    });
  }

  return {
    apis: {
      setNavigationBar: change('setNavigationBar', (options, current) => setNavigationBar(options, current, context)),
      showNavigationBarLoading: change('showNavigationBarLoading', (_options, current) => ({ ...current, loading: true })),
      hideNavigationBarLoading: change('hideNavigationBarLoading', (_options, current) => ({ ...current, loading: false })),
      startPullDownRefresh: change('startPullDownRefresh', (_options, current) => ({ ...current, refreshing: true }), (page) => page.hook('onPullDownRefresh', [{ from: 'code' }])),
      stopPullDownRefresh: change('stopPullDownRefresh', (_options, current) => ({ ...current, refreshing: false })),
    },
    stackChanged() {
      const page = topPage();
      if (page && changes.has(page)) send(page);
    },
    pulledDown(page) {
      if (changes.get(page)?.refreshing === true) return false;
      changes.set(page, { ...changes.get(page), refreshing: true });
      if (page === topPage()) send(page);
      return true;
    },
  };
}

/**
 * A page's title-bar changes after one setNavigationBar call (§8.3): `reset` first drops the colours set so far (and
 * the .json's), then the call's options apply; a `backgroundColor` is also the border's colour, as documented, so a
 * `borderBottomColor` beside it has no effect (with a warning). An https: image is not loaded: the preview makes
 * no requests beyond loopback, so the title shows instead (docs/miniprogram-runtime.md#the-title-bar).
 */
function setNavigationBar(options: Record<string, unknown>, current: Partial<WindowState>, context: LogicContext): Partial<WindowState> | Refusal {
  const request = readFeedbackRequest('setNavigationBar', options);
  if ('error' in request) return request;
  if (request.kind !== 'navigation-bar') return { error: 2, errorMessage: 'setNavigationBar: unreadable options' };
  const { titleBarColor: _colour, frontColor: _front, borderBottomColor: _border, ...uncoloured } = current;
  const next: Partial<WindowState> = request.reset === true ? { ...uncoloured, reset: true } : { ...current };
  if (request.title !== undefined) next.title = request.title;
  if (request.image !== undefined) next.image = request.image;
  if (request.frontColor !== undefined) next.frontColor = request.frontColor;
  if (request.backgroundColor !== undefined) {
    next.titleBarColor = request.backgroundColor;
    next.borderBottomColor = request.backgroundColor;
    if (request.borderBottomColor !== undefined) context.warn('setNavigationBar: borderBottomColor has no effect when backgroundColor is set (the border takes backgroundColor)');
  } else if (request.borderBottomColor !== undefined) next.borderBottomColor = request.borderBottomColor;
  if (request.image?.startsWith('https:') === true) context.warn(`setNavigationBar: the image ${request.image} is not loaded (the preview makes no requests beyond loopback); the title shows instead`);
  return next;
}
