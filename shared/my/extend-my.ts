// `my` with APIs a host adds to createMy's (the mini-program logic adds routes, the navigation bar, UI
// feedback, selector queries): one frozen object whose canIUse knows the added APIs too, and whose
// unknown names still give createMy's failing stubs (docs/behaviour.md#unsupported-apis).
import { canIUseAnswer } from './device-api';

/**
 * The APIs of `base` (a createMy object) and `added` (which win); anything else is read from `base`.
 * `features`: framework capabilities canIUse also answers true for (`'component2'`).
 */
export function extendMy<Base extends object, Added extends object>(base: Base, added: Added, features: ReadonlySet<string> = new Set()): Base & Added {
  const own: Record<string, unknown> = { ...(base as Record<string, unknown>), ...(added as Record<string, unknown>) };
  own['canIUse'] = (name: unknown) => (typeof name === 'string' && features.has(name)) || canIUseAnswer(name, (api) => Object.hasOwn(own, api));
  Object.freeze(own);
  return new Proxy(own, {
    get: (target, key, receiver) => (key in target ? Reflect.get(target, key, receiver) : Reflect.get(base, key)) as unknown,
  }) as Base & Added;
}
