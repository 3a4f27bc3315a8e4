// The two detail shapes every `my` send writes (main/core/client-recorder.ts): the call's
// `{ callId, target: null, options }` and the success's `{ callId, ok: true, payload }`. The ring keeps them
// as a shape number, the callId in a column and the one object inside (options or payload) in the detail
// slot, rebuilding the same keys in the same order on read: two fewer promoted objects per send
// (docs/architecture.md#capture-memory). Any other detail is kept as it is.
import type { Json } from '../../shared/json';

export type Detail = Record<string, Json>;

/** Kept as appended. */
export const PLAIN_DETAIL = 0;
/** `{ callId: number, target: null, options }`. */
export const CALL_DETAIL = 1;
/** `{ callId: number, ok: true, payload }`. */
export const SUCCESS_DETAIL = 2;

const CALL_KEYS = ['callId', 'target', 'options'] as const;
const SUCCESS_KEYS = ['callId', 'ok', 'payload'] as const;

/** Whether `detail` has exactly `keys`, its own, in this order (for-in lists own string keys in insertion order). */
function hasExactly(detail: Detail, keys: readonly string[]): boolean {
  let index = 0;
  for (const key in detail) {
    if (key !== keys[index]) return false;
    index += 1;
  }
  return index === keys.length;
}

/** Which shape `detail` has; a frozen or non-plain object stays PLAIN (a rebuilt copy would not be either). */
export function detailShape(detail: Detail | undefined): number {
  if (detail === undefined || typeof detail.callId !== 'number' || Object.getPrototypeOf(detail) !== Object.prototype || Object.isFrozen(detail)) return PLAIN_DETAIL;
  if (detail.target === null && hasExactly(detail, CALL_KEYS)) return CALL_DETAIL;
  if (detail.ok === true && hasExactly(detail, SUCCESS_KEYS)) return SUCCESS_DETAIL;
  return PLAIN_DETAIL;
}

/** What the detail slot keeps of a `shape` detail: the detail itself, or the one object inside it. */
export function keptOfDetail(shape: number, detail: Detail | undefined): Json | undefined {
  if (shape === CALL_DETAIL) return (detail as Detail).options;
  if (shape === SUCCESS_DETAIL) return (detail as Detail).payload;
  return detail;
}

/** The detail back from its shape, callId and kept part: equal, with the same key order, as appended. */
export function rebuiltDetail(shape: number, callId: number, kept: Json | undefined): Detail | undefined {
  if (shape === CALL_DETAIL) return { callId, target: null, options: kept as Json };
  if (shape === SUCCESS_DETAIL) return { callId, ok: true, payload: kept as Json };
  return kept as Detail | undefined;
}
