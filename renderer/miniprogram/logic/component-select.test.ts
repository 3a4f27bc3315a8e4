// $selectComponent / $selectAllComponents, selectOwnerComponent, selectComposedParentComponent
// (docs/miniprogram-runtime.md#references §4.3, §4.7): the documented selector syntax over the components
// the view announced, ref() values in place of instances, and the order "as seen".
import { describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './test-support/logic-harness';
import { parseComponentSelector } from './component-select';

type Instance = Record<string, (...args: unknown[]) => unknown> & { is: string; props: Record<string, unknown>; route?: string };

/** One page and two components: `item` (no ref) and `panel` (ref() gives `{ name }`). */
function project(): { harness: Harness; page: () => Instance } {
  const harness = createHarness({
    'app.js': () => undefined,
    'pages/index/index.js': ({ Page }) => (Page as (options: object) => void)({}),
    'components/item/index.js': ({ Component }) => (Component as (options: object) => void)({ methods: { hello(this: Instance) { return `item ${String(this.props.id)}`; } } }),
    'components/panel/index.js': ({ Component }) =>
      (Component as (options: object) => void)({
        ref(this: Instance) {
          return { name: `panel ${String(this.props.id)}` };
        },
      }),
  });
  harness.runtime.start();
  return { harness, page: () => (harness.globals().getCurrentPages as () => Instance[])()[0] as Instance };
}

function create(harness: Harness, instanceId: number, path: string, props: Record<string, string>, parentId = 1, composedParentId?: number): void {
  // The tag as the view sends it: `<item>` for /components/item/index.
  const tag = path.split('/').at(-2) ?? '';
  harness.send({ t: 'component-create', instanceId, parentId, ...(composedParentId === undefined ? {} : { composedParentId }), tag, pageId: 1, path, props, eventProps: {} });
}

const ids = (found: unknown): unknown => (Array.isArray(found) ? found.map((value) => (value as Instance).props?.id ?? (value as { name: string }).name) : found);

/*
 * Page AXML:   <panel id="p1" class="box"> <item id="a" class="row first"/> </panel>   (item a is slot content)
 *              <item id="b" class="row"/>
 * panel AXML:  <item id="inside" class="row"/>                                          (owner: panel p1)
 */
function tree(harness: Harness): void {
  create(harness, 1000, '/components/panel/index', { id: 'p1', class: 'box' });
  create(harness, 1001, '/components/item/index', { id: 'b', class: 'row' });
  create(harness, 1002, '/components/item/index', { id: 'a', class: 'row first' }, 1, 1000);
  create(harness, 1003, '/components/item/index', { id: 'inside', class: 'row' }, 1000);
}

describe('$selectComponent / $selectAllComponents', () => {
  it('finds the components of the caller own AXML by id and classes, in the order seen (slot content inside its host)', () => {
    const { harness, page } = project();
    tree(harness);
    const self = page();
    expect((self.$selectComponent?.('#b') as Instance).hello?.()).toBe('item b');
    expect(ids(self.$selectAllComponents?.('.row'))).toEqual(['a', 'b']);
    expect(ids(self.$selectAllComponents?.('.row.first, #b'))).toEqual(['a', 'b']);
    // Not of the page's AXML: the panel's own item.
    expect(self.$selectComponent?.('#inside')).toBeNull();
    expect(self.$selectAllComponents?.('.missing')).toEqual([]);
  });

  it('hands out ref() values; descendant, child and >>> combinators follow the components each renders inside', () => {
    const { harness, page } = project();
    tree(harness);
    const self = page();
    expect(self.$selectComponent?.('.box')).toEqual({ name: 'panel p1' });
    expect(ids(self.$selectAllComponents?.('.box .row'))).toEqual(['a']);
    expect(ids(self.$selectAllComponents?.('#p1 > .first'))).toEqual(['a']);
    // `>>>`: inside the panel first, then its slot content (§4.3 "组件顺序").
    expect(ids(self.$selectAllComponents?.('.box >>> .row'))).toEqual(['inside', 'a']);
    expect(ids(self.$selectAllComponents?.('#p1 >>> #inside'))).toEqual(['inside']);
  });

  it('a component selects in its own AXML; owner and composed parent are ref-aware', () => {
    const { harness, page } = project();
    tree(harness);
    const first = page().$selectComponent?.('.first') as Instance;
    expect(first.selectOwnerComponent?.()).toBe(page());
    expect(first.selectComposedParentComponent?.()).toEqual({ name: 'panel p1' });
    const inside = page().$selectComponent?.('.box >>> #inside') as Instance;
    expect(inside.selectOwnerComponent?.()).toEqual({ name: 'panel p1' });
  });

  it('follows changed id/class attributes and forgets unmounted components', () => {
    const { harness, page } = project();
    tree(harness);
    harness.send({ t: 'component-props', instanceId: 1001, props: { id: 'b2', class: 'row last' }, eventProps: {} });
    expect(ids(page().$selectAllComponents?.('.last'))).toEqual(['b2']);
    harness.send({ t: 'component-unmount', instanceId: 1001 });
    expect(page().$selectComponent?.('#b2')).toBeNull();
  });

  it('a custom component\'s tag selects it, alone or with id and classes, under every combinator', () => {
    const { harness, page } = project();
    tree(harness);
    const self = page();
    expect(ids(self.$selectAllComponents?.('item'))).toEqual(['a', 'b']);
    expect(ids(self.$selectAllComponents?.('item.first, item#b'))).toEqual(['a', 'b']);
    expect(ids(self.$selectAllComponents?.('panel >>> item'))).toEqual(['inside', 'a']);
    expect(ids(self.$selectAllComponents?.('panel item'))).toEqual(['a']);
    expect((self.$selectComponent?.('panel') as { name: string }).name).toBe('panel p1');
    expect(self.$selectComponent?.('item#inside')).toBeNull();
    expect(harness.warnings).toEqual([]);
  });

  it('an unsupported or non-string selector warns and finds nothing; so does a basic component\'s tag', () => {
    const { harness, page } = project();
    tree(harness);
    expect(page().$selectComponent?.('.row:first-child')).toBeNull();
    expect(page().$selectAllComponents?.('[id=b]')).toEqual([]);
    expect(page().$selectComponent?.(42)).toBeNull();
    expect(page().$selectAllComponents?.('view .row')).toEqual([]);
    expect(harness.warnings).toEqual([
      expect.stringContaining('$selectComponent: ".row:first-child" is not a supported selector'),
      expect.stringContaining('$selectAllComponents: "[id=b]" is not a supported selector'),
      expect.stringContaining('$selectComponent: 42 is not a supported selector'),
      '$selectAllComponents: "view .row" names the basic component <view>; only custom components are selected, so the result is []',
    ]);
  });
});

describe('my.canIUse of the framework features apps check first', () => {
  it('answers true for component2, $selectComponent and setData callbacks; false for a feature the preview lacks', () => {
    const { harness } = project();
    const canIUse = (harness.globals().my as { canIUse(name: string): boolean }).canIUse;
    expect(['component2', 'component.$selectComponent', 'component.$selectAllComponents', 'page.setData.callback', 'component.hasMixin'].map(canIUse)).toEqual([true, true, true, true, false]);
  });
});

describe('parseComponentSelector', () => {
  it('reads the documented syntax and refuses the rest', () => {
    expect(parseComponentSelector('#a-1.b.c')).toEqual([{ compounds: [{ id: 'a-1', classes: ['b', 'c'] }], combinators: [] }]);
    expect(parseComponentSelector('.a  .b>.c >>> .d, #e')?.map((selector) => selector.combinators)).toEqual([[' ', '>', '>>>'], []]);
    expect(parseComponentSelector('my-card.on >>> x#y')?.[0]?.compounds).toEqual([{ tag: 'my-card', classes: ['on'] }, { tag: 'x', id: 'y', classes: [] }]);
    for (const bad of ['', '.a >', '> .a', '.a > > .b', '.a:hover', '.a,', '*', 'a.b#', '#a b[c]']) expect(parseComponentSelector(bad)).toBeUndefined();
  });
});
