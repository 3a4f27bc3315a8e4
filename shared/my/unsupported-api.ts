// Any `my.X` the preview does not offer (docs/behaviour.md#unsupported-apis): a function that fails with
// "my.X is not available in the preview" instead of `undefined is not a function`, and tells the engine
// once per API so the Problems list has one entry for it.
import { callbacksOf, type ApiPort } from './api-port';

/** The error code of an unsupported API: 1, the generic failure phones report for an unknown API. */
export const UNSUPPORTED_ERROR = 1;

/** Names that must stay undefined: probes by Promise resolution, JSON, module interop and inspectors. */
const NEVER_STUBBED = new Set(['then', 'toJSON', 'constructor', '__esModule', 'inspect', 'asymmetricMatch', '$$typeof', 'nodeType', 'prototype']);

/** Wraps `my` so that reading an API it lacks gives a failing stub; everything it has is returned as is. */
export function withUnsupportedStubs<T extends object>(my: T, port: ApiPort): T {
  const stubs = new Map<string, () => unknown>();
  const reported = new Set<string>();

  function stubFor(name: string): () => unknown {
    const errorMessage = `my.${name} is not available in the preview`;
    const stub = (options?: unknown): unknown => {
      if (!reported.has(name)) {
        reported.add(name);
        port.post({ op: 'unsupported', api: name.slice(0, 200) });
      }
      const failure = { error: UNSUPPORTED_ERROR, errorMessage };
      if (name.endsWith('Sync')) return failure;
      const promise = port.answerLocally(name, callbacksOf(options), { ok: false, ...failure });
      // The failure is already in Problems: an app that ignores the promise gets no unhandled-rejection noise.
      promise.catch(() => undefined);
      return promise;
    };
    stubs.set(name, stub);
    return stub;
  }

  return new Proxy(my, {
    get(target, key, receiver) {
      if (typeof key !== 'string' || key in target || NEVER_STUBBED.has(key)) return Reflect.get(target, key, receiver) as unknown;
      return stubs.get(key) ?? stubFor(key);
    },
  });
}
