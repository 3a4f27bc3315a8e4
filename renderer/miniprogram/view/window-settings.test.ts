// @vitest-environment jsdom
// Window settings the phone applies itself (docs/miniprogram-runtime.md#references §1): `backgroundColor` behind the page,
// `showTitleLoading`, and pull-down refresh (`pullRefresh` + `allowsBounceVertical`) by dragging from the top.
import { afterEach, describe, expect, it } from 'vitest';
import type { Json } from '../../../shared/json';
import { compileSources } from '../../../main/miniprogram/test-support/compile-sources';
import { PULL_TRIGGER_PX } from './pull-refresh';
import { mountView, type MountedView } from './test-support/mount-view';

afterEach(() => {
  document.body.innerHTML = '';
});

async function openWith(window: Record<string, Json>): Promise<MountedView> {
  const compiled = compileSources({ '/pages/p/p.axml': '<view id="content">content</view>' });
  const page = mountView({ scripts: compiled.scripts, pages: [{ route: 'pages/p/p', window }] });
  await page.openPage('pages/p/p', {});
  return page;
}

const pageElement = (): HTMLElement => document.querySelector('.a-page') as HTMLElement;

/** A pointer drag on the page from y=100 down by `by` px, in the DOM events the browser sends. */
async function drag(page: MountedView, by: number, release = true): Promise<void> {
  const fire = (type: string, clientY: number): void => {
    const event = new MouseEvent(type, { bubbles: true, clientY, button: 0 });
    Object.defineProperty(event, 'pointerId', { value: 1 });
    pageElement().dispatchEvent(event);
  };
  fire('pointerdown', 100);
  fire('pointermove', 100 + by);
  await page.settle();
  if (release) fire('pointerup', 100 + by);
  await page.settle();
}

const pullEvents = (page: MountedView) => page.sent.filter((message) => message.t === 'page-event' && message.name === 'onPullDownRefresh');

describe('window settings in the phone', () => {
  it('paints backgroundColor behind the page and shows the title spinner for showTitleLoading "YES"', async () => {
    await openWith({ backgroundColor: '#f0f0f0', showTitleLoading: 'YES', defaultTitle: 'T' });
    expect((document.querySelector('.mp-pages') as HTMLElement).style.background).toBe('rgb(240, 240, 240)');
    expect(document.querySelector('.mp-title-loading')).not.toBeNull();
    document.body.innerHTML = '';
    await openWith({ defaultTitle: 'T' });
    expect(document.querySelector('.mp-title-loading')).toBeNull();
  });

  it('my.setNavigationBar image, borderBottomColor and reset in the title bar (an https: image cannot load: its title shows)', async () => {
    const page = await openWith({ defaultTitle: 'T', titleBarColor: '#123456', navigationBarFrontColor: 'white' });
    const bar = (): HTMLElement => document.querySelector('.mp-title-bar') as HTMLElement;
    expect([bar().style.background, bar().style.color]).toEqual(['rgb(18, 52, 86)', 'rgb(255, 255, 255)']);
    page.send({ t: 'window', window: { title: 'Logo', image: '/images/logo.png', borderBottomColor: '#ff0000' } });
    await page.settle();
    const image = document.querySelector('.mp-title-image') as HTMLImageElement;
    expect([image.getAttribute('src'), image.alt, bar().style.borderBottomColor]).toEqual(['/__mp/asset/images/logo.png', 'Logo', 'rgb(255, 0, 0)']);
    page.send({ t: 'window', window: { title: 'Remote', image: 'https://example.com/logo.gif', reset: true } });
    await page.settle();
    expect([document.querySelector('.mp-title-image'), document.querySelector('.mp-title')?.textContent]).toEqual([null, 'Remote']);
    expect([bar().style.background, bar().style.color, bar().style.borderBottomColor]).toEqual(['', '', '']);
  });

  it('pullRefresh: a drag down from the top shows the indicator; letting go past the threshold sends onPullDownRefresh once', async () => {
    const page = await openWith({ pullRefresh: true });
    await drag(page, PULL_TRIGGER_PX * 2 + 10, false);
    expect(document.querySelector('.mp-pull-indicator')?.textContent).toBe('↻ Release to refresh');
    expect(pullEvents(page)).toEqual([]);
    pageElement().dispatchEvent(new MouseEvent('pointerup', { bubbles: true }));
    await page.settle();
    expect(document.querySelector('.mp-pull-indicator')).toBeNull();
    expect(pullEvents(page)).toEqual([{ t: 'page-event', pageId: 1, name: 'onPullDownRefresh', arg: { from: 'manual' } }]);
  });

  it('a short pull, a pull from a scrolled page, or a page without pullRefresh / with allowsBounceVertical "NO" sends nothing', async () => {
    const short = await openWith({ pullRefresh: true });
    await drag(short, PULL_TRIGGER_PX);
    expect(pullEvents(short)).toEqual([]);
    pageElement().scrollTop = 30;
    await drag(short, 300);
    expect(pullEvents(short)).toEqual([]);
    const windows: Array<Record<string, Json>> = [{}, { pullRefresh: true, allowsBounceVertical: 'NO' }];
    for (const window of windows) {
      document.body.innerHTML = '';
      const page = await openWith(window);
      await drag(page, 300, false);
      expect(document.querySelector('.mp-pull-indicator')).toBeNull();
      await drag(page, 300);
      expect(pullEvents(page)).toEqual([]);
    }
  });

  it('the area a pull reveals shows backgroundImageUrl (a project path as an asset) on backgroundImageColor, also while refreshing', async () => {
    const page = await openWith({ pullRefresh: true, backgroundColor: '#ffffff', backgroundImageColor: '#102030', backgroundImageUrl: '/images/sky.png' });
    await drag(page, PULL_TRIGGER_PX * 2, false);
    const pulling = document.querySelector('.mp-pull-indicator') as HTMLElement;
    expect(pulling.style.backgroundImage).toBe('url("/__mp/asset/images/sky.png")');
    expect(pulling.style.backgroundColor).toBe('rgb(16, 32, 48)');
    expect(pulling.style.backgroundSize).toBe('100% auto');
    page.send({ t: 'window', window: { title: '', refreshing: true } });
    await page.settle();
    expect((document.querySelector('.mp-refreshing') as HTMLElement).style.backgroundImage).toBe('url("/__mp/asset/images/sky.png")');
    document.body.innerHTML = '';

    const plain = await openWith({ pullRefresh: true, backgroundColor: '#f0f0f0', backgroundImageUrl: 'https://example.com/a.png' });
    await drag(plain, PULL_TRIGGER_PX, false);
    const revealed = document.querySelector('.mp-pull-indicator') as HTMLElement;
    expect(revealed.style.backgroundImage).toBe('url("https://example.com/a.png")');
    expect(revealed.style.backgroundColor).toBe('rgb(240, 240, 240)');
  });
});

