// Timers of logic code (docs/miniprogram-runtime.md#references §9.10): functions only (string code is not run, with a warning),
// extra arguments passed through, numeric ids; a callback's throw is reported like any uncaught error.

type TimerFunction = (callback: unknown, delay?: number, ...args: unknown[]) => number;

interface TimerScope {
  setTimeout: TimerFunction;
  setInterval: TimerFunction;
  queueMicrotask: (callback: unknown) => void;
}

export function installLogicTimers(scope: object, report: (error: unknown) => void, warn: (message: string) => void): void {
  const timers = scope as TimerScope;
  const wrap = (name: 'setTimeout' | 'setInterval'): TimerFunction => {
    const original = timers[name].bind(scope);
    return (callback, delay, ...args) => {
      if (typeof callback !== 'function') {
        warn(`${name} takes a function; string code is not run in the logic layer`);
        return 0;
      }
      return original(() => {
        try {
          (callback as (...callbackArgs: unknown[]) => void)(...args);
        } catch (error) {
          report(error);
        }
      }, delay);
    };
  };
  const microtask = timers.queueMicrotask.bind(scope);
  timers.setTimeout = wrap('setTimeout');
  timers.setInterval = wrap('setInterval');
  timers.queueMicrotask = (callback) =>
    microtask(() => {
      try {
        if (typeof callback === 'function') (callback as () => void)();
      } catch (error) {
        report(error);
      }
    });
}
