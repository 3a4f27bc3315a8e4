// Component relations and getRelationNodes (docs/miniprogram-runtime.md#relations).
/* eslint-disable @typescript-eslint/no-this-alias -- the tests keep the instance the runtime made, to act on it from outside */
import { describe, expect, it } from 'vitest';
import { createMixin } from './mixins';
import { createHarness, type Harness } from './test-support/logic-harness';

type Related = { is: string; $id: number; getRelationNodes(key: string): Related[] };

/** A started project whose components are the given Component() options by path (`components/x/index`). */
function project(components: Record<string, Record<string, unknown>>): Harness {
  const files: Parameters<typeof createHarness>[0] = { 'app.js': () => undefined, 'pages/index/index.js': ({ Page }) => (Page as (options: object) => void)({}) };
  for (const [path, options] of Object.entries(components)) files[`${path}.js`] = ({ Component }) => (Component as (options: object) => void)(options);
  const harness = createHarness(files);
  harness.runtime.start();
  return harness;
}

/** Creates component `instanceId` at `path` inside `composedParentId` (owned by the page, as slot content). */
function create(harness: Harness, instanceId: number, path: string, composedParentId = 1): void {
  harness.send({ t: 'component-create', instanceId, parentId: 1, composedParentId, pageId: 1, path: `/${path}`, props: {}, eventProps: {} });
}

/** A relation whose hooks log `<side>.<hook> <target path>#<id>`. */
function logged(log: string[], side: string, type: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const hook = (name: string) => (target: Related) => log.push(`${side}.${name} ${target.is}#${target.$id}`);
  return { type, linked: hook('linked'), unlinked: hook('unlinked'), ...extra };
}

