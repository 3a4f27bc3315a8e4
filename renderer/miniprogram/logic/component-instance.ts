// One custom-component instance (docs/miniprogram-runtime.md#references §4.3–§4.5, component2): created when the view meets its
// tag (onInit → deriveDataFromProps → init), then didMount; every update (new props or its own setData) runs
// deriveDataFromProps before the render and didUpdate(prevProps, prevData) after it; didUnmount at removal.
// `this.props` holds the declared defaults, every attribute written on the tag, and each `onXxx` prop as a
// function calling the parent's handler of that name with the parent as `this`. A `ref="handler"` attribute is
// not a prop: after didMount the parent's handler gets the component's `ref()` value, else its `this` (§4.7).
import type { Json } from '../../../shared/json';
import type { DataObject } from '../../../shared/miniprogram/data-path';
import { problemFromError } from './error-report';
import { createInstanceData, type InstanceData } from './instance-data';
import type { LogicContext } from './logic-context';
import type { ComponentHook, ComponentLifetime, MergedComponentOptions } from './component-options';
import { createDataObservers } from './component-observers';
import { bindCallback, defineMembers } from './page-instance';
import type { SelectableComponent } from './component-select';
import { hasMixin, rootEventHandlers } from './mixins';
import type { RelatedComponent } from './component-relations';

export interface ComponentCreate {
  instanceId: number;
  pageId: number;
  parentId: number;
  /** The component it renders inside (slot host or owner), or its page (§4.7). */
  composedParentId: number;
  /** The tag its user wrote (`my-card`), when the view said. */
  tag?: string;
  /** Component path without leading `/` or extension, e.g. `components/card/index`. */
  path: string;
  props: Record<string, Json>;
  eventProps: Record<string, string>;
}

export interface ComponentRecord extends SelectableComponent, RelatedComponent {
  readonly instance: Record<string, unknown>;
  /** What selection and `ref` hand out (§4.7): `ref()`'s value, else the instance; null when `ref()` threw. */
  publicValue(): unknown;
  readonly data: InstanceData;
  mounted(): void;
  updateProps(props: Record<string, Json>, eventProps: Record<string, string>): void;
  updated(): void;
  /** Runs its `rootEvents` function of a page hook, with the component as `this`; nothing once unmounted. */
  rootEvent(name: string, args: unknown[]): void;
  /** Runs the `moved` lifetime; false once unmounted. */
  moved(): boolean;
  unmount(): void;
}

export function createComponentRecord(
  context: LogicContext,
  merged: MergedComponentOptions,
  create: ComponentCreate,
  parent: Record<string, unknown>,
  page: Record<string, unknown> | undefined,
): ComponentRecord {
  const instance: Record<string, unknown> = { ...merged.methods };
  let props = buildProps(merged.props, create.props, create.eventProps, parent, context);
  let attributes = attributesOf(create.props);
  let prevProps: Record<string, unknown> | undefined;
  let prevData: DataObject | undefined;
  let derivedThisCycle = false;
  let unmounted = false;

  const run = (hook: ComponentHook, args: unknown[] = []): void => {
    for (const fn of merged.hooks[hook]) guarded(() => fn.apply(instance, args));
  };
  const runLifetime = (lifetime: ComponentLifetime): void => {
    for (const fn of merged.lifetimes[lifetime]) guarded(() => fn.call(instance));
  };
  /** Observers run after deriveDataFromProps, before the render (docs/miniprogram-runtime.md#observers-and-lifetimes). */
  const observers = createDataObservers(merged.observers, {
    call: (fn, args) => guarded(() => fn.apply(instance, args)),
    values: () => ({ ...props, ...data.current }),
    warn: (message) => context.warn(`/${create.path}: ${message}`),
  });
  const runObservers = (): void => observers.run();

  /** Errors of this component's code go to its own onError when it has one (§4.2), else to the app. */
  function guarded(body: () => unknown): void {
    try {
      body();
    } catch (error) {
      if (!merged.onError) return context.reportError(error);
      context.reportProblem(problemFromError(error));
      guarded(() => merged.onError?.call(instance, error));
    }
  }

  const data: InstanceData = createInstanceData({
    instanceId: create.instanceId,
    initial: {},
    post: (message) => context.post(message),
    acks: context.acks,
    invoke: (callback) => guarded(callback),
    // Once per component path and key: mini-ali-ui's button sets hoverClass to undefined on every render.
    warn: (message) => context.warnOnce(`/${create.path}: ${message}`),
    beforeFlush: () => {
      if (!derivedThisCycle) run('deriveDataFromProps', [props]);
      derivedThisCycle = false;
      runObservers();
    },
    ...observers.listener,
  });

  function change(apply: (changes: unknown, callback: unknown) => void, changes: unknown, callback: unknown): void {
    if (unmounted) {
      context.warn('setData(...) can only update a mounted component. This usually means you called setData() on a unmounted component.');
      return;
    }
    prevData ??= data.current;
    apply(changes, bindCallback(callback, instance));
  }

  defineMembers(instance, {
    data: { get: () => data.current },
    props: { get: () => props },
    is: { value: `/${create.path}` },
    $id: { value: create.instanceId },
    $page: { value: page },
    router: { value: context.routerFor(create.path) },
    pageRouter: { value: context.routerFor(typeof page?.route === 'string' ? page.route : '') },
    // Searches the component's page: the view draws no element around a component (docs/behaviour.md#selector-queries).
    createSelectorQuery: { value: () => context.selectorQueryIn(create.pageId) },
    setData: { value: (changes: unknown, callback?: unknown) => change(data.setData, changes, callback) },
    $spliceData: { value: (changes: unknown, callback?: unknown) => change(data.spliceData, changes, callback) },
    $batchedUpdates: { value: (body: unknown) => (typeof body === 'function' ? guarded(() => (body as () => void).call(instance)) : undefined) },
    $selectComponent: { value: (selector: unknown) => context.selectComponents(create.instanceId, selector, false) },
    $selectAllComponents: { value: (selector: unknown) => context.selectComponents(create.instanceId, selector, true) },
    selectOwnerComponent: { value: () => context.publicInstance(create.parentId) },
    selectComposedParentComponent: { value: () => context.publicInstance(create.composedParentId) },
    hasMixin: { value: (mixin: unknown) => hasMixin(mixin, merged.mixins, merged.ref !== undefined) },
    getRelationNodes: { value: (key: unknown) => context.relationNodes(create.instanceId, key) },
  });

  // Initial data: the merged `data` plus whatever onInit/deriveDataFromProps set, all in the first `init`.
  guarded(() => data.setData(merged.data(), undefined));
  observers.clear();
  runLifetime('created');
  run('onInit');
  run('deriveDataFromProps', [props]);
  runLifetime('attached');
  runObservers();
  data.sendInit({
    externalClasses: externalClassesOf(merged, create.path, context),
    defaultProps: merged.props,
    ...(merged.virtualHost === undefined ? {} : { virtualHost: merged.virtualHost }),
    ...(merged.relations.length > 0 ? { ordered: true } : {}),
  });
  prevData = undefined;

  const refValue = (): unknown => (merged.ref ? merged.ref.call(instance) : instance);
  function publicValue(): unknown {
    try {
      return refValue();
    } catch (error) {
      context.reportError(error);
      return null;
    }
  }

  return {
    instanceId: create.instanceId,
    pageId: create.pageId,
    parentId: create.parentId,
    composedParentId: create.composedParentId,
    tag: create.tag,
    path: create.path,
    mixins: merged.mixins,
    relations: merged.relations,
    attributes: () => attributes,
    instance,
    data,
    publicValue,
    mounted() {
      run('didMount');
      runLifetime('ready');
      handRef(create.props.ref, refValue, parent, context);
    },
    updateProps(nextProps, eventProps) {
      if (unmounted) return;
      prevProps ??= props;
      prevData ??= data.current;
      const before = props;
      props = buildProps(merged.props, nextProps, eventProps, parent, context);
      attributes = attributesOf(nextProps);
      observers.note(changedProps(before, props, data.current));
      derivedThisCycle = true;
      run('deriveDataFromProps', [props]);
      runObservers();
    },
    updated() {
      if (unmounted) return;
      const before = { props: prevProps ?? props, data: prevData ?? data.current };
      prevProps = undefined;
      prevData = undefined;
      derivedThisCycle = false;
      run('didUpdate', [before.props, before.data]);
    },
    rootEvent(name, args) {
      if (unmounted) return;
      for (const fn of rootEventHandlers(merged.layers, name)) guarded(() => fn.apply(instance, args));
    },
    moved() {
      if (!unmounted) runLifetime('moved');
      return !unmounted;
    },
    unmount() {
      if (unmounted) return;
      run('didUnmount');
      runLifetime('detached');
      unmounted = true;
      data.close();
    },
  };
}

