// my.setStorage / getStorage / removeStorage / clearStorage / getStorageInfo and their Sync forms
// (docs/behaviour.md#storage-mirror). Every call is answered from the page's mirror, so Sync calls return
// at once; each write is applied locally first and then sent to the engine for persistence, in call order.
import type { ClientSeed, StorageWrite } from '../my-wire';
import { callbacksOf, optionOf, type ApiPort, type LocalAnswer } from './api-port';
import type { CallSuccessPayload } from './pending-calls';
import { STORAGE_LIMITS, sizeInKb } from './storage-limits';
import { createStorageMirror } from './storage-mirror';

export interface StorageApi {
  setStorage(options: unknown): Promise<CallSuccessPayload>;
  setStorageSync(options: unknown): Record<string, unknown>;
  getStorage(options: unknown): Promise<CallSuccessPayload>;
  getStorageSync(options: unknown): Record<string, unknown>;
  removeStorage(options: unknown): Promise<CallSuccessPayload>;
  removeStorageSync(options: unknown): Record<string, unknown> | undefined;
  clearStorage(options?: unknown): Promise<CallSuccessPayload>;
  clearStorageSync(): undefined;
  getStorageInfo(options?: unknown): Promise<CallSuccessPayload>;
  getStorageInfoSync(): Record<string, unknown>;
}

type Failure = Extract<LocalAnswer, { ok: false }>;

function invalid(errorMessage: string): Failure {
  return { ok: false, error: 2, errorMessage };
}

/** The `key` of a storage call, or why it cannot be used (code 2). */
function keyOf(api: string, options: unknown): string | Failure {
  if (typeof options !== 'object' || options === null) {
    return invalid(`${api} takes an object { key${api.startsWith('set') ? ', data' : ''} }, got ${options === null ? 'null' : typeof options}`);
  }
  const key = optionOf(options, 'key');
  if (typeof key !== 'string' || key === '') return invalid(`${api}: key must be a non-empty string, got ${key === '' ? 'an empty string' : typeof key}`);
  return key;
}

/** The stored form of `data`: its JSON text, as phones serialise objects (docs/behaviour.md#storage-mirror). */
function jsonTextOf(api: string, data: unknown): string | Failure {
  if (data === undefined) return invalid(`${api}: data is required`);
  try {
    const text = JSON.stringify(data) as string | undefined;
    return text === undefined ? invalid(`${api}: data of type ${typeof data} cannot be stored`) : text;
  } catch (error) {
    return invalid(`${api}: data cannot be serialised (${error instanceof Error ? error.message : String(error)})`);
  }
}

function parseStored(text: string | undefined): unknown {
  if (text === undefined) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Sync form of an answer: the payload, or the fail object (storage Sync APIs return failures, §9.1). */
function syncResult(answer: LocalAnswer): Record<string, unknown> {
  return answer.ok ? answer.payload : { error: answer.error, errorMessage: answer.errorMessage };
}

export function createStorageApi(port: ApiPort): StorageApi {
  const mirror = createStorageMirror();
  /** Writes made before the seed arrived, re-applied on top of it (the engine had not seen them yet). */
  let beforeSeed: StorageWrite[] | undefined = [];

  port.onSeed((seed: ClientSeed) => {
    const pending = beforeSeed ?? [];
    beforeSeed = undefined;
    mirror.replace(seed.storage);
    pending.forEach((write) => mirror.apply(write));
  });

  function write(entry: StorageWrite): LocalAnswer {
    const refused = mirror.apply(entry);
    if (refused) return { ok: false, ...refused };
    beforeSeed?.push(entry);
    port.post(entry);
    return { ok: true, payload: {} };
  }

  function set(api: string, options: unknown): LocalAnswer {
    const key = keyOf(api, options);
    if (typeof key !== 'string') return key;
    const value = jsonTextOf(api, optionOf(options, 'data'));
    if (typeof value !== 'string') return value;
    return write({ op: 'storage', action: 'set', key, value });
  }

  function get(api: string, options: unknown): LocalAnswer {
    const key = keyOf(api, options);
    if (typeof key !== 'string') return key;
    return { ok: true, payload: { data: parseStored(mirror.get(key)) } };
  }

  function remove(api: string, options: unknown): LocalAnswer {
    const key = keyOf(api, options);
    if (typeof key !== 'string') return key;
    return write({ op: 'storage', action: 'remove', key });
  }

  const clear = (): LocalAnswer => write({ op: 'storage', action: 'clear' });

  const info = (): LocalAnswer => ({
    ok: true,
    payload: { keys: mirror.keys(), currentSize: sizeInKb(mirror.totalBytes()), limitSize: STORAGE_LIMITS.limitSizeKb },
  });

  const answer = (api: string, options: unknown, result: LocalAnswer) => port.answerLocally(api, callbacksOf(options), result);

  return {
    setStorage: (options) => answer('setStorage', options, set('setStorage', options)),
    setStorageSync: (options) => syncResult(set('setStorageSync', options)),
    getStorage: (options) => answer('getStorage', options, get('getStorage', options)),
    getStorageSync: (options) => syncResult(get('getStorageSync', options)),
    removeStorage: (options) => answer('removeStorage', options, remove('removeStorage', options)),
    removeStorageSync(options) {
      const result = remove('removeStorageSync', options);
      return result.ok ? undefined : syncResult(result);
    },
    clearStorage: (options) => answer('clearStorage', options, clear()),
    clearStorageSync() {
      clear();
      return undefined;
    },
    getStorageInfo: (options) => answer('getStorageInfo', options, info()),
    getStorageInfoSync: () => syncResult(info()),
  };
}
