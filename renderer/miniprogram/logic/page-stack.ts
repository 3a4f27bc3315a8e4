// The page stack and the route APIs (docs/miniprogram-runtime.md#references §3.6, §3.7, §8.1): every transition calls the
// hooks in the order of the §3.7 table, then tells the view the new stack and which pages left for good.
// Tab pages opened as tabs stay loaded (hidden) when a tab switch takes them off the stack; only reLaunch
// or a redirect away from them unloads them.
import { resolveRouteUrl } from '../../../shared/miniprogram/route-url';
import { createEventChannelPair, type EventChannel } from './event-channel';
import type { LogicContext } from './logic-context';
import { createPageRecord, type PageOptions, type PageRecord } from './page-instance';

const MAX_PAGE_DEPTH = 10;

/** A route API's outcome; `result` is what `success` gets (e.g. navigateTo's `eventChannel`). */
export type RouteOutcome = { ok: true; result?: Record<string, unknown> } | { ok: false; error: number; errorMessage: string };

export interface PageStackDeps {
  /** The Page() options of a route (loading its module on first use); undefined when the route has no page. */
  pageOptions(route: string): PageOptions | undefined;
  /** Unmounts the components of a page that was just unloaded (didUnmount, top-down). */
  unmountComponentsOf(pageId: number): void;
  /** Runs the `rootEvents` of a page's components for a hook the page just ran. */
  componentRootEvents(pageId: number, name: string, args: unknown[]): void;
  /** Called after each `stack` message. */
  stackChanged(): void;
}

export interface PageStack {
  launch(route: string, query: Record<string, string>): RouteOutcome;
  /** `events` is navigateTo's map of opener listeners (an EventChannel connects the two pages). */
  navigateTo(url: string, events?: unknown): RouteOutcome;
  redirectTo(url: string): RouteOutcome;
  navigateBack(delta: number): RouteOutcome;
  switchTab(url: string): RouteOutcome;
  reLaunch(url: string): RouteOutcome;
  /** The stack, bottom first (getCurrentPages). */
  pages(): readonly PageRecord[];
  top(): PageRecord | undefined;
  /** A live page by id, on the stack or a cached tab page. */
  find(pageId: number): PageRecord | undefined;
}

const ok: RouteOutcome = { ok: true };
const fail = (errorMessage: string): RouteOutcome => ({ ok: false, error: 1, errorMessage });

