// The EventChannel between a page and the page it opened with my.navigateTo({ events }) (docs/miniprogram-runtime.md#references
// §8.1): `res.eventChannel` on the opener's side, `this.getOpenerEventChannel()` on the opened page's; what one
// side emits reaches the other side's listeners, the opener's `events` map being its first listeners.
import { invoke, type LogicContext } from './logic-context';

type Listener = { fn: (...args: unknown[]) => unknown; once: boolean };

export interface EventChannel {
  emit(name: string, ...args: unknown[]): void;
  on(name: string, fn: unknown): void;
  once(name: string, fn: unknown): void;
  off(name: string, fn?: unknown): void;
}

export function createEventChannelPair(context: LogicContext, openerEvents: unknown): { opener: EventChannel; opened: EventChannel } {
  const openerListeners = new Map<string, Listener[]>();
  const openedListeners = new Map<string, Listener[]>();
  if (typeof openerEvents === 'object' && openerEvents !== null) {
    for (const [name, fn] of Object.entries(openerEvents)) if (typeof fn === 'function') openerListeners.set(name, [{ fn, once: false }]);
  }
  const side = (own: Map<string, Listener[]>, other: Map<string, Listener[]>): EventChannel => {
    const add = (name: string, fn: unknown, once: boolean): void => {
      if (typeof fn === 'function') own.set(name, [...(own.get(name) ?? []), { fn: fn as Listener['fn'], once }]);
    };
    return Object.freeze({
      emit(name: string, ...args: unknown[]) {
        const listeners = other.get(name) ?? [];
        other.set(name, listeners.filter((listener) => !listener.once));
        for (const listener of listeners) invoke(context, () => listener.fn(...args));
      },
      on: (name: string, fn: unknown) => add(name, fn, false),
      once: (name: string, fn: unknown) => add(name, fn, true),
      off(name: string, fn?: unknown) {
        own.set(name, fn === undefined ? [] : (own.get(name) ?? []).filter((listener) => listener.fn !== fn));
      },
    });
  };
  return { opener: side(openerListeners, openedListeners), opened: side(openedListeners, openerListeners) };
}
