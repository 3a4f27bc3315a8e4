// Calls forwarded to the engine and waiting for their `result`: keeps the app's success/fail/complete
// callbacks and the promise of send/close, and runs them the way docs/behaviour.md#states-and-event-order and docs/behaviour.md#a21-promises-from-send-and-close say.
import type { CallResult } from '../my-wire';
import { reportToConsole } from './report-to-console';
import type { AnyFunction } from './sanitize';
import type { SocketCallFailure } from './types';

/** The callbacks found on a call's options (only functions are kept). */
export interface CallCallbacks {
  success?: AnyFunction;
  fail?: AnyFunction;
  complete?: AnyFunction;
}

/** What a success callback and the resolved promise receive: the engine's payload (docs/behaviour.md#a20-success-payloads), shaped by the API. */
export type CallSuccessPayload = Record<string, unknown>;

/** Turns the wire's result object into what the app sees (e.g. base64 into an ArrayBuffer). */
export type ShapeResult = (result: Record<string, unknown>) => Record<string, unknown>;

/** The calls of one `my` client that have not been answered. */
export interface PendingCalls {
  /** Remembers a call; with `withPromise`, returns the promise its result settles (docs/behaviour.md#a21-promises-from-send-and-close). */
  open(callId: number, api: string, callbacks: CallCallbacks, withPromise: true, shape?: ShapeResult): Promise<CallSuccessPayload>;
  open(callId: number, api: string, callbacks: CallCallbacks, withPromise: false, shape?: ShapeResult): undefined;
  /** Runs success or fail, then complete with the same object, then settles the promise. */
  settle(result: CallResult): void;
  /** Forgets every call: they will never be answered (the page session ended). */
  clear(): void;
}

interface PendingCall {
  api: string;
  callbacks: CallCallbacks;
  shape?: ShapeResult;
  resolve?: (payload: CallSuccessPayload) => void;
  reject?: (failure: SocketCallFailure) => void;
}

/** An empty set of pending calls. */
export function createPendingCalls(): PendingCalls {
  const pending = new Map<number, PendingCall>();

  function open(callId: number, api: string, callbacks: CallCallbacks, withPromise: boolean, shape?: ShapeResult) {
    const call: PendingCall = shape ? { api, callbacks, shape } : { api, callbacks };
    pending.set(callId, call);
    if (!withPromise) return undefined;
    const promise = new Promise<CallSuccessPayload>((resolve, reject) => {
      call.resolve = resolve;
      call.reject = reject;
    });
    const hasCallbacks = callbacks.success !== undefined || callbacks.fail !== undefined || callbacks.complete !== undefined;
    // The app handles failures in `fail`: its unawaited promise must not be reported as unhandled.
    if (hasCallbacks) promise.catch(() => undefined);
    return promise;
  }

  return {
    open: open as PendingCalls['open'],
    settle(result) {
      const call = pending.get(result.callId);
      if (!call) return;
      pending.delete(result.callId);
      if (result.ok) {
        const payload: CallSuccessPayload = call.shape ? call.shape({ ...result.payload }) : { ...result.payload };
        runCallback(call, 'success', payload);
        runCallback(call, 'complete', payload);
        call.resolve?.(payload);
      } else {
        const failure: SocketCallFailure = call.shape
          ? { ...call.shape({ ...result.extra }), error: result.error, errorMessage: result.errorMessage }
          : { ...result.extra, error: result.error, errorMessage: result.errorMessage };
        runCallback(call, 'fail', failure);
        runCallback(call, 'complete', failure);
        call.reject?.(failure);
      }
    },
    clear() {
      pending.clear();
    },
  };
}

function runCallback(call: PendingCall, name: keyof CallCallbacks, result: object): void {
  const callback = call.callbacks[name] as ((result: object) => unknown) | undefined;
  if (!callback) return;
  try {
    callback(result);
  } catch (thrown) {
    reportToConsole(`the ${name} callback of ${call.api} threw`, thrown);
  }
}
