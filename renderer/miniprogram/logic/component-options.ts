// Component() options merged with their mixins (docs/miniprogram-runtime.md#references §4.2, §4.5): lifecycle functions of the
// same name all run, mixins first in order; for `data`, `props` and `methods` the component wins, then later
// mixins over earlier ones. A mixin object used twice (directly or through nested mixins) counts once.

export const COMPONENT_HOOKS = ['onInit', 'deriveDataFromProps', 'didMount', 'didUpdate', 'didUnmount'] as const;
export type ComponentHook = (typeof COMPONENT_HOOKS)[number];
/** Node-tree lifetimes, read from `lifetimes` only with `options.lifetimes: true` (docs/miniprogram-runtime.md#observers-and-lifetimes). */
export const COMPONENT_LIFETIMES = ['created', 'attached', 'ready', 'moved', 'detached'] as const;
export type ComponentLifetime = (typeof COMPONENT_LIFETIMES)[number];

import { observerEntries, type ObserverEntry } from './component-observers';
import { relationDefinitions, type RelationDefinition } from './component-relations';
import { flattenMixins } from './mixins';

type Fn = (...args: unknown[]) => unknown;

export interface MergedComponentOptions {
  data: () => Record<string, unknown>;
  props: Record<string, unknown>;
  methods: Record<string, unknown>;
  hooks: Record<ComponentHook, Fn[]>;
  /** Each layer's `lifetimes` functions, mixins first; empty unless `options.lifetimes: true`. */
  lifetimes: Record<ComponentLifetime, Fn[]>;
  /** Each layer's `observers`, mixins first; empty unless `options.observers: true`. */
  observers: ObserverEntry[];
  /** Component-level onError (errors thrown by this component's code). */
  onError?: Fn;
  /** `ref()`: what a parent's `ref` handler receives instead of the instance (§4.7); the component's over its mixins'. */
  ref?: Fn;
  /** `externalClasses` names of all layers, and whether `options.externalClasses: true` switches them on (§4.8). */
  externalClasses: { names: string[]; enabled: boolean };
  /** `relations` of all layers; empty unless `options.relations: true` (docs/miniprogram-runtime.md#relations). */
  relations: RelationDefinition[];
  /** Its mixins in run order, then its own options: where `rootEvents` are read (docs/miniprogram-runtime.md#component-rootevents). */
  layers: Record<string, unknown>[];
  /** Its mixin objects, flattened (nested ones included), for `hasMixin` (§4.3). */
  mixins: object[];
  /** `options.virtualHost` when the component sets a boolean (§4.8; wins over its .json). */
  virtualHost?: boolean;
}

export function mergeComponentOptions(options: Record<string, unknown>): MergedComponentOptions {
  const mixins = flattenMixins(options.mixins);
  const layers = [...mixins, options];
  const hooks = Object.fromEntries(COMPONENT_HOOKS.map((name) => [name, [] as Fn[]])) as Record<ComponentHook, Fn[]>;
  const dataSources: unknown[] = [];
  const props: Record<string, unknown> = {};
  const methods: Record<string, unknown> = {};
  const externalClasses = new Set<string>();
  const switches = asRecord(options.options);
  const lifetimes = Object.fromEntries(COMPONENT_LIFETIMES.map((name) => [name, [] as Fn[]])) as Record<ComponentLifetime, Fn[]>;
  for (const layer of layers) {
    if (switches.lifetimes === true) for (const name of COMPONENT_LIFETIMES) addFunction(lifetimes[name], asRecord(layer.lifetimes)[name]);
    if (Array.isArray(layer.externalClasses)) for (const name of layer.externalClasses) if (typeof name === 'string' && name !== '') externalClasses.add(name);
    for (const name of COMPONENT_HOOKS) addFunction(hooks[name], layer[name]);
    dataSources.push(layer.data);
    Object.assign(props, asRecord(layer.props));
    Object.assign(methods, asRecord(layer.methods));
  }
  const merged: MergedComponentOptions = {
    data: () => Object.assign({}, ...dataSources.map((source) => asRecord(typeof source === 'function' ? (source as () => unknown)() : source))),
    props,
    methods,
    hooks,
    lifetimes,
    observers: observerEntries(layers, switches),
    layers,
    mixins,
    relations: relationDefinitions(layers, switches),
    externalClasses: { names: [...externalClasses], enabled: switches.externalClasses === true },
  };
  if (typeof options.onError === 'function') merged.onError = options.onError as Fn;
  const virtualHost = switches.virtualHost;
  if (typeof virtualHost === 'boolean') merged.virtualHost = virtualHost;
  const ref = layers.findLast((layer) => typeof layer.ref === 'function')?.ref;
  if (typeof ref === 'function') merged.ref = ref as Fn;
  return merged;
}

function addFunction(list: Fn[], value: unknown): void {
  if (typeof value === 'function') list.push(value as Fn);
}

export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
