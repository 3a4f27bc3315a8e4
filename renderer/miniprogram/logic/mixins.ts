// Mixin() (docs/miniprogram-runtime.md#references §4.5, base library 2.8.2), the Worker global that registers a mixin: it
// hands back the object itself (Component() counts each object once, however often it is used) and remembers it,
// since a component's `hasMixin(mixin)` answers only for mixins made by Mixin() (§4.3).
const made = new WeakSet<object>();

export function createMixin(options: unknown): object {
  const mixin = typeof options === 'object' && options !== null ? options : {};
  made.add(mixin);
  return mixin;
}

/** `this.hasMixin(value)` of a component: `'ref'` asks whether it (or a mixin) defines `ref()`; otherwise whether `value` is a Mixin() instance among its mixins, nested ones included. */
export function hasMixin(value: unknown, mixins: readonly object[], hasRef: boolean): boolean {
  if (value === 'ref') return hasRef;
  return typeof value === 'object' && value !== null && made.has(value) && mixins.includes(value);
}
