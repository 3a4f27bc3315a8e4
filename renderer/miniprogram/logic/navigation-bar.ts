// my.setNavigationBar / showNavigationBarLoading / hideNavigationBarLoading (docs/miniprogram-runtime.md#references §8.3): changes
// to the top page's title bar, sent as `window` messages (the page's window settings from app.json and its .json,
// `LogicConfig.windows`, with this page's changes on top). A page's changes stay with it: when it is on top again
// its state is sent again. Before the page's onReady the change applies with a warning (§12 #20).
// my.startPullDownRefresh / stopPullDownRefresh show and hide the top page's refresh indicator the same way
// (`refreshing`); start also runs the page's onPullDownRefresh({ from: 'code' }), and a user's pull holds the
// indicator the same way until stop (docs/miniprogram-runtime.md "Pull-down refresh").
import type { WindowState } from '../../../shared/miniprogram/view-logic-protocol';
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

export function createNavigationBar(context: LogicContext, topPage: () => PageRecord | undefined): NavigationBar {
  const changes = new WeakMap<PageRecord, Partial<WindowState>>();

  function send(page: PageRecord): void {
    const base = context.config.windows?.[page.route] ?? { title: '' };
    context.post({ t: 'window', window: { ...base, ...changes.get(page) } });
  }

  /** `after` runs once the change is sent (start's onPullDownRefresh). */
  function change(api: string, update: (options: Record<string, unknown>) => Partial<WindowState>, after?: (page: PageRecord) => void): RouteApi {
    return asyncApi(context, (options) => {
      const page = topPage();
      if (!page) return { ok: false, error: 1, errorMessage: `${api}: there is no page` };
      if (!page.ready) context.warn(`${api} before onReady: the title bar may not show it on a phone`);
      changes.set(page, { ...changes.get(page), ...update(options) });
      send(page);
      after?.(page);
      return { ok: true };
    });
  }

  return {
    apis: {
      setNavigationBar: change('setNavigationBar', (options) => {
        const update: Partial<WindowState> = {};
        if (typeof options.title === 'string') update.title = options.title;
        if (typeof options.backgroundColor === 'string') update.titleBarColor = options.backgroundColor;
        if (typeof options.frontColor === 'string') update.frontColor = options.frontColor;
        return update;
      }),
      showNavigationBarLoading: change('showNavigationBarLoading', () => ({ loading: true })),
      hideNavigationBarLoading: change('hideNavigationBarLoading', () => ({ loading: false })),
      startPullDownRefresh: change('startPullDownRefresh', () => ({ refreshing: true }), (page) => page.hook('onPullDownRefresh', [{ from: 'code' }])),
      stopPullDownRefresh: change('stopPullDownRefresh', () => ({ refreshing: false })),
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
