// Every row of the lifecycle table in docs/miniprogram-runtime.md#references §3.7, plus the route failures of §8.1.
import { describe, expect, it } from 'vitest';
import { createHarness, loggingProject, type Harness } from './test-support/logic-harness';

type RouteApi = (options: Record<string, unknown>) => Promise<unknown>;

function route(harness: Harness, api: string, options: Record<string, unknown>): Promise<unknown> {
  const my = harness.globals().my as Record<string, RouteApi>;
  return (my[api] as RouteApi)(options).catch((error: unknown) => error);
}

function setup(pages: string[], tabBarPages: string[] = []) {
  const log: string[] = [];
  const harness = createHarness(loggingProject(log, pages), { tabBarPages });
  harness.runtime.start();
  return { log, harness };
}

describe('lifecycle order (§3.7)', () => {
  it('cold start: App.onLaunch → App.onShow → onLoad → onShow → (render) → onReady', () => {
    const { log, harness } = setup(['pages/a/a']);
    expect(log).toEqual(['App.onLaunch', 'App.onShow', 'a.onLoad', 'a.onShow']);
    const [init] = harness.take('init');
    expect(init?.instanceId).toBe(1);
    harness.send({ t: 'page-ready', pageId: 1 });
    harness.send({ t: 'page-ready', pageId: 1 });
    expect(log.slice(4)).toEqual(['a.onReady']);
  });

  it('navigateTo A→B: A.onHide → B.onLoad → B.onShow → B.onReady', async () => {
    const { log, harness } = setup(['pages/a/a', 'pages/b/b']);
    log.length = 0;
    await route(harness, 'navigateTo', { url: '../b/b?x=1' });
    harness.send({ t: 'page-ready', pageId: 2 });
    expect(log).toEqual(['a.onHide', 'b.onLoad', 'b.onShow', 'b.onReady']);
    const stacks = harness.sent.filter((message) => message.t === 'stack');
    expect(stacks.at(-1)).toEqual({ t: 'stack', pages: [{ pageId: 1, route: 'pages/a/a', query: {} }, { pageId: 2, route: 'pages/b/b', query: { x: '1' } }] });
  });

  it('redirectTo A→C: A.onUnload → C.onLoad → C.onShow → C.onReady', async () => {
    const { log, harness } = setup(['pages/a/a', 'pages/c/c']);
    log.length = 0;
    harness.take('unload');
    await route(harness, 'redirectTo', { url: '/pages/c/c' });
    harness.send({ t: 'page-ready', pageId: 2 });
    expect(log).toEqual(['a.onUnload', 'c.onLoad', 'c.onShow', 'c.onReady']);
  });

  it('navigateBack B→A: B.onUnload → A.onShow; the view is told to unmount B', async () => {
    const { log, harness } = setup(['pages/a/a', 'pages/b/b']);
    await route(harness, 'navigateTo', { url: '/pages/b/b' });
    log.length = 0;
    harness.sent.length = 0;
    await route(harness, 'navigateBack', {});
    expect(log).toEqual(['b.onUnload', 'a.onShow']);
    expect(harness.take('unload')).toEqual([{ t: 'unload', pageIds: [2] }]);
  });

  it('navigateBack delta n unloads the n top pages top-down, then shows the new top', async () => {
    const { log, harness } = setup(['pages/a/a', 'pages/b/b', 'pages/c/c', 'pages/d/d']);
    for (const page of ['b', 'c', 'd']) await route(harness, 'navigateTo', { url: `/pages/${page}/${page}` });
    log.length = 0;
    await route(harness, 'navigateBack', { delta: 2 });
    expect(log).toEqual(['d.onUnload', 'c.onUnload', 'b.onShow']);
  });

  it('navigateBack with delta beyond the stack returns to the bottom page', async () => {
    const { log, harness } = setup(['pages/a/a', 'pages/b/b', 'pages/c/c']);
    await route(harness, 'navigateTo', { url: '/pages/b/b' });
    await route(harness, 'navigateTo', { url: '/pages/c/c' });
    log.length = 0;
    await route(harness, 'navigateBack', { delta: 10 });
    expect(log).toEqual(['c.onUnload', 'b.onUnload', 'a.onShow']);
  });

  it('switchTab from tab A to tab B, first visit then cached', async () => {
    const { log, harness } = setup(['pages/a/a', 'pages/b/b'], ['pages/a/a', 'pages/b/b']);
    log.length = 0;
    await route(harness, 'switchTab', { url: '/pages/b/b' });
    harness.send({ t: 'page-ready', pageId: 2 });
    expect(log).toEqual(['a.onHide', 'b.onLoad', 'b.onShow', 'b.onReady']);
    log.length = 0;
    await route(harness, 'switchTab', { url: '/pages/a/a' });
    expect(log).toEqual(['b.onHide', 'a.onShow']);
    expect(harness.sent.filter((message) => message.t === 'stack').at(-1)).toEqual({ t: 'stack', pages: [{ pageId: 1, route: 'pages/a/a', query: {} }], tab: 'pages/a/a' });
  });

  it('switchTab from non-tab page C (stack [A, C]) to tab B, and from C back to tab A', async () => {
    const { log, harness } = setup(['pages/a/a', 'pages/b/b', 'pages/c/c'], ['pages/a/a', 'pages/b/b']);
    await route(harness, 'navigateTo', { url: '/pages/c/c' });
    log.length = 0;
    await route(harness, 'switchTab', { url: '/pages/b/b' });
    expect(log).toEqual(['c.onUnload', 'b.onLoad', 'b.onShow']);
    await route(harness, 'navigateTo', { url: '/pages/c/c' });
    log.length = 0;
    await route(harness, 'switchTab', { url: '/pages/a/a' });
    expect(log).toEqual(['c.onUnload', 'a.onShow']);
  });

  it('reLaunch unloads every live page top-down, cached tab pages included, then opens the target', async () => {
    const { log, harness } = setup(['pages/a/a', 'pages/b/b', 'pages/c/c'], ['pages/a/a', 'pages/b/b']);
    await route(harness, 'switchTab', { url: '/pages/b/b' });
    await route(harness, 'navigateTo', { url: '/pages/c/c' });
    log.length = 0;
    harness.sent.length = 0;
    await route(harness, 'reLaunch', { url: '/pages/c/c?k=v' });
    harness.send({ t: 'page-ready', pageId: 4 });
    expect(log).toEqual(['c.onUnload', 'b.onUnload', 'a.onUnload', 'c.onLoad', 'c.onShow', 'c.onReady']);
    expect(harness.sent.filter((message) => message.t === 'unload')).toEqual([{ t: 'unload', pageIds: [3, 2, 1] }]);
  });

  it('background: page.onHide → App.onHide; foreground: App.onShow → page.onShow', () => {
    const { log, harness } = setup(['pages/a/a']);
    log.length = 0;
    harness.send({ t: 'app-visibility', visible: false });
    harness.send({ t: 'app-visibility', visible: false });
    harness.send({ t: 'app-visibility', visible: true });
    expect(log).toEqual(['a.onHide', 'App.onHide', 'App.onShow', 'a.onShow']);
  });

  it('my.onAppHide / my.onAppShow listeners run after the App hook of the same event; off* removes', () => {
    const { log, harness } = setup(['pages/a/a']);
    const my = harness.globals().my as Record<string, (listener?: unknown) => void>;
    const hidden = () => log.push('my.onAppHide');
    my.onAppHide?.(hidden);
    my.onAppShow?.((options: { path: string }) => log.push(`my.onAppShow ${options.path}`));
    log.length = 0;
    harness.send({ t: 'app-visibility', visible: false });
    harness.send({ t: 'app-visibility', visible: true });
    my.offAppHide?.(hidden);
    harness.send({ t: 'app-visibility', visible: false });
    expect(log).toEqual(['a.onHide', 'App.onHide', 'my.onAppHide', 'App.onShow', 'my.onAppShow pages/a/a', 'a.onShow', 'a.onHide', 'App.onHide']);
  });
});

