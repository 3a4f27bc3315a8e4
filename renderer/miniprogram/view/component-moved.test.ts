// @vitest-environment jsdom
// `moved` (docs/miniprogram-runtime.md#moved): a keyed a:for reorder tells the logic which components it moved.
import { afterEach, describe, expect, it } from 'vitest';
import type { ViewToLogic } from '../../../shared/miniprogram/view-logic-protocol';
import { compileSources } from '../../../main/miniprogram/test-support/compile-sources';
import { mountView } from './test-support/mount-view';

afterEach(() => {
  document.body.innerHTML = '';
});

const CARD = '/components/card/index';
const BADGE = '/components/badge/index';

function mountList(pageAxml: string) {
  const compiled = compileSources({
    '/pages/p/p.axml': pageAxml,
    [`${CARD}.axml`]: '<view class="card">{{title}}<badge/></view>',
    [`${BADGE}.axml`]: '<text>b</text>',
  });
  expect(compiled.problems).toEqual([]);
  return mountView({
    scripts: compiled.scripts,
    pages: [{ route: 'pages/p/p', usingComponents: { card: CARD } }],
    components: [{ path: CARD, usingComponents: { badge: BADGE } }, { path: BADGE, usingComponents: {} }],
  });
}

/** The card titles and the badges (by card title) that a message list reports moved. */
function movedOf(sent: ViewToLogic[]): string[] {
  const described = new Map<number, string>();
  for (const message of sent) {
    if (message.t !== 'component-create') continue;
    const title = message.props.title;
    described.set(message.instanceId, typeof title === 'string' ? title : `badge of ${described.get(message.parentId) ?? '?'}`);
  }
  return sent.flatMap((message) => (message.t === 'component-moved' ? [described.get(message.instanceId) ?? '?'] : []));
}

const rows = (ids: string) => [...ids].map((id) => ({ id }));

describe('component-moved', () => {
  it('a keyed reorder reports the components of the moved item (its own AXML included); adds, removals and in-place changes move nothing', async () => {
    const page = mountList('<view a:for="{{rows}}" a:key="id"><card title="{{item.id}}"/></view>');
    await page.openPage('pages/p/p', { rows: rows('abcd') });
    const reorder = async (ids: string): Promise<string[]> => {
      const before = page.sent.length;
      page.send({ t: 'set-data', instanceId: 1, ops: [{ op: 'set', path: ['rows'], value: rows(ids) }] });
      await page.settle();
      return movedOf(page.sent).slice(movedOf(page.sent.slice(0, before)).length);
    };
    expect(await reorder('dabc')).toEqual(['d', 'badge of d']);
    expect([...page.container.querySelectorAll('.card')].map((card) => card.textContent)).toEqual(['db', 'ab', 'bb', 'cb']);
    expect(await reorder('dabce')).toEqual([]);
    expect(await reorder('abce')).toEqual([]);
    expect(await reorder('abce')).toEqual([]);
    expect(await reorder('bcea')).toEqual(['a', 'badge of a']);
  });

  it('a list nested in a moved item hears the move too', async () => {
    const page = mountList('<view a:for="{{groups}}" a:key="id"><card title="{{item.id}}"/><view a:for="{{item.rows}}" a:for-item="row" a:key="id"><card title="{{item.id}}{{row.id}}"/></view></view>');
    await page.openPage('pages/p/p', { groups: [{ id: 'x', rows: rows('12') }, { id: 'y', rows: rows('3') }] });
    page.send({ t: 'set-data', instanceId: 1, ops: [{ op: 'set', path: ['groups'], value: [{ id: 'y', rows: rows('3') }, { id: 'x', rows: rows('12') }] }] });
    await page.settle();
    expect(movedOf(page.sent).sort()).toEqual(['badge of y', 'badge of y3', 'y', 'y3']);
  });

  it('an unkeyed list keeps its components in place: no moves', async () => {
    const page = mountList('<view a:for="{{rows}}"><card title="{{item.id}}"/></view>');
    await page.openPage('pages/p/p', { rows: rows('abc') });
    page.send({ t: 'set-data', instanceId: 1, ops: [{ op: 'set', path: ['rows'], value: rows('cab') }] });
    await page.settle();
    expect(page.sent.filter((message) => message.t === 'component-moved')).toEqual([]);
  });
});
