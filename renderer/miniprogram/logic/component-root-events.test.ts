// Component rootEvents (docs/miniprogram-runtime.md#component-rootevents; 组件对象.md, base library 2.8.6): the page
// hooks and page events of the component's page, after the page's own handlers, component by component in creation
// order, mixins before the component, with the component as `this`; only while it is mounted, only for its own page.
import { describe, expect, it } from 'vitest';
import { createMixin } from './mixins';
import { createHarness, type Harness } from './test-support/logic-harness';

type ComponentThis = { $id: number; is: string; $page: { route: string } };

function create(harness: Harness, instanceId: number, pageId = 1): void {
  harness.send({ t: 'component-create', instanceId, parentId: pageId, pageId, path: '/components/card/index', props: {}, eventProps: {} });
  harness.send({ t: 'component-mounted', instanceId });
}

function project(log: string[], card: Record<string, unknown>): Harness {
  const pageMixin = createMixin({ rootEvents: { onPullDownRefresh: () => log.push('page mixin pull') } });
  const harness = createHarness({
    'app.js': () => undefined,
    'pages/index/index.js': ({ Page }) =>
      (Page as (options: object) => void)({
        mixins: [pageMixin],
        onShow: () => log.push('page onShow'),
        onHide: () => log.push('page onHide'),
        onUnload: () => log.push('page onUnload'),
        onPullDownRefresh: () => log.push('page pull'),
        events: { onPullDownRefresh: () => log.push('page events pull') },
      }),
    'pages/other/other.js': ({ Page }) => (Page as (options: object) => void)({}),
    'components/card/index.js': ({ Component }) => (Component as (options: object) => void)(card),
  });
  harness.runtime.start();
  return harness;
}

describe('component rootEvents', () => {
  it('run after the page, its mixins and its events; component by component in creation order, mixins first, with the component as this', () => {
    const log: string[] = [];
    const nested = createMixin({ rootEvents: { onPullDownRefresh(this: ComponentThis, arg: { from: string }) { log.push(`nested ${this.$id} pull ${arg.from}`); } } });
    const mixin = createMixin({ mixins: [nested], rootEvents: { onReachBottom(this: ComponentThis) { log.push(`mixin ${this.$id} bottom`); } } });
    const harness = project(log, {
      mixins: [mixin],
      rootEvents: {
        onPullDownRefresh(this: ComponentThis) { log.push(`card ${this.$id} pull on ${this.$page.route}`); },
        onPageScroll(this: ComponentThis, arg: { scrollTop: number }) { log.push(`card ${this.$id} scroll ${arg.scrollTop}`); },
        onReady(this: ComponentThis) { log.push(`card ${this.$id} onReady`); },
      },
    });
    create(harness, 102);
    create(harness, 101);
    harness.send({ t: 'page-ready', pageId: 1 });
    harness.send({ t: 'page-event', pageId: 1, name: 'onPullDownRefresh' });
    harness.send({ t: 'page-event', pageId: 1, name: 'onReachBottom' });
    harness.send({ t: 'page-event', pageId: 1, name: 'onPageScroll', arg: { scrollTop: 40 } });
    expect(log).toEqual([
      'page onShow',
      'card 102 onReady',
      'card 101 onReady',
      'page pull',
      'page mixin pull',
      'page events pull',
      'nested 102 pull manual',
      'card 102 pull on pages/index/index',
      'nested 101 pull manual',
      'card 101 pull on pages/index/index',
      'mixin 102 bottom',
      'mixin 101 bottom',
      'card 102 scroll 40',
      'card 101 scroll 40',
    ]);
    expect(harness.warnings).toEqual([]);
  });

  it('the lifecycle while mounted: onHide and onShow around a navigation, onUnload before didUnmount; not after removal, not for another page', async () => {
    const log: string[] = [];
    const harness = project(log, {
      rootEvents: {
        onLoad: () => log.push('card onLoad'),
        onShow(this: ComponentThis) { log.push(`card ${this.$id} onShow`); },
        onHide(this: ComponentThis) { log.push(`card ${this.$id} onHide`); },
        onUnload(this: ComponentThis) { log.push(`card ${this.$id} onUnload`); },
      },
      didUnmount(this: ComponentThis) { log.push(`card ${this.$id} didUnmount`); },
    });
    create(harness, 101);
    create(harness, 102);
    harness.send({ t: 'component-unmount', instanceId: 102 });
    const my = harness.globals().my as Record<'navigateTo' | 'navigateBack' | 'redirectTo', (options: object) => Promise<unknown>>;
    await my.navigateTo({ url: '/pages/other/other' });
    create(harness, 201, 2);
    await my.navigateBack({});
    await my.redirectTo({ url: '/pages/other/other' });
    expect(log).toEqual([
      'page onShow',
      'card 102 didUnmount',
      'page onHide',
      'card 101 onHide',
      'card 201 onUnload',
      'card 201 didUnmount',
      'page onShow',
      'card 101 onShow',
      'page onUnload',
      'card 101 onUnload',
      'card 101 didUnmount',
    ]);
  });

  it('a component whose rootEvents are only in a mixin hears them too', () => {
    const log: string[] = [];
    const harness = project(log, { mixins: [createMixin({ rootEvents: { onTitleClick(this: ComponentThis) { log.push(`mixin ${this.is} title`); } } })] });
    create(harness, 101);
    harness.send({ t: 'page-event', pageId: 1, name: 'onTitleClick' });
    expect(log).toEqual(['page onShow', 'mixin /components/card/index title']);
  });

  it('a throw goes to the component onError and the next component still hears the event; non-functions are ignored', () => {
    const log: string[] = [];
    let first = true;
    const harness = project(log, {
      rootEvents: {
        onPullDownRefresh(this: ComponentThis) {
          log.push(`card ${this.$id} pull`);
          if (first) {
            first = false;
            throw new Error('pull failed');
          }
        },
        onReachBottom: 'not a function',
      },
      onError(this: ComponentThis, error: Error) { log.push(`card ${this.$id} onError ${error.message}`); },
    });
    create(harness, 101);
    create(harness, 102);
    harness.sent.length = 0;
    harness.send({ t: 'page-event', pageId: 1, name: 'onPullDownRefresh' });
    harness.send({ t: 'page-event', pageId: 1, name: 'onReachBottom' });
    expect(log).toEqual(['page onShow', 'page pull', 'page mixin pull', 'page events pull', 'card 101 pull', 'card 101 onError pull failed', 'card 102 pull']);
    expect(harness.take('problem').map((message) => message.problem.message)).toEqual(['Error: pull failed']);
  });
});
