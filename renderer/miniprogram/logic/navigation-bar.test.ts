// my.setNavigationBar and the loading spinner (docs/miniprogram-runtime.md#references §8.3) as `window` messages of the top page.
import { describe, expect, it } from 'vitest';
import { createHarness, loggingPage, loggingProject } from './test-support/logic-harness';

type Api = (options?: Record<string, unknown>) => Promise<unknown>;

describe('navigation bar', () => {
  it('sends the top page window with its changes, again when the page is back on top; warns before onReady', async () => {
    const harness = createHarness(loggingProject([], ['pages/a/a', 'pages/b/b']), {
      windows: { 'pages/a/a': { title: 'A', titleBarColor: '#fff' }, 'pages/b/b': { title: 'B' } },
    });
    harness.runtime.start();
    const my = harness.globals().my as Record<string, Api>;
    await my.setNavigationBar?.({ title: 'Changed', backgroundColor: '#000', frontColor: '#ffffff' });
    expect(harness.warnings.some((warning) => warning.startsWith('setNavigationBar before onReady'))).toBe(true);
    harness.send({ t: 'page-ready', pageId: 1 });
    await my.showNavigationBarLoading?.();
    expect(harness.take('window').map((message) => message.window)).toEqual([
      { title: 'Changed', titleBarColor: '#000', borderBottomColor: '#000', frontColor: '#ffffff' },
      { title: 'Changed', titleBarColor: '#000', borderBottomColor: '#000', frontColor: '#ffffff', loading: true },
    ]);
    await my.navigateTo?.({ url: '/pages/b/b' });
    expect(harness.take('window')).toEqual([]);
    await my.navigateBack?.();
    expect(harness.take('window').map((message) => message.window.title)).toEqual(['Changed']);
  });

  it('my.startPullDownRefresh shows the refresh indicator and runs onPullDownRefresh({ from: "code" }); stopPullDownRefresh hides it', async () => {
    const log: string[] = [];
    const harness = createHarness(
      {
        'app.js': () => undefined,
        'pages/a/a.js': ({ Page }) => (Page as (options: object) => void)(loggingPage(log, 'a', { onPullDownRefresh: (event: { from: string }) => log.push(`a.onPullDownRefresh ${event.from}`) })),
      },
    );
    harness.runtime.start();
    harness.send({ t: 'page-ready', pageId: 1 });
    const my = harness.globals().my as Record<string, Api>;
    await expect(my.startPullDownRefresh?.()).resolves.toEqual({});
    expect(log.at(-1)).toBe('a.onPullDownRefresh code');
    await my.stopPullDownRefresh?.();
    expect(harness.take('window').map((message) => message.window)).toEqual([
      { title: '', refreshing: true },
      { title: '', refreshing: false },
    ]);
    expect(harness.warnings).toEqual([]);
  });

  it('a manual pull holds the indicator until my.stopPullDownRefresh; a pull while refreshing is not a second refresh', async () => {
    const log: string[] = [];
    const harness = createHarness({
      'app.js': () => undefined,
      'pages/a/a.js': ({ Page }) => (Page as (options: object) => void)(loggingPage(log, 'a', { onPullDownRefresh: (event: { from: string }) => log.push(`a.onPullDownRefresh ${event.from}`) })),
    });
    harness.runtime.start();
    harness.send({ t: 'page-ready', pageId: 1 });
    harness.take('window');
    const pull = (): void => harness.send({ t: 'page-event', pageId: 1, name: 'onPullDownRefresh', arg: { from: 'manual' } });
    pull();
    pull();
    expect(log.filter((line) => line.includes('onPullDownRefresh'))).toEqual(['a.onPullDownRefresh manual']);
    expect(harness.take('window').map((message) => message.window)).toEqual([{ title: '', refreshing: true }]);
    await (harness.globals().my as Record<string, Api>).stopPullDownRefresh?.();
    pull();
    expect(log.filter((line) => line.includes('onPullDownRefresh'))).toEqual(['a.onPullDownRefresh manual', 'a.onPullDownRefresh manual']);
    expect(harness.take('window').map((message) => message.window)).toEqual([
      { title: '', refreshing: false },
      { title: '', refreshing: true },
    ]);
  });

  it('setNavigationBar image, borderBottomColor and reset: a background colour is also the border, reset drops every colour (the .json one too) before the call applies', async () => {
    const harness = createHarness(loggingProject([], ['pages/a/a']), { windows: { 'pages/a/a': { title: 'A', titleBarColor: '#123456' } } });
    harness.runtime.start();
    harness.send({ t: 'page-ready', pageId: 1 });
    const my = harness.globals().my as Record<string, Api>;
    await my.setNavigationBar?.({ image: '/images/logo.png', borderBottomColor: '#ff0000', frontColor: '#ffffff' });
    await my.setNavigationBar?.({ backgroundColor: '#108ee9', borderBottomColor: '#00ff00' });
    await my.setNavigationBar?.({ reset: true, title: 'Reset' });
    await my.setNavigationBar?.({ title: '' });
    expect(harness.take('window').map((message) => message.window)).toEqual([
      { title: 'A', titleBarColor: '#123456', image: '/images/logo.png', borderBottomColor: '#ff0000', frontColor: '#ffffff' },
      { title: 'A', titleBarColor: '#108ee9', image: '/images/logo.png', borderBottomColor: '#108ee9', frontColor: '#ffffff' },
      { title: 'Reset', image: '/images/logo.png', reset: true },
      { title: '', image: '/images/logo.png', reset: true },
    ]);
    expect(harness.warnings).toEqual(['setNavigationBar: borderBottomColor has no effect when backgroundColor is set (the border takes backgroundColor)']);
    await my.setNavigationBar?.({ image: 'https://example.com/logo.gif' });
    expect(harness.warnings.at(-1)).toContain('the image https://example.com/logo.gif is not loaded');
  });

  it('wrong setNavigationBar arguments fail with 2 and a message naming the option, and change nothing', async () => {
    const harness = createHarness(loggingProject([], ['pages/a/a']));
    harness.runtime.start();
    harness.send({ t: 'page-ready', pageId: 1 });
    harness.take('window');
    const my = harness.globals().my as Record<string, Api>;
    const failures: unknown[] = [];
    for (const options of [{ image: 'http://example.com/a.png' }, { image: 'logo.png' }, { borderBottomColor: 'red' }, { reset: 'yes' }, { title: { text: 'x' } }]) {
      const fail = (result: unknown): number => failures.push(result);
      await my.setNavigationBar?.({ ...options, title: 'title' in options ? options.title : 'Never', fail }).catch(() => undefined);
    }
    expect(failures).toEqual([
      { error: 2, errorMessage: 'setNavigationBar: image must be an https: URL (in the preview also a project path such as /images/logo.png, or a data:image/ URL)' },
      { error: 2, errorMessage: 'setNavigationBar: image must be an https: URL (in the preview also a project path such as /images/logo.png, or a data:image/ URL)' },
      { error: 2, errorMessage: 'setNavigationBar: borderBottomColor must be a hexadecimal colour such as #ff0000' },
      { error: 2, errorMessage: 'setNavigationBar: reset must be true or false' },
      { error: 2, errorMessage: 'setNavigationBar: title must be a string' },
    ]);
    expect(harness.take('window')).toEqual([]);
  });
});
