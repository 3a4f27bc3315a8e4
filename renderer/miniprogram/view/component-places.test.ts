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

  it('components without relations report nothing and render no marker', async () => {
    const page = mountFields([]);
    await page.openPage('pages/p/p', { rows: rows('ab'), first: true });
    expect(page.sent.filter((message) => message.t === 'component-order')).toEqual([]);
    expect([...page.container.querySelectorAll('.row')].map((row) => row.childNodes.length)).toEqual([1, 1]);
  });
});
