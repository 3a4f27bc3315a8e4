// setData / $spliceData / $batchedUpdates of pages (docs/miniprogram-runtime.md#references §3.4, §3.5), events and query parsing.
/* eslint-disable @typescript-eslint/no-this-alias -- the tests keep the instance the runtime made, to act on it from outside */
import { describe, expect, it } from 'vitest';
import { createHarness, type TestModule } from './test-support/logic-harness';

type PageThis = {
  data: Record<string, unknown>;
  setData(changes: object, callback?: () => void): void;
  $spliceData(changes: object, callback?: () => void): void;
  $batchedUpdates(run: () => void): void;
};

function project(page: Record<string, unknown>, extra: Record<string, TestModule> = {}) {
  return { 'app.js': () => undefined, 'pages/index/index.js': (({ Page }) => (Page as (options: object) => void)(page)) as TestModule, ...extra };
}

describe('page data', () => {
  it('sends data in init after onLoad, folding changes made in onLoad; this.data changes at once', () => {
    const seen: unknown[] = [];
    const harness = createHarness(
      project({
        data: { count: 0, list: [{ text: 'a' }] },
        onLoad(this: PageThis, query: unknown) {
          seen.push(query);
          this.setData({ count: 1, 'list[0].text': 'b', 'newField.text': 'c' });
          seen.push(this.data.count);
        },
      }),
    );
    harness.runtime.start();
    expect(harness.take('init')).toEqual([{ t: 'init', instanceId: 1, data: { count: 1, list: [{ text: 'b' }], newField: { text: 'c' } } }]);
    expect(seen).toEqual([{}, 1]);
  });

  it('sends the changes of one tick as one set-data; callbacks run after the rendered ack', async () => {
    const calls: string[] = [];
    let self: PageThis | undefined;
    const harness = createHarness(project({ data: { n: 0, l: [1, 2, 3, 4] }, onLoad(this: PageThis) { self = this; } }));
    harness.runtime.start();
    harness.sent.length = 0;
    self?.setData({ n: self.data.n as number + 1 }, () => calls.push('first'));
    self?.setData({ n: (self.data.n as number) + 1 });
    self?.$spliceData({ l: [1, 0, 5, 6] }, () => calls.push('second'));
    expect(self?.data).toEqual({ n: 2, l: [1, 5, 6, 2, 3, 4] });
    await harness.settle();
    const [update] = harness.take('set-data');
    expect(update?.ops).toEqual([
      { op: 'set', path: ['n'], value: 1 },
      { op: 'set', path: ['n'], value: 2 },
      { op: 'splice', path: ['l'], start: 1, deleteCount: 0, items: [5, 6] },
    ]);
    expect(calls).toEqual([]);
    harness.send({ t: 'rendered', callbackIds: [update?.callbackId ?? -1] });
    expect(calls).toEqual(['first', 'second']);
  });

  it('$batchedUpdates merges the setData calls made inside it; this.data adds up', async () => {
    let self: PageThis | undefined;
    const harness = createHarness(project({ data: { counter: 0 }, onLoad(this: PageThis) { self = this; } }));
    harness.runtime.start();
    harness.sent.length = 0;
    self?.$batchedUpdates(() => {
      self?.setData({ counter: (self.data.counter as number) + 1 });
      self?.setData({ counter: (self.data.counter as number) + 1 });
    });
    await harness.settle();
    expect(harness.take('set-data')).toHaveLength(1);
    expect(self?.data.counter).toBe(2);
  });

  it('ignores setData after onUnload', async () => {
    let self: PageThis | undefined;
    const files = project({ onLoad(this: PageThis) { self = this; } }, { 'pages/b/b.js': ({ Page }) => (Page as (options: object) => void)({}) });
    const harness = createHarness(files);
    harness.runtime.start();
    const my = harness.globals().my as { redirectTo(options: object): Promise<unknown> };
    await my.redirectTo({ url: '/pages/b/b' });
    harness.sent.length = 0;
    self?.setData({ late: 1 });
    await harness.settle();
    expect(harness.take('set-data')).toEqual([]);
  });

  it('warns once per key and skips undefined values (the key is not set, as on a phone); keeps data shared between instances only through nested objects', () => {
    const nested = { hits: 0 };
    let self: PageThis | undefined;
    const harness = createHarness(project({ data: { nested, kept: 1 }, onLoad(this: PageThis) { self = this; this.setData({ gone: undefined, kept: undefined }); this.setData({ gone: undefined }); } }));
    harness.runtime.start();
    expect(harness.warnings.filter((warning) => warning.includes('"gone" was set to undefined'))).toHaveLength(1);
    expect(harness.warnings.filter((warning) => warning.includes('"kept" was set to undefined'))).toHaveLength(1);
    expect(self?.data).not.toHaveProperty('gone');
    expect(self?.data.kept).toBe(1);
    expect(self?.data.nested).toBe(nested);
  });

  it('calls data() per instance and passes the entry query to onLoad', () => {
    const queries: unknown[] = [];
    const harness = createHarness(project({ data: () => ({ fresh: true }), onLoad: (query: unknown) => queries.push(query) }));
    harness.runtime.start();
    expect(harness.take('init')[0]?.data).toEqual({ fresh: true });
    const entered = createHarness(project({ onLoad: (query: unknown) => queries.push(query) }), { entry: { route: 'pages/index/index', query: { a: '1' } } });
    entered.runtime.start();
    expect(queries).toEqual([{}, { a: '1' }]);
  });
});

describe('events', () => {
  it('dispatches a view event to the page handler by name, with the page as this', () => {
    const got: unknown[] = [];
    const harness = createHarness(project({ add(this: PageThis, event: { detail: unknown }) { got.push(event.detail, this.data.n); }, data: { n: 7 } }));
    harness.runtime.start();
    const event = { type: 'tap', timeStamp: 1, target: { id: '', tagName: 'view', dataset: {} }, currentTarget: { id: '', tagName: 'view', dataset: {} }, detail: { x: 1 } };
    harness.send({ t: 'event', instanceId: 1, handler: 'add', event });
    expect(got).toEqual([{ x: 1 }, 7]);
    harness.sent.length = 0;
    harness.send({ t: 'event', instanceId: 1, handler: 'missing', event });
    expect(harness.take('problem')[0]?.problem.message).toBe('can not find event handle method "missing"');
  });

  it('page events call the hooks; onPullDownRefresh gets {from: "manual"}; events.* runs too', () => {
    const got: unknown[] = [];
    const harness = createHarness(
      project({
        onPullDownRefresh: (arg: unknown) => got.push(['top', arg]),
        onReachBottom: () => got.push('bottom'),
        events: { onPullDownRefresh: (arg: unknown) => got.push(['events', arg]) },
      }),
    );
    harness.runtime.start();
    harness.send({ t: 'page-event', pageId: 1, name: 'onPullDownRefresh' });
    harness.send({ t: 'page-event', pageId: 1, name: 'onReachBottom' });
    expect(got).toEqual([['top', { from: 'manual' }], ['events', { from: 'manual' }], 'bottom']);
  });
});
