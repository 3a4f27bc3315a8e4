// Mixin() (docs/miniprogram-runtime.md#references §4.5, base library 2.8.2), the Worker global that registers a mixin: it
// hands back the object itself (a component or page counts each object once, however often it is used) and
// remembers it, since a component's `hasMixin(mixin)` answers only for mixins made by Mixin() (§4.3) and a page
// takes only such mixins (docs/miniprogram-runtime.md#page-mixins).
const made = new WeakSet<object>();

export function createMixin(options: unknown): object {
  const mixin = typeof options === 'object' && options !== null ? options : {};
  made.add(mixin);
  return mixin;
}

/** Whether `value` was made by Mixin(). */
export function isMixinInstance(value: unknown): value is object {
  return typeof value === 'object' && value !== null && made.has(value);
}

/** `this.hasMixin(value)` of a component: `'ref'` asks whether it (or a mixin) defines `ref()`; otherwise whether `value` is a Mixin() instance among its mixins, nested ones included. */
export function hasMixin(value: unknown, mixins: readonly object[], hasRef: boolean): boolean {
  if (value === 'ref') return hasRef;
  return isMixinInstance(value) && mixins.includes(value);
}

/**
 * A `mixins` array in run order: a mixin's own mixins come before it; one seen before is skipped (§4.5: "不会重复
 * 执行"). `accepts` decides which objects count (a page takes Mixin() instances only); the rest are left out.
 */
export function flattenMixins(raw: unknown, accepts: (mixin: object) => boolean = () => true, seen = new Set<object>()): Record<string, unknown>[] {
  if (!Array.isArray(raw)) return [];
  const layers: Record<string, unknown>[] = [];
  for (const mixin of raw) {
    if (typeof mixin !== 'object' || mixin === null || seen.has(mixin)) continue;
    seen.add(mixin);
    if (!accepts(mixin)) continue;
    const record = mixin as Record<string, unknown>;
    layers.push(...flattenMixins(record.mixins, accepts, seen), record);
  }
  return layers;
}

/**
 * The `rootEvents` function of every layer for a page hook, in run order: a page's mixins (as its `events`,
 * docs/miniprogram-runtime.md#page-mixins) and a component's mixins and own options (docs/miniprogram-runtime.md#component-rootevents).
 */
export function rootEventHandlers(layers: readonly Record<string, unknown>[], name: string): ((...args: unknown[]) => unknown)[] {
  const handlers: ((...args: unknown[]) => unknown)[] = [];
  for (const layer of layers) {
    const events = layer.rootEvents;
    const handler: unknown = typeof events === 'object' && events !== null ? (events as Record<string, unknown>)[name] : undefined;
    if (typeof handler === 'function') handlers.push(handler as (...args: unknown[]) => unknown);
  }
  return handlers;
}
