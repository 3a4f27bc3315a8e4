// Page mixins (docs/miniprogram-runtime.md#page-mixins; Mixin.md, base library 2.8.5): data, methods, observers and
// rootEvents of Mixin() instances, the page winning; component-only segments and plain objects ignored with a warning.
/* eslint-disable @typescript-eslint/no-this-alias -- the tests keep the instance the runtime made, to act on it from outside */
import { describe, expect, it } from 'vitest';
import { createMixin } from './mixins';
import { createHarness } from './test-support/logic-harness';

type PageThis = { data: Record<string, unknown>; setData(changes: object): void; route: string } & Record<string, unknown>;

function pageHarness(page: Record<string, unknown>) {
  const harness = createHarness({
    'app.js': () => undefined,
    'pages/index/index.js': ({ Page }) => (Page as (options: object) => void)(page),
    'pages/other/other.js': ({ Page }) => (Page as (options: object) => void)({}),
  });
  harness.runtime.start();
  return harness;
}

const tap = { type: 'tap', timeStamp: 1, target: { id: '', tagName: 'view', dataset: {} }, currentTarget: { id: '', tagName: 'view', dataset: {} }, detail: {} };

describe('page mixins', () => {
  it('data: the page over its mixins, later mixins over earlier, a mixin over the mixins it uses; methods likewise, the page own members first', () => {
    const nested = createMixin({ data: { a: 'nested', b: 'nested', shared: { n: 1 } }, methods: { which: () => 'nested', onlyNested: () => 'nested' } });
    const first = createMixin({ mixins: [nested], data: { b: 'first', c: 'first' }, methods: { which: () => 'first', label: () => 'first' } });
    const second = createMixin({ data: () => ({ c: 'second', d: 'second' }), methods: { label: () => 'second' } });
    let self: PageThis | undefined;
    const harness = pageHarness({
      mixins: [first, second],
      data: { d: 'page' },
      label: () => 'page',
      onLoad(this: PageThis) {
        self = this;
      },
    });
    expect(harness.take('init')).toEqual([{ t: 'init', instanceId: 1, data: { a: 'nested', b: 'first', c: 'second', d: 'page', shared: { n: 1 } } }]);
    expect([self?.which, self?.label, self?.onlyNested].map((method) => (method as () => string)())).toEqual(['first', 'page', 'nested']);
    expect((harness.globals().my as { canIUse(name: string): boolean }).canIUse('page.mixins')).toBe(true);
    expect(harness.warnings).toEqual([]);
  });

  it('a mixin method handles a view event with the page as this', () => {
    const got: unknown[] = [];
    const counter = createMixin({ data: { count: 0 }, methods: { add(this: PageThis) { this.setData({ count: (this.data.count as number) + 1 }); got.push(this.route, this.data.count); } } });
    const harness = pageHarness({ mixins: [counter] });
    harness.send({ t: 'event', instanceId: 1, handler: 'add', event: tap });
    harness.send({ t: 'event', instanceId: 1, handler: 'add', event: tap });
    expect(got).toEqual(['pages/index/index', 1, 'pages/index/index', 2]);
  });

  it('observers (with the page options.observers: true): mixins first, a used mixin before its user, each Mixin() once however often it is used', async () => {
    const log: string[] = [];
    const nested = createMixin({ observers: { n: () => log.push('nested') } });
    const first = createMixin({ mixins: [nested], observers: { n: () => log.push('first') } });
    const second = createMixin({ mixins: [nested], observers: { 'n, m': () => log.push('second') } });
    let self: PageThis | undefined;
    pageHarness({ mixins: [first, second], options: { observers: true }, observers: { n: () => log.push('page') }, onLoad(this: PageThis) { self = this; } });
    self?.setData({ n: 1 });
    await Promise.resolve();
    self?.setData({ m: 1 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(log).toEqual(['nested', 'first', 'second', 'page', 'second']);
  });

  it('rootEvents are the page events: after the page hook, mixins in run order before the page own events, with the page as this', async () => {
    const log: string[] = [];
    const nested = createMixin({ rootEvents: { onShow(this: PageThis) { log.push(`nested onShow ${this.route}`); }, onPullDownRefresh: (arg: { from: string }) => log.push(`nested pull ${arg.from}`) } });
    const mixin = createMixin({ mixins: [nested], rootEvents: { onLoad: (query: unknown) => log.push(`mixin onLoad ${JSON.stringify(query)}`), onPullDownRefresh: () => log.push('mixin pull'), onUnload: () => log.push('mixin onUnload') } });
    const harness = pageHarness({
      mixins: [mixin],
      onLoad: () => log.push('page onLoad'),
      onShow: () => log.push('page onShow'),
      onPullDownRefresh: () => log.push('page pull'),
      events: { onPullDownRefresh: () => log.push('page events pull') },
    });
    harness.send({ t: 'page-event', pageId: 1, name: 'onPullDownRefresh' });
    await (harness.globals().my as { redirectTo(options: object): Promise<unknown> }).redirectTo({ url: '/pages/other/other' });
    expect(log).toEqual([
      'page onLoad',
      'mixin onLoad {}',
      'page onShow',
      'nested onShow pages/index/index',
      'page pull',
      'nested pull manual',
      'mixin pull',
      'page events pull',
      'mixin onUnload',
    ]);
  });

  it('ignores plain-object mixins and the component-only segments, with one warning each however often the page opens', async () => {
    const log: string[] = [];
    const plain = { data: { plain: true }, methods: { fromPlain: () => 'plain' } };
    const componentOnly = createMixin({ data: { kept: true }, props: { p: 1 }, didMount: () => log.push('didMount'), onInit: () => log.push('onInit'), onShow: () => log.push('top-level onShow') });
    let self: PageThis | undefined;
    const harness = pageHarness({ mixins: [plain, componentOnly], onLoad(this: PageThis) { self = this; } });
    expect(harness.take('init')[0]?.data).toEqual({ kept: true });
    expect(self?.fromPlain).toBeUndefined();
    expect(log).toEqual([]);
    const my = harness.globals().my as { navigateTo(options: object): Promise<unknown> };
    await my.navigateTo({ url: '/pages/index/index' });
    expect(harness.warnings).toEqual([
      'pages/index/index: a page takes only mixins made by Mixin() (Mixin.md); a plain object in mixins is ignored',
      'pages/index/index: a page ignores these fields of its mixins: props, didMount, onInit, onShow (page hooks of a mixin go in rootEvents)',
    ]);
  });
});
