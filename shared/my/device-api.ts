// my.getSystemInfo(Sync), canIUse, arrayBufferToBase64 / base64ToArrayBuffer and the clipboard
// (docs/behaviour.md#system-info, docs/behaviour.md#helpers-and-clipboard).
import type { Json } from '../json';
import { DEFAULT_PHONE_PROFILE, systemInfoOf } from '../phone-profiles';
import { callbacksOf, type ApiPort } from './api-port';
import { base64ToArrayBuffer } from './base64-to-array-buffer';
import { bytesToBase64 } from './bytes-to-base64';
import type { CallSuccessPayload } from './pending-calls';
import { sanitizeOptions } from './sanitize';

export interface DeviceApi {
  getSystemInfo(options?: unknown): Promise<CallSuccessPayload>;
  getSystemInfoSync(): Record<string, unknown>;
  canIUse(name: unknown): boolean;
  arrayBufferToBase64(buffer: unknown): string;
  base64ToArrayBuffer(base64: unknown): ArrayBuffer;
  setClipboard(options: unknown): Promise<CallSuccessPayload>;
  getClipboard(options?: unknown): Promise<CallSuccessPayload>;
}

/** Sub-keys of canIUse that ask about an API's arguments, result or callback (docs/behaviour.md#helpers-and-clipboard). */
const API_DETAIL_KEYS = new Set(['object', 'return', 'callback']);

/** canIUse('api' | 'api.object.x' | …): true exactly when `supports(api)` (docs/behaviour.md#helpers-and-clipboard). */
export function canIUseAnswer(name: unknown, supports: (api: string) => boolean): boolean {
  if (typeof name !== 'string' || name === '') return false;
  const [api = '', detail] = name.split('.');
  if (detail !== undefined && !API_DETAIL_KEYS.has(detail)) return false;
  return supports(api);
}

/** Copies system info (its nested objects too), so an app that edits a result never edits the next one. */
function copyInfo(info: Record<string, Json>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(info)) as Record<string, unknown>;
}

/** The bytes of an ArrayBuffer or a view; undefined for anything else (a revoked Proxy included). */
function bytesOf(value: unknown): Uint8Array | undefined {
  try {
    if (value instanceof ArrayBuffer) return new Uint8Array(value);
    if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  } catch {
    return undefined;
  }
  return undefined;
}

/** `supports(name)`: whether `my` offers the API, for canIUse. */
export function createDeviceApi(port: ApiPort, supports: (name: string) => boolean): DeviceApi {
  let systemInfo: Record<string, Json> = systemInfoOf(DEFAULT_PHONE_PROFILE);
  port.onSeed((seed) => {
    systemInfo = seed.systemInfo;
  });

  return {
    getSystemInfo: (options) => port.answerLocally('getSystemInfo', callbacksOf(options), { ok: true, payload: copyInfo(systemInfo) }),
    getSystemInfoSync: () => copyInfo(systemInfo),
    canIUse: (name) => canIUseAnswer(name, supports),
    // Helpers that throw on wrong input would break the page: a wrong argument gives '' / an empty buffer and a console note.
    arrayBufferToBase64(buffer) {
      const bytes = bytesOf(buffer);
      if (!bytes) console.warn('[my] arrayBufferToBase64 expects an ArrayBuffer; returned ""');
      return bytes ? bytesToBase64(bytes) : '';
    },
    base64ToArrayBuffer(base64) {
      const buffer = typeof base64 === 'string' ? base64ToArrayBuffer(base64.replace(/\s+/g, '')) : undefined;
      if (!buffer) console.warn('[my] base64ToArrayBuffer expects a base64 string; returned an empty ArrayBuffer');
      return buffer ?? new ArrayBuffer(0);
    },
    setClipboard: (options) => port.callEngine('setClipboard', options === undefined ? {} : sanitizeOptions(options), callbacksOf(options)).promise,
    getClipboard: (options) => port.callEngine('getClipboard', {}, callbacksOf(options)).promise,
  };
}
