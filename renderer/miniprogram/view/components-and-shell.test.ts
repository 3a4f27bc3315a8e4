// @vitest-environment jsdom
// Custom components (create/props/slots/lifecycle messages), the phone shell (title, back, tab bar),
// setData acknowledgements, and problems shown without breaking the rest.
import { afterEach, describe, expect, it } from 'vitest';
import type { ViewToLogic } from '../../../shared/miniprogram/view-logic-protocol';
import { compileSources } from '../../../main/miniprogram/test-support/compile-sources';
import { FIRST_COMPONENT_ID } from './view-runtime';
import { mountView, type MountOptions } from './test-support/mount-view';

afterEach(() => {
  document.body.innerHTML = '';
});

const CARD = '/components/card/index';
const cardSources = {
  '/components/card/index.axml': `<view class="card" id="card-{{$id}}">
    <view class="head"><slot name="head">default head</slot></view>
    <text class="title">{{title}}|{{props.title}}|{{count}}</text>
    <button class="plus" onTap="plus">+</button>
    <slot/>
    <slot name="item" value="{{count * 10}}"/>
  </view>`,
};

function mountWithCard(pageAxml: string, extra: Partial<MountOptions> = {}) {
  const compiled = compileSources({ '/pages/p/p.axml': pageAxml, ...cardSources });
  expect(compiled.problems).toEqual([]);
  return mountView({
    scripts: compiled.scripts,
    pages: [{ route: 'pages/p/p', usingComponents: { card: CARD } }],
    components: [{ path: CARD, usingComponents: {} }],
    componentData: { [CARD]: { count: 1 } },
    ...extra,
  });
}

const ofType = <T extends ViewToLogic['t']>(sent: ViewToLogic[], t: T): Array<Extract<ViewToLogic, { t: T }>> =>
  sent.filter((message): message is Extract<ViewToLogic, { t: T }> => message.t === t);

