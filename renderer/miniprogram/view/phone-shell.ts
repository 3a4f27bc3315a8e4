// The phone around the pages: title bar (title, back button when the stack is deeper than one page, loading
// spinner), every live page (only the top of the stack visible; pages below it and tab pages switched away
// from stay mounted until `unload`), the tab bar on pages opened as tabs, and problems as red boxes.
import { h, type ComponentChild } from 'preact';
import type { Json } from '../../../shared/json';
import { BUNDLE_PATHS, type ManifestPage, type TabBar } from '../../../shared/miniprogram/view-bundle';
import type { RuntimeProblem, StackPage, WindowState } from '../../../shared/miniprogram/view-logic-protocol';
import { PageView } from './page-view';
import { ProblemsOverlay } from './problems-overlay';
import { pullAreaStyle } from './pull-refresh';
import type { ViewHost } from './view-host';

export interface ShellState {
  stack: StackPage[];
  /** Pages not unloaded yet, in the order they opened: the stack plus tab pages switched away from. */
  live: StackPage[];
  /** The stack message's `tab`: the top page was opened as a tab page. */
  tab: string | undefined;
  window: WindowState | undefined;
  problems: RuntimeProblem[];
}

export interface PhoneShellProps {
  host: ViewHost;
  state: ShellState;
  pages: ManifestPage[];
  tabBar: TabBar | undefined;
}

function windowValue(window: Record<string, Json> | undefined, key: string): string | undefined {
  const value = window?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** The title bar's classes for `transparentTitle` and `titlePenetrate` (docs/miniprogram-runtime.md#the-title-bar). */
function titleBarClass(window: Record<string, Json> | undefined): string {
  const transparent = windowValue(window, 'transparentTitle');
  const classes = ['mp-title-bar'];
  if (transparent === 'always' || transparent === 'auto') classes.push('mp-title-transparent', `mp-title-${transparent}`);
  if (windowValue(window, 'titlePenetrate') === 'YES') classes.push('mp-title-penetrate');
  return classes.join(' ');
}

/** Where the bar's image loads from: a project path is an asset, a data: URL itself; an https: one cannot load (loopback only), so none. */
function titleImageSource(image: string | undefined): string | undefined {
  if (image === undefined || /^https:/i.test(image)) return undefined;
  return image.startsWith('data:') ? image : `${BUNDLE_PATHS.asset}/${image.replace(/^\//, '')}`;
}

function TitleBar(props: { host: ViewHost; window: WindowState | undefined; page: ManifestPage | undefined; top: StackPage | undefined; depth: number }): ComponentChild {
  const { host, window, page, top, depth } = props;
  // After my.setNavigationBar({ reset: true }) the .json's colours no longer apply (§8.3).
  const colours = window?.reset === true ? undefined : page?.window;
  const title = window?.title ?? windowValue(page?.window, 'defaultTitle') ?? '';
  const image = titleImageSource(window?.image ?? windowValue(page?.window, 'titleImage'));
  const background = window?.titleBarColor ?? windowValue(colours, 'titleBarColor');
  const color = window?.frontColor ?? (windowValue(colours, 'navigationBarFrontColor') === 'white' ? '#ffffff' : undefined);
  const className = titleBarClass(page?.window);
  // A transparent bar keeps its colour for `auto`, which fills it in as the page scrolls.
  const style = className.includes('mp-title-transparent') ? { color, '--mp-title-fill': background ?? '#ffffff' } : { background, color, borderBottomColor: window?.borderBottomColor };
  return h(
    'div',
    { class: className, style },
    depth > 1 ? h('button', { class: 'mp-back', type: 'button', 'aria-label': 'Back', onClick: () => host.post({ t: 'back' }) }, '‹') : null,
    h(
      'span',
      { class: 'mp-title', onClick: () => top && host.post({ t: 'page-event', pageId: top.pageId, name: 'onTitleClick' }) },
      image === undefined ? title : h('img', { class: 'mp-title-image', src: image, alt: title }),
    ),
    (window?.loading ?? windowValue(page?.window, 'showTitleLoading') === 'YES') ? h('span', { class: 'mp-title-loading', 'aria-label': 'Loading' }, '↻') : null,
  );
}

function TabBarView(props: { host: ViewHost; tabBar: TabBar; route: string }): ComponentChild {
  const { host, tabBar, route } = props;
  return h(
    'nav',
    { class: 'mp-tab-bar', style: { background: tabBar.backgroundColor } },
    tabBar.items.map((item) => {
      const selected = item.pagePath === route;
      const icon = selected ? (item.activeIcon ?? item.icon) : item.icon;
      return h(
        'button',
        {
          key: item.pagePath,
          type: 'button',
          class: selected ? 'mp-tab mp-tab-selected' : 'mp-tab',
          style: { color: selected ? tabBar.selectedColor : tabBar.textColor },
          'aria-current': selected ? 'page' : undefined,
          onClick: () => host.post({ t: 'tab', pagePath: item.pagePath }),
        },
        icon ? h('img', { class: 'mp-tab-icon', src: `${BUNDLE_PATHS.asset}/${icon.replace(/^\//, '')}`, alt: '' }) : null,
        h('span', { class: 'mp-tab-name' }, item.name),
      );
    }),
  );
}

export function PhoneShell(props: PhoneShellProps): ComponentChild {
  const { host, state, pages, tabBar } = props;
  const top = state.stack[state.stack.length - 1];
  const pageOf = (route: string): ManifestPage | undefined => pages.find((page) => page.route === route);
  const topPage = top ? pageOf(top.route) : undefined;
  // A tab page opened by navigateTo/redirectTo shows no tab bar (docs §8.1): the logic names tab-opened tops.
  const showTabs = tabBar !== undefined && top !== undefined && state.tab === top.route;
  return h(
    'div',
    { class: 'mp-phone' },
    h(TitleBar, { host, window: state.window, page: topPage, top, depth: state.stack.length }),
    h(
      'div',
      // The window background shows where the page paints nothing (docs/miniprogram-runtime.md#references §1, window `backgroundColor`).
      // While refreshing the pages sit below the indicator, as a page held pulled down does on a phone.
      { class: state.window?.refreshing === true ? 'mp-pages mp-pages--refreshing' : 'mp-pages', style: { background: windowValue(topPage?.window, 'backgroundColor') } },
      state.window?.refreshing === true ? h('div', { class: 'mp-pull-indicator mp-refreshing', role: 'status', style: pullAreaStyle(topPage?.window) }, '↻ Refreshing') : null,
      state.live.map((page) =>
        h(PageView, {
          key: page.pageId,
          host,
          page,
          visible: page.pageId === top?.pageId,
          usingComponents: pageOf(page.route)?.usingComponents ?? {},
          reachBottomDistance: Number(pageOf(page.route)?.window.onReachBottomDistance ?? 50),
          window: pageOf(page.route)?.window ?? {},
        }),
      ),
      // Inside the pages' area, so the title bar and the tab bar stay usable while problems show.
      h(ProblemsOverlay, { problems: state.problems }),
    ),
    showTabs && tabBar && top ? h(TabBarView, { host, tabBar, route: top.route }) : null,
  );
}