describe('component relations', () => {
  it('parent/child by relative path: linked after attached on both sides (outer first), getRelationNodes in order, unlinked when one goes', () => {
    const log: string[] = [];
    let form: Related | undefined;
    let input: Related | undefined;
    const harness = project({
      'components/form/index': { options: { relations: true }, relations: { '../input/index': logged(log, 'form', 'child') }, onInit(this: Related) { form = this; } },
      'components/input/index': {
        options: { relations: true, lifetimes: true },
        lifetimes: { attached: () => log.push('input.attached') },
        relations: { '../form': logged(log, 'input', 'parent') },
        onInit(this: Related) { input = this; },
      },
    });
    create(harness, 101, 'components/form/index');
    create(harness, 102, 'components/input/index', 101);
    create(harness, 103, 'components/input/index', 101);
    expect(log).toEqual(['input.attached', 'form.linked /components/input/index#102', 'input.linked /components/form/index#101', 'input.attached', 'form.linked /components/input/index#103', 'input.linked /components/form/index#101']);
    expect(form?.getRelationNodes('../input/index').map((node) => node.$id)).toEqual([102, 103]);
    expect(input?.getRelationNodes('../form').map((node) => node.$id)).toEqual([101]);
    expect(form?.getRelationNodes('./unknown')).toEqual([]);
    log.length = 0;
    harness.send({ t: 'component-unmount', instanceId: 102 });
    expect(log).toEqual(['form.unlinked /components/input/index#102', 'input.unlinked /components/form/index#101']);
    expect(form?.getRelationNodes('../input/index').map((node) => node.$id)).toEqual([103]);
  });

  it('ancestor/descendant through a component in between, the descendant named by a Mixin() target; parent does not skip a level', () => {
    const log: string[] = [];
    const field = createMixin({});
    const harness = project({
      'components/form/index': { options: { relations: true }, relations: { fields: logged(log, 'form', 'descendant', { target: field }) } },
      'components/group/index': {},
      'components/input/index': { mixins: [field], options: { relations: true }, relations: { '/components/form/index': logged(log, 'input', 'ancestor') } },
      'components/strict/index': { options: { relations: true }, relations: { '../form/index': logged(log, 'strict', 'parent') } },
    });
    create(harness, 101, 'components/form/index');
    create(harness, 102, 'components/group/index', 101);
    create(harness, 103, 'components/input/index', 102);
    create(harness, 104, 'components/strict/index', 102);
    expect(log).toEqual(['form.linked /components/input/index#103', 'input.linked /components/form/index#101']);
  });

  it('no link unless both sides declare each other with options.relations: true; my.canIUse("component.relations")', () => {
    const log: string[] = [];
    const harness = project({
      'components/form/index': { relations: { '../input/index': logged(log, 'form', 'child') } },
      'components/input/index': { options: { relations: true }, relations: { '../form/index': logged(log, 'input', 'parent') } },
      'components/other/index': { options: { relations: true }, relations: { '../input/index': logged(log, 'other', 'ancestor') } },
    });
    create(harness, 101, 'components/form/index');
    create(harness, 102, 'components/input/index', 101);
    create(harness, 103, 'components/other/index');
    create(harness, 104, 'components/input/index', 103);
    expect(log).toEqual([]);
    expect((harness.globals().my as { canIUse(name: string): boolean }).canIUse('component.relations')).toBe(true);
  });

  it('a moved inner component: its moved lifetime (mixins first), then linkChanged on both sides, the outer first; a moved outer one changes no link of its children; nothing after unmount', () => {
    const log: string[] = [];
    const changed = (side: string) => ({ linkChanged: (target: Related) => log.push(`${side}.linkChanged ${target.is}#${target.$id}`) });
    const harness = project({
      'components/form/index': {
        options: { relations: true, lifetimes: true },
        lifetimes: { moved: () => log.push('form.moved') },
        relations: { '../input/index': logged(log, 'form', 'child', changed('form')) },
      },
      'components/input/index': {
        options: { relations: true, lifetimes: true },
        mixins: [{ lifetimes: { moved: () => log.push('mixin.moved') } }],
        lifetimes: { moved: () => log.push('input.moved') },
        relations: { '../form': logged(log, 'input', 'parent', changed('input')) },
      },
      'components/plain/index': { lifetimes: { moved: () => log.push('plain.moved (no switch)') } },
    });
    create(harness, 101, 'components/form/index');
    create(harness, 102, 'components/input/index', 101);
    create(harness, 103, 'components/plain/index');
    log.length = 0;
    harness.send({ t: 'component-moved', instanceId: 102 });
    expect(log).toEqual(['mixin.moved', 'input.moved', 'form.linkChanged /components/input/index#102', 'input.linkChanged /components/form/index#101']);
    log.length = 0;
    harness.send({ t: 'component-moved', instanceId: 101 });
    harness.send({ t: 'component-moved', instanceId: 103 });
    expect(log).toEqual(['form.moved']);
    log.length = 0;
    harness.send({ t: 'component-unmount', instanceId: 102 });
    harness.send({ t: 'component-moved', instanceId: 102 });
    expect(log).toEqual(['form.unlinked /components/input/index#102', 'input.unlinked /components/form/index#101']);
  });

  it('getRelationNodes follows the view\'s component-order (document order); a component not placed yet comes last in link order; init says ordered only with relations', () => {
    let form: Related | undefined;
    const harness = project({
      'components/form/index': { options: { relations: true }, relations: { '../input/index': { type: 'child' } }, onInit(this: Related) { form = this; } },
      'components/input/index': { options: { relations: true }, relations: { '../form/index': { type: 'parent' } } },
      'components/plain/index': {},
    });
    create(harness, 101, 'components/form/index');
    for (const id of [102, 103, 104]) create(harness, id, 'components/input/index', 101);
    create(harness, 105, 'components/plain/index');
    const inits = harness.sent.flatMap((message) => (message.t === 'init' && message.instanceId > 100 ? [`${message.instanceId}:${message.ordered === true}`] : []));
    expect(inits).toEqual(['101:true', '102:true', '103:true', '104:true', '105:false']);
    const nodes = (): number[] => (form?.getRelationNodes('../input/index') ?? []).map((node) => node.$id);
    expect(nodes()).toEqual([102, 103, 104]);
    harness.send({ t: 'component-order', pageId: 1, instanceIds: [101, 104, 102, 103] });
    expect(nodes()).toEqual([104, 102, 103]);
    create(harness, 106, 'components/input/index', 101);
    expect(nodes()).toEqual([104, 102, 103, 106]);
    harness.send({ t: 'component-order', pageId: 1, instanceIds: [101, 106, 104, 102, 103] });
    expect(nodes()).toEqual([106, 104, 102, 103]);
    harness.send({ t: 'component-unmount', instanceId: 104 });
    expect(nodes()).toEqual([106, 102, 103]);
  });

  it('in linked of a component just created, getRelationNodes has it in its place: the view sends the order (with its id) before component-create', () => {
    const listed: number[][] = [];
    const harness = project({
      'components/form/index': {
        options: { relations: true },
        relations: { '../input/index': { type: 'child', linked(this: Related) { listed.push(this.getRelationNodes('../input/index').map((node) => node.$id)); } } },
      },
      'components/input/index': { options: { relations: true }, relations: { '../form/index': { type: 'parent' } } },
    });
    create(harness, 101, 'components/form/index');
    for (const id of [102, 103]) create(harness, id, 'components/input/index', 101);
    harness.send({ t: 'component-order', pageId: 1, instanceIds: [101, 104, 102, 103] });
    create(harness, 104, 'components/input/index', 101);
    expect(listed).toEqual([[102], [102, 103], [104, 102, 103]]);
  });
});