describe('custom components', () => {
  it('announce themselves, render props + own data + slots once init arrives, and report mounted', async () => {
    const page = mountWithCard(`<card title="{{t}}" data-x="1" onPick="picked">
        <view slot="head" id="head">Head {{t}}</view>
        <text id="body">Body</text>
        <view slot="item" slot-scope="s" id="scoped">{{s.value}}</view>
      </card>`);
    await page.openPage('pages/p/p', { t: 'Hi' });
    const [create] = ofType(page.sent, 'component-create');
    expect(create).toEqual({
      t: 'component-create',
      instanceId: FIRST_COMPONENT_ID,
      parentId: 1,
      tag: 'card',
      pageId: 1,
      path: CARD,
      props: { title: 'Hi', 'data-x': '1' },
      eventProps: { onPick: 'picked' },
    });
    expect(document.querySelector(`#card-${FIRST_COMPONENT_ID} .title`)?.textContent).toBe('Hi|Hi|1');
    expect(document.querySelector('#head')?.textContent).toBe('Head Hi');
    expect(document.querySelector('#body')?.textContent).toBe('Body');
    expect(document.querySelector('#scoped')?.textContent).toBe('10');
    expect(ofType(page.sent, 'component-mounted')).toEqual([{ t: 'component-mounted', instanceId: FIRST_COMPONENT_ID }]);
    expect(ofType(page.sent, 'page-ready')).toEqual([{ t: 'page-ready', pageId: 1 }]);
  });

  it('shows slot fallbacks, sends its own events to itself, forwards prop changes, and reports updates and unmount', async () => {
    const page = mountWithCard('<card a:if="{{show}}" title="{{t}}"/>');
    await page.openPage('pages/p/p', { t: 'A', show: true });
    expect(document.querySelector('.head')?.textContent).toBe('default head');
    (document.querySelector('.plus') as HTMLElement).click();
    expect(page.sent.at(-1)).toMatchObject({ t: 'event', instanceId: FIRST_COMPONENT_ID, handler: 'plus' });

    page.send({ t: 'set-data', instanceId: FIRST_COMPONENT_ID, ops: [{ op: 'set', path: ['count'], value: 2 }], callbackId: 9 });
    await page.settle();
    expect(document.querySelector('.title')?.textContent).toBe('A|A|2');
    expect(ofType(page.sent, 'rendered')).toEqual([{ t: 'rendered', callbackIds: [9] }]);
    expect(ofType(page.sent, 'component-updated')).toHaveLength(1);

    page.send({ t: 'set-data', instanceId: 1, ops: [{ op: 'set', path: ['t'], value: 'B' }] });
    await page.settle();
    expect(ofType(page.sent, 'component-props')).toEqual([{ t: 'component-props', instanceId: FIRST_COMPONENT_ID, props: { title: 'B' }, eventProps: {} }]);
    expect(document.querySelector('.title')?.textContent).toBe('B|B|2');

    page.send({ t: 'set-data', instanceId: 1, ops: [{ op: 'set', path: ['show'], value: false }] });
    await page.settle();
    expect(document.querySelector('.card')).toBeNull();
    expect(ofType(page.sent, 'component-unmount')).toEqual([{ t: 'component-unmount', instanceId: FIRST_COMPONENT_ID }]);
  });

  it('names the slot host of slot content as its composed parent ($selectComponent, selectComposedParentComponent)', async () => {
    const page = mountWithCard('<card id="outer" title="o"><card id="inner" title="i"/></card><card id="after"/>');
    await page.openPage('pages/p/p', {});
    await page.settle();
    const creates = ofType(page.sent, 'component-create').map(({ instanceId, parentId, composedParentId, props }) => ({ instanceId, parentId, composedParentId, id: props.id }));
    const outer = creates.find((create) => create.id === 'outer')?.instanceId;
    expect(creates).toEqual([
      { instanceId: outer, parentId: 1, composedParentId: undefined, id: 'outer' },
      { instanceId: expect.any(Number), parentId: 1, composedParentId: undefined, id: 'after' },
      { instanceId: expect.any(Number), parentId: 1, composedParentId: outer, id: 'inner' },
    ]);
  });

  it('reads a declared prop default where the tag has no attribute, directly and under props; data and attributes win', async () => {
    const page = mountWithCard('<card/><card title="given"/>', { defaultProps: { [CARD]: { title: 'fallback', count: 5 } } });
    await page.openPage('pages/p/p', {});
    expect([...document.querySelectorAll('.title')].map((title) => title.textContent)).toEqual(['fallback|fallback|1', 'given|given|1']);
  });

  it('renders an unknown tag as a view with its content and reports it once', async () => {
    const page = mountWithCard('<nope id="n"><text>inside</text></nope><nope/>');
    await page.openPage('pages/p/p', {});
    expect(document.querySelector('#n')?.textContent).toBe('inside');
    await page.settle();
    expect(ofType(page.sent, 'view-problem')).toHaveLength(1);
    expect(document.querySelector('.mp-problems')?.textContent).toContain('<nope> is neither a basic component nor in usingComponents');
  });

  it('renders <canvas> as a canvas named by its id; a typed one (Canvas 2D) is reported once as not emulated', async () => {
    const page = mountWithCard('<canvas id="ring" width="80"/><canvas id="c2d" type="2d"/><canvas canvas-id="legacy"/>');
    await page.openPage('pages/p/p', {});
    await page.settle();
    const canvases = [...document.querySelectorAll('canvas')].map((canvas) => [canvas.getAttribute('mp-canvas-id'), canvas.getAttribute('mp-width'), canvas.getAttribute('style')]);
    expect(canvases).toEqual([['ring', '80', '--mp-canvas-width: 80px;'], ['c2d', null, null], ['legacy', null, null]]);
    expect(ofType(page.sent, 'view-problem').map((sent) => sent.problem.message)).toEqual([expect.stringMatching(/^<canvas type="…"> \(Canvas 2D or WebGL/)]);
  });

  it('names a native component (video) as one the preview does not emulate', async () => {
    const page = mountWithCard('<video id="clip"/>');
    await page.openPage('pages/p/p', {});
    await page.settle();
    expect(ofType(page.sent, 'view-problem').map((sent) => sent.problem.message)).toEqual(['<video> is a native component the preview does not emulate; rendered as a view']);
  });
});

describe('a basic tag named in usingComponents', () => {
  it('renders the custom component, with the tag\'s content as its default slot', async () => {
    const compiled = compileSources({ '/pages/p/p.axml': '<button id="b" title="Buy">inside <text id="t">{{word}}</text></button>', ...cardSources });
    const view = mountView({
      scripts: compiled.scripts,
      pages: [{ route: 'pages/p/p', usingComponents: { button: CARD } }],
      components: [{ path: CARD, usingComponents: {} }],
      componentData: { [CARD]: { count: 1 } },
    });
    await view.openPage('pages/p/p', { word: 'slot' });
    expect(document.querySelector('.a-button:not(.plus)')).toBeNull();
    expect(document.querySelector('.card .title')?.textContent).toBe('Buy|Buy|1');
    expect(document.querySelector('.card #t')?.textContent).toBe('slot');
    expect(ofType(view.sent, 'component-create')).toHaveLength(1);
  });

  it('fills the component\'s named slots from children with `slot` (slot-scope too); without the override they render in place', async () => {
    const page = '<button title="Buy"><text slot="head" id="h">{{word}} head</text><text slot="item" slot-scope="it" id="i">{{it.value}}</text>inside</button><view id="plain"><text slot="head">in place</text></view>';
    const compiled = compileSources({ '/pages/p/p.axml': page, ...cardSources });
    expect(compiled.problems).toEqual([]);
    const view = mountView({
      scripts: compiled.scripts,
      pages: [{ route: 'pages/p/p', usingComponents: { button: CARD } }],
      components: [{ path: CARD, usingComponents: {} }],
      componentData: { [CARD]: { count: 2 } },
    });
    await view.openPage('pages/p/p', { word: 'my' });
    expect(document.querySelector('.card .head')?.textContent).toBe('my head');
    expect(document.querySelector('.card #i')?.textContent).toBe('20');
    expect(document.querySelector('.card')?.textContent).toContain('inside');
    expect(document.querySelector('#plain')?.textContent).toBe('in place');
  });
});

describe('image', () => {
  it('says once that remote images do not load in the preview, and still runs the image\'s onError', async () => {
    const compiled = compileSources({ '/pages/p/p.axml': '<image id="a" src="https://img.shop.invalid/a.png" onError="broken"/><image id="b" src="//cdn.invalid/b.png" onError="broken"/><image id="c" src="/missing.png" onError="broken"/>' });
    const view = mountView({ scripts: compiled.scripts, pages: [{ route: 'pages/p/p', usingComponents: {} }] });
    await view.openPage('pages/p/p', {});
    for (const id of ['a', 'b', 'c']) document.querySelector(`#${id}`)?.dispatchEvent(new Event('error'));
    await view.settle();
    const problems = ofType(view.sent, 'view-problem').map((sent) => sent.problem.message);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('remote images do not load in the preview');
    expect(ofType(view.sent, 'event').filter((sent) => sent.handler === 'broken')).toHaveLength(3);
  });

  it('a failed or missing src is an empty box with the image\'s id, classes, style and taps; a new src is an <img> again', async () => {
    const compiled = compileSources({ '/pages/p/p.axml': '<image id="a" class="banner" style="width: 100px; height: 40px; background: #eee" mode="aspectFill" src="{{src}}" onError="broken" onTap="tapped"/><image id="b"/>' });
    const view = mountView({ scripts: compiled.scripts, pages: [{ route: 'pages/p/p', usingComponents: {} }] });
    await view.openPage('pages/p/p', { src: 'https://img.shop.invalid/a.png' });
    expect(document.querySelector('#a')?.tagName).toBe('IMG');
    expect(document.querySelector('#b')?.outerHTML).toBe('<span class="a-image mp-image-failed" id="b" style="object-fit: fill;" role="img"></span>');
    document.querySelector('#a')?.dispatchEvent(new Event('error'));
    await view.settle();
    const failed = document.querySelector('#a') as HTMLElement;
    expect([failed.tagName, failed.className, failed.getAttribute('src')]).toEqual(['SPAN', 'a-image banner mp-image-failed', null]);
    expect([failed.style.width, failed.style.height, failed.style.background]).toEqual(['100px', '40px', 'rgb(238, 238, 238)']);
    failed.click();
    expect(ofType(view.sent, 'event').map((sent) => sent.handler)).toEqual(['broken', 'tapped']);
    view.send({ t: 'set-data', instanceId: 1, ops: [{ op: 'set', path: ['src'], value: '/images/b.png' }] });
    await view.settle();
    expect(document.querySelector('#a')?.getAttribute('src')).toBe('/__mp/asset/images/b.png');
  });
});

describe('phone shell', () => {
  const pages = [
    { route: 'pages/a/a', window: { defaultTitle: 'Page A' } },
    { route: 'pages/b/b', window: { defaultTitle: 'Page B' } },
  ];
  const tabBar = { items: [{ pagePath: 'pages/a/a', name: 'A' }, { pagePath: 'pages/b/b', name: 'B' }] };
  const scripts = compileSources({ '/pages/a/a.axml': '<view id="in-a">A</view>', '/pages/b/b.axml': '<view id="in-b">B</view>' }).scripts;

  it('shows the title, a tab bar on a one-page tab stack, and a back button when deeper', async () => {
    const view = mountView({ scripts, pages, tabBar });
    await view.openPage('pages/a/a', {});
    expect(document.querySelector('.mp-title')?.textContent).toBe('Page A');
    expect(document.querySelector('.mp-back')).toBeNull();
    const tabs = [...document.querySelectorAll<HTMLElement>('.mp-tab')];
    expect(tabs.map((tab) => tab.textContent)).toEqual(['A', 'B']);
    tabs[1]?.click();
    expect(view.sent.at(-1)).toEqual({ t: 'tab', pagePath: 'pages/b/b' });

    view.send({ t: 'stack', pages: [{ pageId: 1, route: 'pages/a/a', query: {} }, { pageId: 2, route: 'pages/b/b', query: {} }] });
    view.send({ t: 'init', instanceId: 2, data: {} });
    view.send({ t: 'window', window: { title: 'Set by API' } });
    await view.settle();
    expect(document.querySelector('.mp-title')?.textContent).toBe('Set by API');
    expect(document.querySelector('.mp-tab-bar')).toBeNull();
    expect((document.querySelector('#in-a')?.closest('.a-page') as HTMLElement).style.display).toBe('none');
    expect(document.querySelector('#in-b')).not.toBeNull();
    (document.querySelector('.mp-back') as HTMLElement).click();
    expect(view.sent.at(-1)).toEqual({ t: 'back' });

    view.send({ t: 'unload', pageIds: [2] });
    view.send({ t: 'stack', pages: [{ pageId: 1, route: 'pages/a/a', query: {} }], tab: 'pages/a/a' });
    await view.settle();
    expect(document.querySelector('#in-b')).toBeNull();
    expect(document.querySelector('.mp-title')?.textContent).toBe('Page A');
  });

  it('keeps a tab page switched away from mounted (hidden) and sends page-ready once per page', async () => {
    const view = mountView({ scripts, pages, tabBar });
    await view.openPage('pages/a/a', {});
    const pageA = document.querySelector('#in-a');
    view.send({ t: 'init', instanceId: 2, data: {} });
    view.send({ t: 'stack', pages: [{ pageId: 2, route: 'pages/b/b', query: {} }], tab: 'pages/b/b' });
    await view.settle();
    expect((pageA?.closest('.a-page') as HTMLElement).style.display).toBe('none');
    expect(document.querySelector('.mp-tab-selected')?.textContent).toBe('B');
    view.send({ t: 'stack', pages: [{ pageId: 1, route: 'pages/a/a', query: {} }], tab: 'pages/a/a' });
    await view.settle();
    expect(document.querySelector('#in-a')).toBe(pageA);
    expect((pageA?.closest('.a-page') as HTMLElement).style.display).toBe('');
    expect(ofType(view.sent, 'page-ready')).toEqual([{ t: 'page-ready', pageId: 1 }, { t: 'page-ready', pageId: 2 }]);
  });

  it('acknowledges setData of a page not on screen right away, and sends onReachBottom once per arrival', async () => {
    const view = mountView({ scripts, pages });
    view.send({ t: 'set-data', instanceId: 7, ops: [{ op: 'set', path: ['x'], value: 1 }], callbackId: 3 });
    expect(view.sent).toEqual([{ t: 'rendered', callbackIds: [3] }]);
    await view.openPage('pages/a/a', {});
    const root = document.querySelector('.a-page') as HTMLElement;
    root.dispatchEvent(new Event('scroll'));
    root.dispatchEvent(new Event('scroll'));
    expect(ofType(view.sent, 'page-event').filter((event) => event.name === 'onReachBottom')).toHaveLength(1);
  });

  it('shows compile problems as red boxes with file:line and still renders the page', async () => {
    const compiled = compileSources({ '/pages/a/a.axml': '<view id="ok">fine {{a +}}</view>' });
    const view = mountView({ scripts: compiled.scripts, pages, problems: compiled.problems });
    await view.openPage('pages/a/a', {});
    expect(document.querySelector('.mp-problem')?.textContent).toBe('pages/a/a.axml:1 {{a +}}: Unexpected token');
    expect(document.querySelector('#ok')?.textContent).toBe('fine ');
  });

  it('a render error in one component becomes a problem box in its place', async () => {
    const compiled = compileSources({
      '/pages/a/a.axml': '<view id="before">before</view><bad/><view id="after">after</view>',
      '/c/bad.axml': '<import-sjs name="m" from="/m.sjs"/><text>{{m.boom()}}</text>',
      '/m.sjs': "export default { boom() { throw new Error('kaput'); } };",
    });
    const view = mountView({
      scripts: compiled.scripts,
      pages: [{ route: 'pages/a/a', usingComponents: { bad: '/c/bad' } }],
      components: [{ path: '/c/bad', usingComponents: {} }],
    });
    await view.openPage('pages/a/a', {});
    expect(document.querySelector('#before')).not.toBeNull();
    expect(document.querySelector('#after')).not.toBeNull();
    expect(document.querySelector('.mp-pages .mp-problem')?.textContent).toBe('c/bad.axml render failed: kaput');
  });

  it('shows problems inside the pages area (not over the tab bar), identical ones once with their count, hidden until the next one', async () => {
    const view = mountView({ scripts, pages, tabBar });
    await view.openPage('pages/a/a', {});
    const thrown = { kind: 'runtime' as const, message: 'TypeError: ctx.setStrokeStyle is not a function', file: 'components/circle/circle.js', line: 40 };
    for (let row = 0; row < 3; row += 1) view.send({ t: 'problem', problem: thrown });
    view.send({ t: 'problem', problem: { ...thrown, line: 41 } });
    await view.settle();
    expect([...document.querySelectorAll('.mp-pages > .mp-problems .mp-problem')].map((box) => box.textContent)).toEqual([
      'components/circle/circle.js:40 TypeError: ctx.setStrokeStyle is not a function (×3)',
      'components/circle/circle.js:41 TypeError: ctx.setStrokeStyle is not a function',
    ]);
    expect(document.querySelector('.mp-tab-bar')?.closest('.mp-pages')).toBeNull();
    (document.querySelector('.mp-problems-hide') as HTMLElement).click();
    await view.settle();
    expect(document.querySelector('.mp-problems')).toBeNull();
    view.send({ t: 'problem', problem: { kind: 'runtime', message: 'later' } });
    await view.settle();
    expect(document.querySelector('.mp-problems')?.textContent).toContain('later');
  });
});