describe('getCurrentPages (§3.6)', () => {
  it('is empty in App.onLaunch and ends with the page being loaded in its onLoad', async () => {
    const seen: string[][] = [];
    let getCurrentPages: () => { route: string }[] = () => [];
    const files = loggingProject([], ['pages/a/a', 'pages/b/b']);
    files['app.js'] = (globals) => {
      getCurrentPages = globals.getCurrentPages as typeof getCurrentPages;
      (globals.App as (options: object) => void)({ onLaunch: () => seen.push(getCurrentPages().map((page) => page.route)) });
    };
    files['pages/b/b.js'] = ({ Page }) => (Page as (options: object) => void)({ onLoad: () => seen.push(getCurrentPages().map((page) => page.route)) });
    const harness = createHarness(files);
    harness.runtime.start();
    await route(harness, 'navigateTo', { url: '/pages/b/b' });
    expect(seen).toEqual([[], ['pages/a/a', 'pages/b/b']]);
  });
});

describe('navigateTo events (§8.1)', () => {
  it('connects the opener and the opened page through an EventChannel', async () => {
    type Channel = { emit(name: string, ...args: unknown[]): void; on(name: string, fn: (...args: unknown[]) => void): void; once(name: string, fn: (...args: unknown[]) => void): void };
    const got: unknown[] = [];
    let opened: Channel | undefined;
    const files = loggingProject([], ['pages/a/a']);
    files['pages/b/b.js'] = ({ Page }) =>
      (Page as (options: object) => void)({
        onLoad(this: { getOpenerEventChannel(): Channel }) {
          opened = this.getOpenerEventChannel();
          opened.once('fromOpener', (value) => got.push(['b got', value]));
          opened.emit('fromOpened', 'hi');
        },
      });
    const harness = createHarness(files);
    harness.runtime.start();
    const result = (await route(harness, 'navigateTo', { url: '/pages/b/b', events: { fromOpened: (value: unknown) => got.push(['a got', value]) } })) as { eventChannel: Channel };
    result.eventChannel.emit('fromOpener', 1);
    result.eventChannel.emit('fromOpener', 2);
    expect(got).toEqual([['a got', 'hi'], ['b got', 1]]);
  });
});

