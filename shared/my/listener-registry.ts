// Listener lists of one `my` client, per target (single mode or a SocketTask) and event, with the
// semantics of docs/behaviour.md#listeners: registration order, duplicates kept (each registration runs), off(cb)
// removes every registration of cb, off() removes all, dispatch over a snapshot.
import type { SocketEventName, SocketTarget } from '../my-wire';

/** A registered listener; only functions are ever stored. */
export type SocketListener = (event: object) => void;

/** Counts after a registration change, as the `listen` wire message carries them. */
export interface ListenerCounts {
  count: number;
  sameFunctionCount: number;
}

/** Per-target, per-event listener lists. */
export interface ListenerRegistry {
  add(target: SocketTarget, event: SocketEventName, listener: SocketListener): ListenerCounts;
  remove(target: SocketTarget, event: SocketEventName, listener: SocketListener): ListenerCounts;
  removeAll(target: SocketTarget, event: SocketEventName): ListenerCounts;
  count(target: SocketTarget, event: SocketEventName): number;
  /** A copy: listeners added or removed while dispatching take effect from the next event. */
  snapshot(target: SocketTarget, event: SocketEventName): readonly SocketListener[];
}

/** An empty registry. */
export function createListenerRegistry(): ListenerRegistry {
  const lists = new Map<string, SocketListener[]>();
  const keyOf = (target: SocketTarget, event: SocketEventName) => `${target ?? ''}\n${event}`;
  const listOf = (target: SocketTarget, event: SocketEventName) => lists.get(keyOf(target, event)) ?? [];
  const store = (target: SocketTarget, event: SocketEventName, list: SocketListener[]) => {
    if (list.length === 0) lists.delete(keyOf(target, event));
    else lists.set(keyOf(target, event), list);
  };

  return {
    add(target, event, listener) {
      const list = [...listOf(target, event), listener];
      store(target, event, list);
      return { count: list.length, sameFunctionCount: list.filter((entry) => entry === listener).length };
    },
    remove(target, event, listener) {
      const list = listOf(target, event).filter((entry) => entry !== listener);
      store(target, event, list);
      return { count: list.length, sameFunctionCount: 0 };
    },
    removeAll(target, event) {
      store(target, event, []);
      return { count: 0, sameFunctionCount: 0 };
    },
    count(target, event) {
      return listOf(target, event).length;
    },
    snapshot(target, event) {
      return listOf(target, event);
    },
  };
}
