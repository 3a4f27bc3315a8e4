// Function identity does not survive Electron's contextBridge: the same page function passed twice arrives
// in the preload as two different proxies (electron/electron#33328), which would break `my.offSocketX(fn)`
// and the listener pile-up count. So `my` is installed by a small main-world wrapper that gives every page
// function one stable handle, made once by the preload: a handle is a preload function, and a preload
// function passed back over the bridge arrives as itself (electron/electron#28285).

/** Preload side: the one preload function that stands for `pageListener` from now on. */
export function makeListenerHandle(pageListener: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown {
  return (...args) => pageListener(...args);
}

/**
 * Runs in the page's main world through contextBridge.executeInMainWorld, which serializes it: it must
 * not refer to anything outside its own body. Defines read-only `window.my` (and any `globals`, e.g. the
 * lab endpoints for the demo) and returns nothing.
 */
export function installMainWorldMy(
  bridgedMy: Record<string, unknown>,
  makeHandle: (listener: (...args: unknown[]) => unknown) => unknown,
  globals: Record<string, unknown>,
): void {
  const handles = new WeakMap<object, unknown>();
  const stable = (value: unknown): unknown => {
    if (typeof value !== 'function') return value;
    let handle = handles.get(value);
    if (handle === undefined) {
      handle = makeHandle(value as (...args: unknown[]) => unknown);
      handles.set(value, handle);
    }
    return handle;
  };
  const hasMethods = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && Object.keys(value).some((key) => typeof (value as Record<string, unknown>)[key] === 'function');
  const wrap = (source: Record<string, unknown>): Readonly<Record<string, unknown>> => {
    const wrapped: Record<string, unknown> = {};
    for (const key of Object.keys(source)) {
      const member = source[key];
      if (typeof member !== 'function') {
        wrapped[key] = member;
        continue;
      }
      wrapped[key] = (...args: unknown[]): unknown => {
        const result: unknown = member(...args.map(stable));
        return hasMethods(result) ? wrap(result) : result;
      };
    }
    return Object.freeze(wrapped);
  };
  const define = (name: string, value: unknown): void => {
    Object.defineProperty(globalThis, name, { value, enumerable: true, configurable: false, writable: false });
  };
  define('my', wrap(bridgedMy));
  for (const name of Object.keys(globals)) define(name, Object.freeze(globals[name]));
}
