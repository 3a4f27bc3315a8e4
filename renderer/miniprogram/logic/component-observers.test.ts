// Component and page `observers`, component `lifetimes` (docs/miniprogram-runtime.md#observers-and-lifetimes).
/* eslint-disable @typescript-eslint/no-this-alias -- the tests keep the instance the runtime made, to act on it from outside */
import { describe, expect, it } from 'vitest';
import type { Json } from '../../../shared/json';
import { cardProjectHarness, type Harness } from './test-support/logic-harness';

type ComponentThis = { data: Record<string, unknown>; props: Record<string, unknown>; setData(changes: object): void; $spliceData(changes: object): void };

function create(harness: Harness, props: Record<string, Json> = {}): void {
  harness.send({ t: 'component-create', instanceId: 101, parentId: 1, pageId: 1, path: '/components/card/index', props, eventProps: {} });
}

/** A component whose observers log `key:args`; `self` is filled in onInit. */
function observed(log: unknown[], keys: string[], extra: Record<string, unknown> = {}): { harness: Harness; self: () => ComponentThis } {
  let self: ComponentThis | undefined;
  const observers = Object.fromEntries(keys.map((key) => [key, (...args: unknown[]) => log.push([key, ...args])]));
  const harness = cardProjectHarness({
    options: { observers: true },
    observers,
    onInit(this: ComponentThis) {
      self = this;
    },
    ...extra,
  });
  create(harness, { p: 1 });
  harness.send({ t: 'component-mounted', instanceId: 101 });
  return { harness, self: () => self as ComponentThis };
}

describe('component observers', () => {
  it('fire once per setData call, even when the value did not change, with this.data as it is when they run (after the tick); not for initial data', async () => {
    const log: unknown[] = [];
    const { harness, self } = observed(log, ['a, b', 'c'], { data: { a: 1, b: 2, c: 3 } });
    expect(log).toEqual([]);
    self().setData({ a: 1 });
    self().setData({ b: 5, c: 6 });
    await harness.settle();
    expect(log).toEqual([['a, b', 1, 5], ['a, b', 1, 5], ['c', 6]]);
  });

  it('sub-fields: an ancestor or the field itself triggers, a sibling does not; `.**` also takes what lies beneath', async () => {
    const log: unknown[] = [];
    const { harness, self } = observed(log, ['some.sub', 'list[1]', 'deep.**'], { data: { some: { sub: 1, other: 1 }, list: [1, 2], deep: { x: { y: 1 } } } });
    const changes: [string, object][] = [['setData', { 'some.other': 2 }], ['setData', { 'some.sub': 3 }], ['setData', { some: { sub: 4 } }], ['setData', { 'list[1]': 7 }], ['$spliceData', { list: [0, 1] }], ['setData', { 'deep.x.y': 2 }]];
    for (const [method, change] of changes) {
      (method === 'setData' ? self().setData : self().$spliceData)(change);
      await harness.settle();
    }
    expect(log).toEqual([['some.sub', 3], ['some.sub', 4], ['list[1]', 7], ['list[1]', undefined], ['deep.**', { x: { y: 2 } }]]);
  });

  it('`**` fires on every setData and props change with {...props, ...data}', async () => {
    const log: unknown[] = [];
    const { harness, self } = observed(log, ['**'], { data: { d: 1 } });
    self().setData({ d: 2 });
    await harness.settle();
    harness.send({ t: 'component-props', instanceId: 101, props: { p: 2 }, eventProps: {} });
    expect(log).toEqual([['**', { p: 1, d: 2 }], ['**', { p: 2, d: 2 }]]);
  });

  it('props: a changed prop fires after deriveDataFromProps; an unchanged one, or one the data also holds, does not', () => {
    const log: unknown[] = [];
    const { harness } = observed(log, ['p', 'q', 'same'], { data: { same: 0 }, deriveDataFromProps: (next: Record<string, unknown>) => log.push(['derive', next.p]) });
    log.length = 0;
    harness.send({ t: 'component-props', instanceId: 101, props: { p: 2, same: 9 }, eventProps: {} });
    harness.send({ t: 'component-props', instanceId: 101, props: { p: 2, same: 8 }, eventProps: {} });
    expect(log).toEqual([['derive', 2], ['p', 2], ['derive', 2]]);
  });

  it('setData in onInit fires before the first render and an observer setData joins init; setData inside observers keeps checking', async () => {
    let self: ComponentThis | undefined;
    const { harness } = observed([], [], {
      onInit(this: ComponentThis) {
        self = this;
        this.setData({ a: 1, b: 2 });
      },
      observers: {
        'a, b': function (this: ComponentThis, a: number, b: number) {
          this.setData({ sum: a + b });
        },
        sum: function (this: ComponentThis, sum: number) {
          this.setData({ double: sum * 2 });
        },
      },
    });
    expect(harness.take('init').filter((message) => message.instanceId === 101)).toEqual([{ t: 'init', instanceId: 101, data: { a: 1, b: 2, sum: 3, double: 6 } }]);
    self?.setData({ b: 10 });
    await harness.settle();
    expect(harness.take('set-data').map((message) => message.ops.map((op) => op.path.join('.')))).toEqual([['b', 'sum', 'double']]);
    expect(self?.data).toMatchObject({ sum: 11, double: 22 });
  });

  it('are ignored without options.observers: true; one that sets what it observes stops with a warning', async () => {
    const log: unknown[] = [];
    let self: ComponentThis | undefined;
    const harness = cardProjectHarness({ observers: { a: () => log.push('off') }, onInit(this: ComponentThis) { self = this; } });
    create(harness);
    self?.setData({ a: 1 });
    await harness.settle();
    expect(log).toEqual([]);
    const looping = observed(log, [], { observers: { n: function (this: ComponentThis, n: number) { this.setData({ n: n + 1 }); } } });
    looping.self().setData({ n: 0 });
    await looping.harness.settle();
    expect(looping.self().data.n).toBe(100);
    expect(looping.harness.warnings.some((warning) => warning.includes('observers kept changing the data they observe'))).toBe(true);
  });

  it('my.canIUse("component.observers") is true, so the documented compatibility wrapper switches them on', () => {
    const { harness } = observed([], []);
    expect((harness.globals().my as { canIUse(name: string): boolean }).canIUse('component.observers')).toBe(true);
  });
});