describe('this.router (§8.2)', () => {
  it("resolves relative URLs against the page's own route, my.* against the top page", async () => {
    type Router = { navigateTo(options: object): Promise<unknown> };
    let routerOfA: Router | undefined;
    const files = loggingProject([], ['pages/x/x', 'pages/a/a2']);
    files['pages/a/a.js'] = ({ Page }) => (Page as (options: object) => void)({ onLoad(this: { router: Router }) { routerOfA = this.router; } });
    const harness = createHarness(files, { pages: ['pages/a/a', 'pages/x/x', 'pages/a/a2'] });
    harness.runtime.start();
    await route(harness, 'navigateTo', { url: '/pages/x/x' });
    expect(await route(harness, 'navigateTo', { url: 'a2' })).toEqual({ error: 1, errorMessage: 'a2 resolved to pages/x/a2 is not found' });
    expect(await routerOfA?.navigateTo({ url: 'a2?k=v' })).toHaveProperty('eventChannel');
    const getCurrentPages = harness.globals().getCurrentPages as () => { route: string }[];
    expect(getCurrentPages().map((page) => page.route)).toEqual(['pages/a/a', 'pages/x/x', 'pages/a/a2']);
  });
});

describe('route failures (§8.1)', () => {
  it('an 11th page fails with depth can not be more than 10; fail then complete', async () => {
    const { harness } = setup(['pages/a/a']);
    for (let depth = 2; depth <= 10; depth += 1) expect(await route(harness, 'navigateTo', { url: '/pages/a/a' })).toHaveProperty('eventChannel');
    const calls: string[] = [];
    const result = await route(harness, 'navigateTo', { url: '/pages/a/a', fail: () => calls.push('fail'), complete: () => calls.push('complete'), success: () => calls.push('success') });
    expect(result).toEqual({ error: 1, errorMessage: 'depth can not be more than 10' });
    expect(calls).toEqual(['fail', 'complete']);
    const getCurrentPages = harness.globals().getCurrentPages as () => unknown[];
    expect(getCurrentPages()).toHaveLength(10);
  });

  it('navigateBack on the only page fails with already top of navigation', async () => {
    const { harness } = setup(['pages/a/a']);
    expect(await route(harness, 'navigateBack', {})).toEqual({ error: 1, errorMessage: 'already top of navigation' });
  });

  it('switchTab to a non-tab page fails; a missing page is not found', async () => {
    const { harness } = setup(['pages/a/a', 'pages/b/b'], ['pages/a/a']);
    expect(await route(harness, 'switchTab', { url: '/pages/b/b' })).toEqual({ error: 1, errorMessage: '/pages/b/b resolved to pages/b/b is not tab,  which is not valid' });
    expect(await route(harness, 'navigateTo', { url: 'nope' })).toEqual({ error: 1, errorMessage: 'nope resolved to pages/a/nope is not found' });
  });

  it('switchTab drops a query with a warning; navigateTo a tab page warns', async () => {
    const { harness, log } = setup(['pages/a/a', 'pages/b/b'], ['pages/a/a', 'pages/b/b']);
    await route(harness, 'switchTab', { url: '/pages/b/b?x=1' });
    expect(harness.warnings.some((warning) => warning.includes('does not take a query'))).toBe(true);
    await route(harness, 'navigateTo', { url: '/pages/a/a' });
    expect(harness.warnings.some((warning) => warning.includes('without the tab bar'))).toBe(true);
    expect(log.filter((entry) => entry === 'a.onLoad')).toHaveLength(2);
  });

  it('a tab bar tap switches tab, then calls onTabItemTap on the tapped page (top-level and events)', () => {
    const log: string[] = [];
    const files = loggingProject(log, ['pages/a/a']);
    files['pages/b/b.js'] = ({ Page }) =>
      (Page as (options: object) => void)({
        onShow: () => log.push('b.onShow'),
        onTabItemTap: (item: { pagePath: string; index: number }) => log.push(`b.onTabItemTap ${item.pagePath} ${item.index}`),
        events: { onTabItemTap: () => log.push('b.events.onTabItemTap') },
      });
    const harness = createHarness(files, { tabBarPages: ['pages/a/a', 'pages/b/b'] });
    harness.runtime.start();
    log.length = 0;
    harness.send({ t: 'tab', pagePath: 'pages/b/b' });
    expect(log).toEqual(['a.onHide', 'b.onShow', 'b.onTabItemTap pages/b/b 1', 'b.events.onTabItemTap']);
  });

  it('the view back button pops one page', () => {
    const { log, harness } = setup(['pages/a/a', 'pages/b/b']);
    return route(harness, 'navigateTo', { url: '/pages/b/b' }).then(() => {
      log.length = 0;
      harness.send({ t: 'back' });
      expect(log).toEqual(['b.onUnload', 'a.onShow']);
    });
  });
});