export function createPageStack(context: LogicContext, deps: PageStackDeps): PageStack {
  const stack: PageRecord[] = [];
  /** Tab pages opened as tabs and not unloaded, by route (on the stack or hidden off it). */
  const tabs = new Map<string, PageRecord>();
  const opened = new Map<number, boolean>();
  let lastPageId = 0;

  const isTab = (route: string): boolean => context.config.tabBarPages.includes(route);
  const exists = (route: string): boolean => context.config.pages.includes(route);
  const top = (): PageRecord | undefined => stack[stack.length - 1];

  /** Pushes a new page, then runs its onLoad/onShow (so getCurrentPages() in them ends with it, as on a phone). */
  function open(route: string, query: Record<string, string>, asTab: boolean, openerChannel?: EventChannel): void {
    lastPageId += 1;
    const channel = openerChannel ?? createEventChannelPair(context, undefined).opened;
    const pageId = lastPageId;
    const componentRootEvents = (name: string, args: unknown[]): void => deps.componentRootEvents(pageId, name, args);
    const record = createPageRecord(context, deps.pageOptions(route) ?? {}, { pageId, route, query, openerChannel: channel, componentRootEvents });
    opened.set(record.pageId, asTab);
    if (asTab) tabs.set(route, record);
    stack.push(record);
    record.hook('onLoad', [{ ...query }]);
    show(record);
    record.sendInit();
  }

  function show(record: PageRecord): void {
    record.state = 'shown';
    record.hook('onShow');
  }

  function hide(record: PageRecord | undefined): void {
    if (record?.state !== 'shown') return;
    record.state = 'hidden';
    record.hook('onHide');
  }

  function unload(record: PageRecord, gone: number[]): void {
    if (record.state === 'unloaded') return;
    record.state = 'unloaded';
    record.hook('onUnload');
    record.data.close();
    deps.unmountComponentsOf(record.pageId);
    if (tabs.get(record.route) === record) tabs.delete(record.route);
    opened.delete(record.pageId);
    gone.push(record.pageId);
  }

  function publish(gone: number[]): void {
    const current = top();
    const tab = current !== undefined && opened.get(current.pageId) === true ? current.route : undefined;
    const pages = stack.map(({ pageId, route, query }) => ({ pageId, route, query }));
    context.post(tab === undefined ? { t: 'stack', pages } : { t: 'stack', pages, tab });
    if (gone.length > 0) context.post({ t: 'unload', pageIds: gone });
    deps.stackChanged();
  }

  /** Resolves a route URL; `api` and `url` word the failure like the device. */
  function target(url: unknown, api: string) {
    if (typeof url !== 'string' || url === '') return { failure: fail(`${api}: url is required`) } as const;
    const resolved = resolveRouteUrl(url, top()?.route ?? '');
    if (!exists(resolved.route)) return { failure: fail(`${url} resolved to ${resolved.route} is not found`) } as const;
    return { resolved } as const;
  }

  /** Empties the stack top-down: pages are unloaded, except tab pages opened as tabs when `unloadTabs` is false (hidden, kept). */
  function clearStack(gone: number[], unloadTabs: boolean): void {
    while (stack.length > 0) {
      const record = stack.pop() as PageRecord;
      if (!unloadTabs && opened.get(record.pageId) === true) hide(record);
      else unload(record, gone);
    }
  }

  function warnTabPage(route: string, api: string): void {
    if (isTab(route)) context.warn(`${api} to the tab page ${route}: it opens without the tab bar (as on a phone); use my.switchTab`);
  }

  return {
    launch(route, query) {
      open(route, query, isTab(route));
      publish([]);
      return ok;
    },
    navigateTo(url, events) {
      const found = target(url, 'navigateTo');
      if (found.failure) return found.failure;
      if (stack.length >= MAX_PAGE_DEPTH) return fail('depth can not be more than 10');
      warnTabPage(found.resolved.route, 'navigateTo');
      const channels = createEventChannelPair(context, events);
      hide(top());
      open(found.resolved.route, found.resolved.query, false, channels.opened);
      publish([]);
      return { ok: true, result: { eventChannel: channels.opener } };
    },
    redirectTo(url) {
      const found = target(url, 'redirectTo');
      if (found.failure) return found.failure;
      warnTabPage(found.resolved.route, 'redirectTo');
      const gone: number[] = [];
      const current = stack.pop();
      if (current) unload(current, gone);
      open(found.resolved.route, found.resolved.query, false);
      publish(gone);
      return ok;
    },
    navigateBack(delta) {
      if (stack.length <= 1) return { ok: false, error: 1, errorMessage: 'already top of navigation' };
      const count = Math.min(Math.max(1, Math.floor(delta) || 1), stack.length - 1);
      const gone: number[] = [];
      for (let index = 0; index < count; index += 1) unload(stack.pop() as PageRecord, gone);
      show(top() as PageRecord);
      publish(gone);
      return ok;
    },
    switchTab(url) {
      const found = target(typeof url === 'string' ? url.split('?')[0] : url, 'switchTab');
      if (found.failure) return found.failure;
      const route = found.resolved.route;
      if (!isTab(route)) return fail(`${url} resolved to ${route} is not tab,  which is not valid`);
      if (typeof url === 'string' && url.includes('?')) context.warn(`switchTab does not take a query: "${url}" opens ${route} without it`);
      const current = top();
      if (current?.route === route && opened.get(current.pageId) === true) return ok;
      const gone: number[] = [];
      clearStack(gone, false);
      const cached = tabs.get(route);
      if (cached) {
        stack.push(cached);
        show(cached);
      } else open(route, {}, true);
      publish(gone);
      return ok;
    },
    reLaunch(url) {
      const found = target(url, 'reLaunch');
      if (found.failure) return found.failure;
      const gone: number[] = [];
      clearStack(gone, true);
      for (const cached of [...tabs.values()].reverse()) unload(cached, gone);
      open(found.resolved.route, found.resolved.query, isTab(found.resolved.route));
      publish(gone);
      return ok;
    },
    pages: () => stack,
    top,
    find: (pageId) => stack.find((page) => page.pageId === pageId) ?? [...tabs.values()].find((page) => page.pageId === pageId),
  };
}
