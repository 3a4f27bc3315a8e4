// The custom-component instances of all pages, driven by the view's component-* messages. A component's
// module is loaded on its first use; its instance id is the view's (docs/miniprogram-runtime.md "Logic").
import type { ViewToLogic } from '../../../shared/miniprogram/view-logic-protocol';
import { createComponentRecord, type ComponentRecord } from './component-instance';
import { mergeComponentOptions } from './component-options';
import { invoke, type LogicContext } from './logic-context';
import { createComponentRelations } from './component-relations';

type ComponentMessage = Extract<ViewToLogic, { t: `component-${string}` }>;

export interface ComponentHostDeps {
  /** The Component() options of a path (loading its module on first use), undefined when there are none. */
  componentOptions(path: string): Record<string, unknown> | undefined;
  /** The `this` of a page or component instance by id (a component's parent). */
  instanceById(instanceId: number): Record<string, unknown> | undefined;
  pageInstance(pageId: number): Record<string, unknown> | undefined;
}

export interface ComponentHost {
  handle(message: ComponentMessage): void;
  get(instanceId: number): ComponentRecord | undefined;
  /** Every live component, in creation order. */
  all(): ComponentRecord[];
  /** didUnmount for every component of a page, in creation order (parents before children). */
  unmountPage(pageId: number): void;
  /** A page hook to the `rootEvents` of the page's live components, in creation order (docs/miniprogram-runtime.md#component-rootevents). */
  rootEvents(pageId: number, name: string, args: unknown[]): void;
  /** `getRelationNodes(key)` of a component (docs/miniprogram-runtime.md#relations); [] for an unknown one. */
  relationNodes(instanceId: number, key: unknown): unknown[];
}

/** `/components/card/index.js` and `components/card/index` name the same component. */
export function normalizeComponentPath(path: string): string {
  return path.replace(/^\/+/, '').replace(/\.js$/, '');
}

export function createComponentHost(context: LogicContext, deps: ComponentHostDeps): ComponentHost {
  const components = new Map<number, ComponentRecord>();
  /** The components with `rootEvents`, in creation order: a page hook (onPageScroll on every scroll) visits only these. */
  const hearing = new Set<ComponentRecord>();
  const relations = createComponentRelations(
    (instanceId) => components.get(instanceId),
    (owner, fn, target) => invoke(context, () => fn.call(owner.instance, target)),
  );

  function remove(instanceId: number, record: ComponentRecord): void {
    record.unmount();
    components.delete(instanceId);
    hearing.delete(record);
    relations.detach(record);
  }

  /** `moved`, then `linkChanged` of its links on both sides (docs/miniprogram-runtime.md#moved). */
  function moved(record: ComponentRecord): void {
    if (!record.moved()) return;
    relations.moved(record);
  }

  function create(message: Extract<ViewToLogic, { t: 'component-create' }>): void {
    const path = normalizeComponentPath(message.path);
    if (components.has(message.instanceId)) {
      context.reportProblem({ kind: 'runtime', message: `component instance id ${message.instanceId} is already in use` });
      return;
    }
    const options = deps.componentOptions(path);
    if (options === undefined) context.reportProblem({ kind: 'runtime', message: `Component() was not called for /${path}`, file: `${path}.js` });
    const parent = deps.instanceById(message.parentId) ?? {};
    const create = { ...message, path, composedParentId: message.composedParentId ?? message.parentId };
    const merged = mergeComponentOptions(options ?? {});
    const record = createComponentRecord(context, merged, create, parent, deps.pageInstance(message.pageId));
    components.set(message.instanceId, record);
    if (merged.layers.some((layer) => typeof layer.rootEvents === 'object' && layer.rootEvents !== null)) hearing.add(record);
    relations.attach(record);
  }

  return {
    handle(message) {
      if (message.t === 'component-create') return create(message);
      if (message.t === 'component-order') return relations.order(message.instanceIds);
      const record = components.get(message.instanceId);
      if (!record) return;
      if (message.t === 'component-props') record.updateProps(message.props, message.eventProps);
      else if (message.t === 'component-mounted') record.mounted();
      else if (message.t === 'component-updated') record.updated();
      else if (message.t === 'component-moved') moved(record);
      else remove(message.instanceId, record);
    },
    get: (instanceId) => components.get(instanceId),
    all: () => [...components.values()],
    unmountPage(pageId) {
      for (const [instanceId, record] of components) {
        if (record.pageId === pageId) remove(instanceId, record);
      }
    },
    rootEvents(pageId, name, args) {
      for (const record of [...hearing]) if (record.pageId === pageId) record.rootEvent(name, args);
    },
    relationNodes(instanceId, key) {
      const record = components.get(instanceId);
      return record === undefined ? [] : relations.nodes(record, key);
    },
  };
}