type PageThis = { data: Record<string, unknown>; setData(changes: object): void };

/** A project of one page with `page`'s options; `self` is the page's `this` once onLoad ran. */
function observedPage(page: Record<string, unknown>): { harness: Harness; self: () => PageThis } {
  let self: PageThis | undefined;
  const onLoad = page.onLoad as ((this: PageThis) => void) | undefined;
  const harness = cardProjectHarness({}, {
    ...page,
    onLoad(this: PageThis) {
      self = this;
      onLoad?.call(this);
    },
  });
  return { harness, self: () => self as PageThis };
}

describe('page observers (the same implementation)', () => {
  it('with options.observers: setData in onLoad fires before init and the observer setData rides in it; later ones join the same set-data', async () => {
    const log: unknown[] = [];
    const { harness, self } = observedPage({
      options: { observers: true },
      data: { a: 1, b: 2, other: 0 },
      onLoad(this: PageThis) {
        this.setData({ a: 3 });
      },
      observers: {
        'a, b': function (this: PageThis, a: number, b: number) {
          log.push(['a, b', a, b]);
          this.setData({ sum: a + b });
        },
        'list[0].**': (first: unknown) => log.push(['list[0].**', first]),
      },
    });
    expect(harness.take('init').filter((message) => message.instanceId === 1)).toEqual([{ t: 'init', instanceId: 1, data: { a: 3, b: 2, other: 0, sum: 5 } }]);
    self().setData({ b: 2 });
    self().setData({ other: 1, 'list[0].x': 7 });
    await harness.settle();
    expect(log).toEqual([['a, b', 3, 2], ['a, b', 3, 2], ['list[0].**', { x: 7 }]]);
    expect(harness.take('set-data').map((message) => message.ops.map((op) => op.path.join('.')))).toEqual([['b', 'other', 'list.0.x', 'sum']]);
  });

  it('`**` gets {...this.data}; initial data is no change; without options.observers: true nothing runs', async () => {
    const log: unknown[] = [];
    const { harness, self } = observedPage({ options: { observers: true }, data: { n: 1 }, observers: { '**': (all: unknown) => log.push(all) } });
    expect(log).toEqual([]);
    self().setData({ n: 2 });
    await harness.settle();
    expect(log).toEqual([{ n: 2 }]);
    const off = observedPage({ observers: { n: () => log.push('off') } });
    off.self().setData({ n: 5 });
    await off.harness.settle();
    expect(log).toEqual([{ n: 2 }]);
  });

  it('an observer that throws goes to App.onError as other page code does; the rest still run', async () => {
    const log: unknown[] = [];
    const { harness, self } = observedPage({
      options: { observers: true },
      observers: {
        n: () => {
          throw new Error('observer broke');
        },
        'n, m': (n: unknown) => log.push(n),
      },
    });
    self().setData({ n: 1 });
    await harness.settle();
    expect(log).toEqual([1]);
    expect(harness.take('problem').map((message) => message.problem.message)).toEqual(['Error: observer broke']);
  });
});

describe('component lifetimes', () => {
  it('with options.lifetimes: created → onInit → deriveDataFromProps → attached → didMount → ready; didUnmount → detached; mixins first', () => {
    const log: string[] = [];
    const mixin = { lifetimes: { attached: () => log.push('mixin.attached') } };
    const harness = cardProjectHarness({
      mixins: [mixin],
      options: { lifetimes: true },
      lifetimes: { created: () => log.push('created'), attached: () => log.push('attached'), ready: () => log.push('ready'), detached: () => log.push('detached') },
      onInit: () => log.push('onInit'),
      deriveDataFromProps: () => log.push('derive'),
      didMount: () => log.push('didMount'),
      didUnmount: () => log.push('didUnmount'),
    });
    create(harness);
    harness.send({ t: 'component-mounted', instanceId: 101 });
    harness.send({ t: 'component-unmount', instanceId: 101 });
    expect(log).toEqual(['created', 'onInit', 'derive', 'mixin.attached', 'attached', 'didMount', 'ready', 'didUnmount', 'detached']);
  });

  it('without options.lifetimes the lifetimes object is not called', () => {
    const log: string[] = [];
    const harness = cardProjectHarness({ lifetimes: { created: () => log.push('created'), attached: () => log.push('attached') }, didMount: () => log.push('didMount') });
    create(harness);
    harness.send({ t: 'component-mounted', instanceId: 101 });
    expect(log).toEqual(['didMount']);
  });
});
