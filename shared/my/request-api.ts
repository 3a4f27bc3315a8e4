// my.request (docs/behaviour.md#my-request): the engine performs the request (the page never opens a
// connection of its own); the call returns a RequestTask that can abort it and is also thenable.
import type { Json } from '../json';
import { base64ToArrayBuffer } from './base64-to-array-buffer';
import { callbacksOf, type ApiPort } from './api-port';
import type { CallSuccessPayload } from './pending-calls';
import { sanitizeOptions } from './sanitize';

/** What my.request returns: `abort()` fails the call with 9; `then`/`catch`/`finally` follow its result. */
export interface RequestTask extends PromiseLike<CallSuccessPayload> {
  abort(): void;
  catch<T = never>(onRejected: (failure: unknown) => T | PromiseLike<T>): Promise<CallSuccessPayload | T>;
  finally(onFinally: () => void): Promise<CallSuccessPayload>;
}

export interface RequestApi {
  request(options: unknown): RequestTask;
  /** The old name of my.request, whose body is a form unless the app names a content-type (docs/behaviour.md#my-request). */
  httpRequest(options: unknown): RequestTask;
}

const FORM = 'application/x-www-form-urlencoded';

/**
 * The options with a form content-type added when their headers name none. Anything else, and options that
 * throw when read (a hostile Proxy), go on as given: my.request judges them and never throws.
 */
function withFormByDefault(rawOptions: unknown): unknown {
  if (typeof rawOptions !== 'object' || rawOptions === null) return rawOptions;
  try {
    const options = rawOptions as Record<string, unknown>;
    const given = options['headers'] ?? options['header'] ?? {};
    if (typeof given !== 'object' || given === null || Object.keys(given).some((name) => name.toLowerCase() === 'content-type')) return rawOptions;
    return { ...options, headers: { 'content-type': FORM, ...given } };
  } catch {
    return rawOptions;
  }
}

/** Binary response data arrives as `{ $binary: base64 }` (dataType 'arraybuffer'): the app gets an ArrayBuffer. */
function withArrayBuffer(result: Record<string, unknown>): Record<string, unknown> {
  const data = result['data'];
  if (typeof data !== 'object' || data === null || typeof (data as Record<string, unknown>)['$binary'] !== 'string') return result;
  const buffer = base64ToArrayBuffer((data as Record<string, string>)['$binary'] as string);
  return { ...result, data: buffer ?? new ArrayBuffer(0) };
}

export function createRequestApi(port: ApiPort): RequestApi {
  const api: RequestApi = {
    httpRequest: (rawOptions) => api.request(withFormByDefault(rawOptions)),
    request(rawOptions) {
      const options: Json = rawOptions === undefined ? {} : sanitizeOptions(rawOptions);
      const { callId, promise } = port.callEngine('request', options, callbacksOf(rawOptions), withArrayBuffer);
      let aborted = false;
      return {
        abort() {
          if (aborted) return;
          aborted = true;
          port.post({ op: 'api', callId: 0, api: 'abortRequest', options: { requestCallId: callId } });
        },
        then: (onFulfilled, onRejected) => promise.then(onFulfilled, onRejected),
        catch: (onRejected) => promise.catch(onRejected),
        finally: (onFinally) => promise.finally(onFinally),
      };
    },
  };
  return api;
}
