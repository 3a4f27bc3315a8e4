// @vitest-environment jsdom
// Components with relations report their place on the page (docs/miniprogram-runtime.md#relations):
// `component-order` after a render that added or moved one, so getRelationNodes follows the screen.
import { afterEach, describe, expect, it } from 'vitest';
import type { ViewToLogic } from '../../../shared/miniprogram/view-logic-protocol';
import { compileSources } from '../../../main/miniprogram/test-support/compile-sources';
import { mountView } from './test-support/mount-view';

afterEach(() => {
  document.body.innerHTML = '';
});

const FIELD = '/components/field/index';
const PAGE = '<field a:if="{{first}}" title="first"/><view class="row" a:for="{{rows}}" a:key="id"><field title="{{item.id}}"/></view>';

function mountFields(ordered: readonly string[]) {
  const compiled = compileSources({ '/pages/p/p.axml': PAGE, [`${FIELD}.axml`]: '<text class="field">{{title}}</text>' });
  expect(compiled.problems).toEqual([]);
  return mountView({
    scripts: compiled.scripts,
    pages: [{ route: 'pages/p/p', usingComponents: { field: FIELD } }],
    components: [{ path: FIELD, usingComponents: {} }],
    ordered,
  });
}

/** The titles of the last `component-order` sent, or undefined when none was. */
function lastOrder(sent: ViewToLogic[]): string[] | undefined {
  const titles = new Map<number, string>();
  let order: number[] | undefined;
  for (const message of sent) {
    if (message.t === 'component-create') titles.set(message.instanceId, String(message.props.title));
    if (message.t === 'component-order') order = message.instanceIds;
  }
  return order?.map((instanceId) => titles.get(instanceId) ?? '?');
}

const rows = (ids: string) => [...ids].map((id) => ({ id }));

/** The index in `sent` of the component-create that matches, and its instance id. */
function creation(sent: ViewToLogic[], matches: (create: Extract<ViewToLogic, { t: 'component-create' }>) => boolean): { index: number; instanceId: number } {
  const index = sent.findIndex((message) => message.t === 'component-create' && matches(message));
  const found = sent[index];
  return { index, instanceId: found?.t === 'component-create' ? found.instanceId : -1 };
}

/** The instance ids of the last component-order sent before index `end`. */
function orderBefore(sent: ViewToLogic[], end: number): number[] {
  const last = sent.slice(0, end).filter((message) => message.t === 'component-order').at(-1);
  return last?.t === 'component-order' ? last.instanceIds : [];
}

describe('component places', () => {
  it('follows a keyed move and a component an a:if brings back before the others; leaves no element behind', async () => {
    const page = mountFields([FIELD]);
    await page.openPage('pages/p/p', { rows: rows('abc'), first: false });
    expect(lastOrder(page.sent)).toEqual(['a', 'b', 'c']);
    const update = async (data: Record<string, unknown>): Promise<void> => {
      page.send({ t: 'set-data', instanceId: 1, ops: Object.entries(data).map(([key, value]) => ({ op: 'set', path: [key], value: value as never })) });
      await page.settle();
    };
    const beforeMove = page.sent.length;
    await update({ rows: rows('cab') });
    expect(lastOrder(page.sent)).toEqual(['c', 'a', 'b']);
    // The new order reaches the logic before the move, so linkChanged's getRelationNodes sees it.
    expect(page.sent.slice(beforeMove).map((message) => message.t).filter((t) => t === 'component-order' || t === 'component-moved')).toEqual(['component-order', 'component-moved']);
    await update({ first: true });
    expect(lastOrder(page.sent)).toEqual(['first', 'c', 'a', 'b']);
    await update({ rows: rows('bd') });
    expect(lastOrder(page.sent)).toEqual(['first', 'b', 'd']);
    expect(page.container.querySelector('mp-place')).toBeNull();
    expect([...page.container.querySelectorAll('.row')].map((row) => `${row.childNodes.length}:${row.textContent}`)).toEqual(['2:b', '2:d']);
    expect(page.container.querySelector('.row .field:first-child')).not.toBeNull();
  });

  it('a component created inside one with relations: the page\'s order, with its place, goes before its component-create', async () => {
    const FORM = '/components/form/index';
    const compiled = compileSources({
      '/pages/p/p.axml': '<form><field a:if="{{first}}" title="first"/><field a:for="{{rows}}" a:key="id" title="{{item.id}}"/></form><field title="outside"/>',
      [`${FORM}.axml`]: '<view class="form"><slot/></view>',
      [`${FIELD}.axml`]: '<text class="field">{{title}}</text>',
    });
    expect(compiled.problems).toEqual([]);
    const page = mountView({
      scripts: compiled.scripts,
      pages: [{ route: 'pages/p/p', usingComponents: { form: FORM, field: FIELD } }],
      components: [{ path: FORM, usingComponents: { field: FIELD } }, { path: FIELD, usingComponents: {} }],
      ordered: [FORM, FIELD],
    });
    await page.openPage('pages/p/p', { rows: rows('ab'), first: false });
    page.send({ t: 'set-data', instanceId: 1, ops: [{ op: 'set', path: ['first'], value: true }] });
    await page.settle();
    // What the logic knows when it creates `first` (and runs linked): the last order before it.
    const created = creation(page.sent, (create) => create.props.title === 'first');
    const titles = new Map(page.sent.flatMap((message) => (message.t === 'component-create' ? [[message.instanceId, String(message.props.title ?? 'form')] as const] : [])));
    expect(orderBefore(page.sent, created.index).map((id) => titles.get(id))).toEqual(['form', 'first', 'a', 'b', 'outside']);
    expect(page.container.querySelector('mp-place')).toBeNull();
    expect([...page.container.querySelectorAll('.field')].map((field) => field.textContent)).toEqual(['first', 'a', 'b', 'outside']);
  });

  it('a component without relations inside one with them is placed before its init only: its init takes the marker away', async () => {
    const FORM = '/components/form/index';
    const compiled = compileSources({ '/pages/p/p.axml': '<form><field a:if="{{more}}" title="y"/><field title="x"/></form>', [`${FORM}.axml`]: '<view class="form"><slot/></view>', [`${FIELD}.axml`]: '<text class="field">{{title}}</text>' });
    const page = mountView({ scripts: compiled.scripts, pages: [{ route: 'pages/p/p', usingComponents: { form: FORM, field: FIELD } }], components: [{ path: FORM, usingComponents: {} }, { path: FIELD, usingComponents: {} }], ordered: [FORM] });
    await page.openPage('pages/p/p', { more: false });
    expect(page.container.querySelector('.form')?.childNodes.length).toBe(1);
    page.send({ t: 'set-data', instanceId: 1, ops: [{ op: 'set', path: ['more'], value: true }] });
    await page.settle();
    const created = creation(page.sent, (create) => create.props.title === 'y');
    expect(orderBefore(page.sent, created.index)).toEqual([creation(page.sent, (create) => create.path === FORM).instanceId, created.instanceId]);
    expect([...page.container.querySelector('.form')?.childNodes ?? []].map((node) => node.textContent)).toEqual(['y', 'x']);
  });

  it('components without relations report nothing and render no marker', async () => {
    const page = mountFields([]);
    await page.openPage('pages/p/p', { rows: rows('ab'), first: true });
    expect(page.sent.filter((message) => message.t === 'component-order')).toEqual([]);
    expect([...page.container.querySelectorAll('.row')].map((row) => row.childNodes.length)).toEqual([1, 1]);
  });
});
