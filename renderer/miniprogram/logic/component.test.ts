// Custom components (docs/miniprogram-runtime.md#references §4.3–§4.5): props, events to the parent, mixins, lifecycle order.
/* eslint-disable @typescript-eslint/no-this-alias -- the tests keep the instance the runtime made, to act on it from outside */
import { describe, expect, it } from 'vitest';
import type { Json } from '../../../shared/json';
import { createMixin } from './mixins';
import { cardProjectHarness, createHarness, type Harness, type TestModule } from './test-support/logic-harness';

type ComponentThis = {
  data: Record<string, unknown>;
  props: Record<string, unknown>;
  is: string;
  $id: number;
  $page: unknown;
  setData(changes: object, callback?: () => void): void;
};

function create(harness: Harness, props: Record<string, Json> = {}, eventProps: Record<string, string> = {}, instanceId = 101): void {
  harness.send({ t: 'component-create', instanceId, parentId: 1, pageId: 1, path: '/components/card/index', props, eventProps });
}

describe('components', () => {
  it('creation: onInit → deriveDataFromProps → init → didMount; props = defaults + given + undeclared', () => {
    const log: string[] = [];
    let self: ComponentThis | undefined;
    const harness = cardProjectHarness({
      props: { title: 'default', size: 1, onPick: () => undefined },
      data: { local: 1 },
      onInit(this: ComponentThis) {
        self = this;
        log.push('onInit');
      },
      deriveDataFromProps(this: ComponentThis, next: Record<string, unknown>) {
        log.push(`derive:${String(next.title)}`);
        this.setData({ fromProps: next.title });
      },
      didMount: () => log.push('didMount'),
    });
    harness.sent.length = 0;
    create(harness, { title: 'given', extra: true });
    expect(log).toEqual(['onInit', 'derive:given']);
    // The view reads declared defaults where the tag has no attribute; a function default stays in the logic.
    expect(harness.take('init')).toEqual([{ t: 'init', instanceId: 101, data: { local: 1, fromProps: 'given' }, defaultProps: { title: 'default', size: 1 } }]);
    harness.send({ t: 'component-mounted', instanceId: 101 });
    expect(log.at(-1)).toBe('didMount');
    expect(self?.props).toMatchObject({ title: 'given', size: 1, extra: true });
    expect(self?.is).toBe('/components/card/index');
    expect(self?.$id).toBe(101);
    expect(self?.$page).toBeDefined();
  });

  it('update: deriveDataFromProps → (render) → didUpdate(prevProps, prevData), for new props and own setData', async () => {
    const log: unknown[] = [];
    let self: ComponentThis | undefined;
    const harness = cardProjectHarness({
      data: { n: 0 },
      onInit(this: ComponentThis) {
        self = this;
      },
      deriveDataFromProps: (next: Record<string, unknown>) => log.push(['derive', next.v]),
      didUpdate: (prevProps: Record<string, unknown>, prevData: Record<string, unknown>) => log.push(['didUpdate', prevProps.v, prevData.n]),
    });
    create(harness, { v: 1 });
    harness.send({ t: 'component-mounted', instanceId: 101 });
    log.length = 0;
    harness.send({ t: 'component-props', instanceId: 101, props: { v: 2 }, eventProps: {} });
    harness.send({ t: 'component-updated', instanceId: 101 });
    self?.setData({ n: 5 });
    await harness.settle();
    harness.send({ t: 'component-updated', instanceId: 101 });
    expect(log).toEqual([['derive', 2], ['didUpdate', 1, 0], ['derive', 2], ['didUpdate', 2, 0]]);
  });

  it('onXxx props call the parent handler with the parent as this and exactly the given arguments', () => {
    const got: unknown[] = [];
    let self: ComponentThis | undefined;
    const harness = cardProjectHarness(
      { onInit(this: ComponentThis) { self = this; } },
      { data: { name: 'page' }, handlePlus(this: { data: { name: string } }, ...args: unknown[]) { got.push(this.data.name, ...args); return 'back'; } },
    );
    create(harness, {}, { onCounterPlusOne: 'handlePlus', onMissing: 'nothere' });
    const result = (self?.props.onCounterPlusOne as (...args: unknown[]) => unknown)(1, { a: 2 });
    expect(got).toEqual(['page', 1, { a: 2 }]);
    expect(result).toBe('back');
    (self?.props.onMissing as () => void)();
    expect(harness.warnings.some((warning) => warning.includes('can not find event handle method "nothere"'))).toBe(true);
    expect(self?.props.onOther).toBeUndefined();
  });

  it('component events go only to methods', () => {
    const got: string[] = [];
    const harness = cardProjectHarness({ methods: { tap: () => got.push('method') }, topLevel: () => got.push('top') });
    create(harness);
    const event = { type: 'tap', timeStamp: 1, target: { id: '', tagName: 'view', dataset: {} }, currentTarget: { id: '', tagName: 'view', dataset: {} }, detail: null };
    harness.send({ t: 'event', instanceId: 101, handler: 'tap', event });
    harness.send({ t: 'event', instanceId: 101, handler: 'topLevel', event });
    expect(got).toEqual(['method']);
  });

  it('mixins: hooks run mixins first in order; data/props/methods: component wins, later mixins over earlier; a shared mixin once', () => {
    const log: string[] = [];
    const shared = { didMount: () => log.push('shared'), methods: { which: () => 'shared' } };
    const first = { mixins: [shared], didMount: () => log.push('first'), data: { a: 'first', b: 'first' }, methods: { which: () => 'first' } };
    const second = { mixins: [shared], didMount: () => log.push('second'), data: { b: 'second', c: 'second' }, props: { p: 'second' } };
    let self: ComponentThis | undefined;
    const harness = cardProjectHarness({
      mixins: [first, second],
      data: { c: 'component' },
      props: { p: 'component' },
      onInit(this: ComponentThis) { self = this; },
      didMount: () => log.push('component'),
    });
    create(harness);
    harness.send({ t: 'component-mounted', instanceId: 101 });
    expect(log).toEqual(['shared', 'first', 'second', 'component']);
    expect(self?.data).toEqual({ a: 'first', b: 'second', c: 'component' });
    expect(self?.props.p).toBe('component');
    expect((self as unknown as { which(): string }).which()).toBe('first');
  });

  it('hasMixin: true for a Mixin() instance among its mixins (nested too), false for a plain-object mixin or another Mixin(); hasMixin("ref") when it defines ref()', () => {
    const nested = createMixin({});
    const used = createMixin({ mixins: [nested] });
    const plain = {};
    const other = createMixin({});
    const answers: boolean[][] = [];
    for (const extra of [{}, { ref: () => 'handle' }]) {
      const harness = cardProjectHarness({
        mixins: [used, plain],
        ...extra,
        didMount(this: { hasMixin(value: unknown): boolean }) {
          answers.push([used, nested, plain, other, 'ref', undefined].map((value) => this.hasMixin(value)));
        },
      });
      create(harness);
      harness.send({ t: 'component-mounted', instanceId: 101 });
      expect((harness.globals().my as { canIUse(name: string): boolean }).canIUse('mixin')).toBe(true);
    }
    expect(answers).toEqual([
      [true, true, false, false, false, false],
      [true, true, false, false, true, false],
    ]);
  });

  it('didUnmount on removal and after the page onUnload; setData after unmount warns and is ignored', async () => {
    const log: string[] = [];
    let self: ComponentThis | undefined;
    const files: Record<string, TestModule> = {
      'app.js': () => undefined,
      'pages/index/index.js': ({ Page }) => (Page as (options: object) => void)({ onUnload: () => log.push('page.onUnload') }),
      'pages/next/next.js': ({ Page }) => (Page as (options: object) => void)({}),
      'components/card/index.js': ({ Component }) =>
        (Component as (options: object) => void)({ onInit(this: ComponentThis) { self = this; }, didUnmount(this: ComponentThis) { log.push(`didUnmount ${this.$id}`); } }),
    };
    const harness = createHarness(files);
    harness.runtime.start();
    create(harness, {}, {}, 101);
    create(harness, {}, {}, 102);
    harness.send({ t: 'component-unmount', instanceId: 102 });
    await (harness.globals().my as { redirectTo(options: object): Promise<unknown> }).redirectTo({ url: '/pages/next/next' });
    expect(log).toEqual(['didUnmount 102', 'page.onUnload', 'didUnmount 101']);
    harness.sent.length = 0;
    self?.setData({ x: 1 });
    await harness.settle();
    expect(harness.take('set-data')).toEqual([]);
    expect(harness.warnings.some((warning) => warning.startsWith('setData(...) can only update a mounted component'))).toBe(true);
  });
});