function buildProps(
  defaults: Record<string, unknown>,
  given: Record<string, Json>,
  eventProps: Record<string, string>,
  parent: Record<string, unknown>,
  context: LogicContext,
): Record<string, unknown> {
  const { ref: _ref, ...attributes } = given;
  const props: Record<string, unknown> = { ...defaults, ...attributes };
  for (const [prop, handlerName] of Object.entries(eventProps)) {
    props[prop] = (...args: unknown[]): unknown => {
      const handler = parent[handlerName];
      if (typeof handler !== 'function') {
        context.warn(`can not find event handle method "${handlerName}" for ${prop}`);
        return undefined;
      }
      return (handler as (...handlerArgs: unknown[]) => unknown).apply(parent, args);
    };
  }
  return Object.freeze(props);
}

/** Props whose value changed, as paths; a name the data also has is left to setData (docs/miniprogram-runtime.md#observers-and-lifetimes). */
function changedProps(before: Record<string, unknown>, after: Record<string, unknown>, data: DataObject): string[][] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changed = [...names].filter((name) => !(name in data) && typeof after[name] !== 'function' && JSON.stringify(before[name]) !== JSON.stringify(after[name]));
  return changed.map((name) => [name]);
}

/** The external class names the view applies; declared without `options.externalClasses: true` they warn (§4.8). */
function externalClassesOf(merged: MergedComponentOptions, path: string, context: LogicContext): string[] {
  const { names, enabled } = merged.externalClasses;
  if (names.length > 0 && !enabled) context.warn(`/${path}: externalClasses need options: { externalClasses: true }; ignored`);
  return enabled ? names : [];
}

/** The `id` and `class` attributes the selection matches on. */
function attributesOf(given: Record<string, Json>): { id: string; classes: string[] } {
  const id = typeof given.id === 'string' ? given.id : '';
  const classes = typeof given.class === 'string' ? given.class.split(/\s+/).filter((name) => name !== '') : [];
  return { id, classes };
}

/** Calls the parent's `ref` handler named on the tag with the component's ref value (docs/miniprogram-runtime.md "Decisions"). */
function handRef(refName: Json | undefined, refValue: () => unknown, parent: Record<string, unknown>, context: LogicContext): void {
  if (typeof refName !== 'string' || refName === '') return;
  const handler = parent[refName];
  if (typeof handler !== 'function') {
    context.warn(`can not find ref handle method "${refName}"`);
    return;
  }
  try {
    (handler as (value: unknown) => unknown).call(parent, refValue());
  } catch (error) {
    context.reportError(error);
  }
}
