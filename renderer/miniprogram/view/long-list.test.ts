// @vitest-environment jsdom
// Long a:for lists mount in slices (list-slices.ts): the first render shows a prefix, later tasks add the rest in
// order, and what promises a finished render (`page-ready`, setData's `rendered`) waits for the last row.
import { afterEach, describe, expect, it } from 'vitest';
import { compileSources } from '../../../main/miniprogram/test-support/compile-sources';
import { FIRST_SLICE, SLICE_BUDGET_MS, nextSliceSize, whenListsMounted } from './list-slices';
import { mountView, type MountedView } from './test-support/mount-view';

afterEach(() => {
  document.body.innerHTML = '';
});

const ROWS = 1000;
const list = Array.from({ length: ROWS }, (_, index) => ({ id: index, name: `n${index}` }));
const rowTexts = (): string[] => [...document.querySelectorAll('.row')].map((row) => row.textContent ?? '');
/** Lets Preact's queued render (a microtask) run, without giving a slice (a new task) a chance. */
const microtasks = async (): Promise<void> => {
  for (let round = 0; round < 5; round += 1) await Promise.resolve();
};

function startPage(): MountedView {
  const compiled = compileSources({ '/pages/p/p.axml': '<view a:for="{{list}}" a:key="id" class="row">{{item.name}}</view>' });
  expect(compiled.problems).toEqual([]);
  const page = mountView({ scripts: compiled.scripts, pages: [{ route: 'pages/p/p' }] });
  page.send({ t: 'stack', pages: [{ pageId: 1, route: 'pages/p/p', query: {} }] });
  page.send({ t: 'init', instanceId: 1, data: { list } });
  return page;
}

describe('long a:for lists', () => {
  it('mount a prefix in the first render, the rest in later tasks, and send page-ready after the last row', async () => {
    const page = startPage();
    await microtasks();
    expect(rowTexts()).toEqual(list.slice(0, FIRST_SLICE).map((row) => row.name));
    expect(page.sent.some((message) => message.t === 'page-ready')).toBe(false);
    await new Promise<void>((resolve) => whenListsMounted(resolve));
    expect(rowTexts()).toEqual(list.map((row) => row.name));
    await page.settle();
    expect(page.sent.filter((message) => message.t === 'page-ready')).toEqual([{ t: 'page-ready', pageId: 1 }]);
  });

  it('a setData while rows are still mounting reaches mounted and unmounted rows; its rendered waits for every row', async () => {
    const page = startPage();
    await microtasks();
    const rowsWhenAcknowledged: number[] = [];
    const post = page.view.post.bind(page.view);
    page.view.post = (message) => {
      if (message.t === 'rendered') rowsWhenAcknowledged.push(document.querySelectorAll('.row').length);
      post(message);
    };
    page.send({ t: 'set-data', instanceId: 1, ops: [{ op: 'set', path: ['list', 10, 'name'], value: 'ten' }, { op: 'set', path: ['list', 900, 'name'], value: 'nine hundred' }], callbackId: 7 });
    await microtasks();
    expect(document.querySelectorAll('.row').length).toBeLessThan(ROWS);
    await page.settle();
    expect(page.sent).toContainEqual({ t: 'rendered', callbackIds: [7] });
    expect(rowsWhenAcknowledged).toEqual([ROWS]);
    const texts = rowTexts();
    expect([texts[10], texts[900], texts[999]]).toEqual(['ten', 'nine hundred', 'n999']);
  });

  it('a list replaced by a short one while mounting, or a page unloaded while mounting, leaves nothing waiting', async () => {
    const page = startPage();
    await microtasks();
    page.send({ t: 'set-data', instanceId: 1, ops: [{ op: 'set', path: ['list'], value: [{ id: 'a', name: 'A' }] }], callbackId: 1 });
    await page.settle();
    expect(rowTexts()).toEqual(['A']);
    expect(page.sent).toContainEqual({ t: 'rendered', callbackIds: [1] });

    page.send({ t: 'set-data', instanceId: 1, ops: [{ op: 'set', path: ['list'], value: list }] });
    await microtasks();
    page.send({ t: 'unload', pageIds: [1] });
    await microtasks();
    let mounted = false;
    whenListsMounted(() => (mounted = true));
    expect(mounted).toBe(true);
    expect(document.querySelectorAll('.row').length).toBe(0);
  });

  it('sizes the next slice from the time the last one took per item, within bounds', () => {
    expect(nextSliceSize(SLICE_BUDGET_MS, 100)).toBe(100);
    expect(nextSliceSize(SLICE_BUDGET_MS * 2, 100)).toBe(50);
    expect(nextSliceSize(1000, 10)).toBe(5);
    expect(nextSliceSize(0, 10)).toBe(200);
    expect(nextSliceSize(SLICE_BUDGET_MS, 1000)).toBe(200);
  });
});
