// One page instance (docs/miniprogram-runtime.md#references §3.1–§3.3): its options become members, `data` is a shallow copy
// of an object `data` (so nested objects are shared between instances, as on a phone) or the result of a
// `data()` function; the state machine runs each of onLoad/onReady/onUnload once and ignores setData after
// unload. `observers` (with `options.observers: true`) fire as a component's do, before the render. `mixins`
// add data, methods, observers and rootEvents (page-mixins.ts).
import type { DataObject } from '../../../shared/miniprogram/data-path';
import type { EventChannel } from './event-channel';
import { createInstanceData, type InstanceData } from './instance-data';
import { callHook, invoke, type LogicContext } from './logic-context';
import { createDataObservers, observerEntries } from './component-observers';
import { pageMixinsOf } from './page-mixins';
import { rootEventHandlers } from './mixins';

export type PageOptions = Record<string, unknown>;
export type PageState = 'new' | 'shown' | 'hidden' | 'unloaded';

export interface PageRecord {
  readonly pageId: number;
  readonly route: string;
  readonly query: Record<string, string>;
  /** `this` of the page's code. */
  readonly instance: Record<string, unknown>;
  readonly data: InstanceData;
  state: PageState;
  ready: boolean;
  /** Runs a page hook by name: top-level first, then its mixins' `rootEvents`, then the page's `events`, then its components' `rootEvents`. */
  hook(name: string, args?: unknown[]): unknown;
  /** Fires the observers of what onLoad/onShow set, then sends `init` (their setData folded in). */
  sendInit(): void;
}

/** Hooks that also exist in the `events` option (§3.1); both run, top-level first. */
const EVENTS_HOOKS = new Set(['onPullDownRefresh', 'onTitleClick', 'onOptionMenuClick', 'onTabItemTap', 'onBack', 'onResize', 'onKeyboardHeight']);

export interface PageIdentity {
  pageId: number;
  route: string;
  query: Record<string, string>;
  /** `this.getOpenerEventChannel()`: connected to the opener when opened by navigateTo with `events`. */
  openerChannel: EventChannel;
  /** Runs the `rootEvents` of the page's live components for a hook the page just ran (docs/miniprogram-runtime.md#component-rootevents). */
  componentRootEvents(name: string, args: unknown[]): void;
}

export function createPageRecord(context: LogicContext, options: PageOptions, identity: PageIdentity): PageRecord {
  const { pageId, route, query } = identity;
  const warn = (message: string): void => context.warn(`${route}: ${message}`);
  const mixins = pageMixinsOf(options, warn);
  // The mixins' methods are the page's too, below its own members (docs/miniprogram-runtime.md#page-mixins).
  const instance: Record<string, unknown> = { ...mixins.methods };
  for (const [key, value] of Object.entries(options)) if (key !== 'data') instance[key] = value;
  const layers = [...mixins.layers, options];
  const initial = Object.assign({}, ...layers.map((layer) => readInitialData(context, layer.data, instance))) as DataObject;
  // A page has no props, so `**` gets {...this.data} (docs/miniprogram-runtime.md#observers-and-lifetimes).
  const observers = createDataObservers(observerEntries(layers, options.options), {
    call: (fn, args) => invoke(context, () => fn.apply(instance, args)),
    values: () => ({ ...data.current }),
    warn,
  });
  const data = createInstanceData({
    instanceId: pageId,
    initial,
    post: (message) => context.post(message),
    acks: context.acks,
    invoke: (callback) => invoke(context, () => callback.call(instance)),
    // Once per page and key: the same misuse on every render says nothing new (docs/miniprogram-runtime.md#references §3.4).
    warn: (message) => context.warnOnce(`${route}: ${message}`),
    ...(observers.listener.noteChanges ? { beforeFlush: () => observers.run() } : {}),
    ...observers.listener,
  });
  defineMembers(instance, {
    data: { get: () => data.current },
    route: { value: route },
    $viewId: { value: pageId },
    getOpenerEventChannel: { value: () => identity.openerChannel },
    router: { value: context.routerFor(route) },
    pageRouter: { value: context.routerFor(route) },
    createSelectorQuery: { value: () => context.selectorQueryIn(pageId) },
    setData: { value: (changes: unknown, callback?: unknown) => data.setData(changes, bindCallback(callback, instance)) },
    $spliceData: { value: (changes: unknown, callback?: unknown) => data.spliceData(changes, bindCallback(callback, instance)) },
    $selectComponent: { value: (selector: unknown) => context.selectComponents(pageId, selector, false) },
    $selectAllComponents: { value: (selector: unknown) => context.selectComponents(pageId, selector, true) },
    // Changes of one tick already travel together, so a batch only needs to run its function.
    $batchedUpdates: { value: (run: unknown) => (typeof run === 'function' ? (run as () => void).call(instance) : undefined) },
  });
  const record: PageRecord = {
    pageId,
    route,
    query,
    instance,
    data,
    state: 'new',
    ready: false,
    hook(name, args = []) {
      const result = callHook(context, instance, name, args);
      for (const handler of rootEventHandlers(mixins.layers, name)) invoke(context, () => handler.apply(instance, args));
      const events = instance.events;
      if (EVENTS_HOOKS.has(name) && typeof events === 'object' && events !== null) callHook(context, events, name, args);
      identity.componentRootEvents(name, args);
      return result;
    },
    sendInit() {
      observers.run();
      data.sendInit();
    },
  };
  return record;
}

/** Calls `callback` with the instance as `this` (the page's hooks and handlers see the same `this`). */
export function bindCallback(callback: unknown, self: object): unknown {
  return typeof callback === 'function' ? () => (callback as () => void).call(self) : callback;
}

export function defineMembers(target: object, members: Record<string, PropertyDescriptor>): void {
  for (const [key, descriptor] of Object.entries(members)) Object.defineProperty(target, key, { enumerable: false, configurable: false, ...descriptor });
}

function readInitialData(context: LogicContext, raw: unknown, instance: object): DataObject {
  const value = typeof raw === 'function' ? invoke(context, () => (raw as () => unknown).call(instance)) : raw;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  // The shallow copy keeps nested objects shared; values the view cannot take (functions) stay only here.
  const copy = { ...(value as Record<string, unknown>) };
  return copy as DataObject;
}

