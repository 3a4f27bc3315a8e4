// Relations between components (docs/miniprogram-runtime.md#relations; §4, `组件间关系.md`, base library 2.8.5):
// read only with `options: { relations: true }`. Two components are linked when both declare the other, with
// complementary types (parent/child, ancestor/descendant), by path (relative to the declaring component, a
// folder meaning its `index`) or by a Mixin() `target` the other uses. The tree is the composed one (a
// component's slot host, else its owner): `parent` is the nearest enclosing component, `ancestor` the nearest
// enclosing one that matches. getRelationNodes answers in document order, as the view reports it
// (`component-order`). Links form when the inner component is attached (after its `attached`) and end
// when either side is removed (after its `detached`); `linked`/`unlinked` run on both sides, the outer first, and
// so does `linkChanged` when the inner one moved (after its `moved`).
import { joinPath } from '../../../shared/miniprogram/route-url';

type Fn = (...args: unknown[]) => unknown;

const RELATION_TYPES = ['parent', 'child', 'ancestor', 'descendant'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];
const COMPLEMENT: Readonly<Record<RelationType, RelationType>> = { parent: 'child', child: 'parent', ancestor: 'descendant', descendant: 'ancestor' };

export interface RelationDefinition {
  key: string;
  type: RelationType;
  /** A Mixin() instance: the relation is with components using it, whatever their path. */
  target?: object;
  linked?: Fn;
  unlinked?: Fn;
  linkChanged?: Fn;
}

/** The `relations` of option layers (mixins first; a later layer's key wins), read only with `options.relations: true`. */
export function relationDefinitions(layers: readonly Record<string, unknown>[], switches: Record<string, unknown>): RelationDefinition[] {
  if (switches.relations !== true) return [];
  const byKey = new Map<string, RelationDefinition>();
  for (const layer of layers) {
    const declared = layer.relations;
    if (typeof declared !== 'object' || declared === null) continue;
    for (const [key, raw] of Object.entries(declared)) {
      if (typeof raw !== 'object' || raw === null) continue;
      const { type, target, linked, unlinked, linkChanged } = raw as Record<string, unknown>;
      const known = RELATION_TYPES.find((candidate) => candidate === type);
      if (known === undefined) continue;
      byKey.set(key, {
        key,
        type: known,
        ...(typeof target === 'object' && target !== null ? { target } : {}),
        ...(typeof linked === 'function' ? { linked: linked as Fn } : {}),
        ...(typeof unlinked === 'function' ? { unlinked: unlinked as Fn } : {}),
        ...(typeof linkChanged === 'function' ? { linkChanged: linkChanged as Fn } : {}),
      });
    }
  }
  return [...byKey.values()];
}

export interface RelatedComponent {
  readonly instanceId: number;
  readonly composedParentId: number;
  /** Without leading `/`, e.g. `components/form/index`. */
  readonly path: string;
  readonly mixins: readonly object[];
  readonly relations: readonly RelationDefinition[];
  readonly instance: Record<string, unknown>;
}

interface Link {
  outer: RelatedComponent;
  outerDefinition: RelationDefinition;
  inner: RelatedComponent;
  innerDefinition: RelationDefinition;
}

export interface ComponentRelations {
  /** Links a component just attached with the enclosing components it relates to. */
  attach(component: RelatedComponent): void;
  /** Ends every link of a component being removed. */
  detach(component: RelatedComponent): void;
  /** `linkChanged` on both sides of the links where a component that moved is the inner one. */
  moved(component: RelatedComponent): void;
  /** The view's `component-order`: the page's components with relations, in document order. */
  order(instanceIds: readonly number[]): void;
  /** `getRelationNodes(key)`: the instances linked through the component's relation `key`, in document order. */
  nodes(component: RelatedComponent, key: unknown): Record<string, unknown>[];
}

export function createComponentRelations(find: (instanceId: number) => RelatedComponent | undefined, call: (owner: RelatedComponent, fn: Fn, target: Record<string, unknown>) => void): ComponentRelations {
  let links: Link[] = [];
  /** Place in its page's document order, as the view last reported it; a component not placed yet sorts last. */
  const places = new Map<number, number>();
  const placeOf = (component: RelatedComponent): number => places.get(component.instanceId) ?? Number.POSITIVE_INFINITY;

  function notify(link: Link, hook: 'linked' | 'unlinked' | 'linkChanged'): void {
    const outerFn = link.outerDefinition[hook];
    const innerFn = link.innerDefinition[hook];
    if (outerFn) call(link.outer, outerFn, link.inner.instance);
    if (innerFn) call(link.inner, innerFn, link.outer.instance);
  }

  return {
    attach(inner) {
      for (const innerDefinition of inner.relations) {
        if (innerDefinition.type !== 'parent' && innerDefinition.type !== 'ancestor') continue;
        for (let outer = find(inner.composedParentId); outer !== undefined; outer = find(outer.composedParentId)) {
          const outerDefinition = outer.relations.find((definition) => definition.type === COMPLEMENT[innerDefinition.type] && refersTo(definition, outer, inner));
          if (outerDefinition !== undefined && refersTo(innerDefinition, inner, outer)) {
            const link = { outer, outerDefinition, inner, innerDefinition };
            links.push(link);
            notify(link, 'linked');
            break;
          }
          if (innerDefinition.type === 'parent') break;
        }
      }
    },
    detach(component) {
      const ending = links.filter((link) => link.outer === component || link.inner === component);
      links = links.filter((link) => !ending.includes(link));
      places.delete(component.instanceId);
      for (const link of ending) notify(link, 'unlinked');
    },
    moved(component) {
      for (const link of links) if (link.inner === component) notify(link, 'linkChanged');
    },
    order(instanceIds) {
      instanceIds.forEach((instanceId, place) => places.set(instanceId, place));
    },
    nodes(component, key) {
      const definition = component.relations.find((candidate) => candidate.key === key);
      if (definition === undefined) return [];
      const linked = links.flatMap((link) => {
        if (link.outer === component && link.outerDefinition === definition) return [link.inner];
        if (link.inner === component && link.innerDefinition === definition) return [link.outer];
        return [];
      });
      // A stable sort: components the view has not placed yet keep the order they linked in, after the rest
      // (two unplaced ones give NaN, hence `|| 0`).
      return linked.sort((a, b) => placeOf(a) - placeOf(b) || 0).map((other) => other.instance);
    },
  };
}

/** Whether `definition` of `owner` names `other`: by its Mixin() `target`, else by its key as a path. */
function refersTo(definition: RelationDefinition, owner: RelatedComponent, other: RelatedComponent): boolean {
  if (definition.target !== undefined) return other.mixins.includes(definition.target);
  const path = definition.key.startsWith('/') ? joinPath([], definition.key) : joinPath(owner.path.split('/').slice(0, -1), definition.key);
  return other.path === path || other.path === `${path}/index`;
}
