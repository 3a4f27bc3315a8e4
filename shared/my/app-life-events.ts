// `my.onAppShow` / `onAppHide` / `onError` and their off* for pages that use `my` directly (HTML mode;
// docs/behaviour.md#app-life-background-and-foreground). The engine tells the client when the panel sends the app to the
// background and back; the host hands uncaught page errors in. A mini-program's logic has its own versions
// (renderer/miniprogram/logic/app-events.ts), which also run the App hooks first. Nothing throws out of `my`.
import { reportToConsole } from './report-to-console';

type Listener = (...args: unknown[]) => unknown;

export interface AppLifeApi {
  onAppShow(listener: (options: AppShowOptions) => void): void;
  offAppShow(listener?: (options: AppShowOptions) => void): void;
  onAppHide(listener: () => void): void;
  offAppHide(listener?: () => void): void;
  /** `listener(message, stack)` for every uncaught error of the page (§2.2: listeners accumulate). */
  onError(listener: (message: string, stack: string) => void): void;
  offError(listener?: (message: string, stack: string) => void): void;
}

/** What onAppShow listeners get: App.onShow's LaunchOptions; a plain page has no route, so `path` is ''. */
export interface AppShowOptions {
  path: string;
  query: Record<string, string>;
  scene: string;
  referrerInfo: Record<string, never>;
}

export interface AppLifeEvents {
  /** The engine's app-visibility message. Repeats of the current state are ignored. */
  visibility(visible: boolean): void;
  /** An uncaught error of the page, as `(message, stack)`. */
  error(message: string, stack: string): void;
  api: AppLifeApi;
}

type EventName = 'appShow' | 'appHide' | 'error';

export function createAppLifeEvents(): AppLifeEvents {
  const listeners: Record<EventName, Listener[]> = { appShow: [], appHide: [], error: [] };
  let visible = true;

  function emit(name: EventName, args: unknown[]): void {
    for (const listener of [...listeners[name]]) {
      try {
        listener(...args);
      } catch (error) {
        // A throwing onError listener is not fed back to onError (that could loop); it goes to the console.
        reportToConsole(`a my.on${name[0]?.toUpperCase()}${name.slice(1)} listener threw`, error);
      }
    }
  }

  const on = (name: EventName) => (listener: unknown) => {
    if (typeof listener === 'function') listeners[name].push(listener as Listener);
  };
  const off = (name: EventName) => (listener?: unknown) => {
    listeners[name] = listener === undefined ? [] : listeners[name].filter((entry) => entry !== listener);
  };

  return {
    visibility(next) {
      if (next === visible) return;
      visible = next;
      const options: AppShowOptions = { path: '', query: {}, scene: '1000', referrerInfo: {} };
      emit(next ? 'appShow' : 'appHide', next ? [options] : []);
    },
    error(message, stack) {
      emit('error', [message, stack]);
    },
    api: {
      onAppShow: on('appShow'),
      offAppShow: off('appShow'),
      onAppHide: on('appHide'),
      offAppHide: off('appHide'),
      onError: on('error'),
      offError: off('error'),
    },
  };
}
