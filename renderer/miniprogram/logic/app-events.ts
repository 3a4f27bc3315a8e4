// The `my` listeners of app-level events (docs/miniprogram-runtime.md#references §2.2, §9.1, §11): my.onAppShow / onAppHide /
// onError / onUnhandledRejection and their off* (a function removes that one, no argument removes all).
// They run after the App() hook of the same event, in registration order; every listener fires (§12 #33).
import { invoke, type LogicContext } from './logic-context';

export type AppEventName = 'appShow' | 'appHide' | 'error' | 'unhandledRejection';

type Listener = (...args: unknown[]) => unknown;

export interface AppEvents {
  emit(name: AppEventName, args: unknown[]): void;
  /** The my.on* / my.off* functions, e.g. `onAppShow`, `offAppShow`. */
  api: Record<string, (listener?: unknown) => void>;
}

const API_NAMES: Record<AppEventName, string> = { appShow: 'AppShow', appHide: 'AppHide', error: 'Error', unhandledRejection: 'UnhandledRejection' };

export function createAppEvents(context: LogicContext): AppEvents {
  const listeners = new Map<AppEventName, Listener[]>();
  const api: Record<string, (listener?: unknown) => void> = {};
  for (const [name, suffix] of Object.entries(API_NAMES) as [AppEventName, string][]) {
    listeners.set(name, []);
    api[`on${suffix}`] = (listener) => {
      if (typeof listener === 'function') listeners.get(name)?.push(listener as Listener);
    };
    api[`off${suffix}`] = (listener) => {
      const list = listeners.get(name) ?? [];
      listeners.set(name, listener === undefined ? [] : list.filter((entry) => entry !== listener));
    };
  }
  return {
    emit(name, args) {
      for (const listener of [...(listeners.get(name) ?? [])]) invoke(context, () => listener(...args));
    },
    api,
  };
}
