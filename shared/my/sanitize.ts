// Turns whatever a mini-app passed to `my` into JSON the engine can validate and log. The client decides
// nothing about validity: it only makes the value safe to send (no functions, no cycles, no exceptions),
// and the engine fails bad calls with a code. Strings are never shortened; the engine applies its caps.
import type { Json } from '../json';
import { bytesToBase64 } from './bytes-to-base64';
import { describeThrown } from './describe-thrown';

/** Where the sanitizer cuts; each cut leaves a marker string so the log shows what happened. */
export const SANITIZE_LIMITS = {
  /** Objects nested deeper than this (the argument itself is depth 0) become "[Too deep]". */
  maxDepth: 16,
  /** Keys kept per object; the rest is summarised under the key "[Truncated]". */
  maxKeys: 1000,
  /** Items kept per array; a last item "[Truncated: n more items]" says how many were cut. */
  maxItems: 100_000,
  /**
   * Values visited in one argument before further objects become "[Too large]" (shared references, huge
   * header objects); with one last array of maxItems it stays within shared/json-value-budget.ts.
   */
  maxNodes: 100_000,
} as const;

/** The key under which an object's cut keys are counted ("9000 more keys"). */
export const TRUNCATED_KEYS_MARKER = '[Truncated]';

/** Any function a mini-app may pass (a callback); only ever called, never inspected. */
export type AnyFunction = (...args: never[]) => unknown;

/** Called for each function found directly on the argument object (success, fail, complete...). */
export type TopLevelFunctionHook = (key: string, fn: AnyFunction) => void;

const DROPPED = Symbol('dropped');
type Walked = Json | typeof DROPPED;

interface Walk {
  ancestors: Set<object>;
  nodes: number;
  onTopLevelFunction: TopLevelFunctionHook | undefined;
}

const arrayBufferByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength')?.get;
// SharedArrayBuffer is missing in pages that are not cross-origin isolated.
const sharedArrayBufferByteLength =
  typeof SharedArrayBuffer === 'function' ? Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength')?.get : undefined;

/**
 * JSON copy of `value`: functions, symbols and `undefined` dropped (null inside arrays); binary data as
 * `{ "$binary": base64 }`; NaN/Infinity as null; bigint and Date as strings; cycles, excessive depth or
 * size, and throwing getters or Proxies as marker strings. Never throws.
 */
export function sanitizeOptions(value: unknown, onTopLevelFunction?: TopLevelFunctionHook): Json {
  const walked = walk(value, 0, { ancestors: new Set(), nodes: 0, onTopLevelFunction });
  return walked === DROPPED ? null : walked;
}

function walk(value: unknown, depth: number, state: Walk): Walked {
  state.nodes += 1;
  if (value === null) return null;
  if (typeof value === 'object') return walkGuarded(value, depth, state);
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'bigint':
      return value.toString();
    default:
      // undefined, symbols and functions have no JSON form.
      return DROPPED;
  }
}

function walkGuarded(value: object, depth: number, state: Walk): Json {
  if (depth > SANITIZE_LIMITS.maxDepth) return '[Too deep]';
  if (state.nodes > SANITIZE_LIMITS.maxNodes) return '[Too large]';
  if (state.ancestors.has(value)) return '[Circular]';
  state.ancestors.add(value);
  try {
    return walkObject(value, depth, state);
  } catch (thrown) {
    return thrownMarker(thrown);
  } finally {
    state.ancestors.delete(value);
  }
}

function walkObject(value: object, depth: number, state: Walk): Json {
  const bytes = binaryBytes(value);
  if (bytes) return { $binary: bytesToBase64(bytes) };
  const unwrapped = unwrapBuiltIn(value);
  if (unwrapped !== undefined) return unwrapped;
  if (Array.isArray(value)) return walkArray(value, depth, state);
  return walkRecord(value, depth, state);
}

/** The tag a built-in object carries; undefined when a Proxy trap refuses to say. */
function tagOf(value: object): string | undefined {
  try {
    return Object.prototype.toString.call(value);
  } catch {
    return undefined;
  }
}

/** Calls a built-in's own method, which throws for look-alikes (Proxies, forged tags). */
function brandChecked<Result>(read: () => Result): Result | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function binaryBytes(value: object): Uint8Array | undefined {
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  const tag = tagOf(value);
  if (tag === '[object ArrayBuffer]' && arrayBufferByteLength) {
    const isArrayBuffer = brandChecked(() => arrayBufferByteLength.call(value)) !== undefined;
    return isArrayBuffer ? new Uint8Array(value as ArrayBuffer) : undefined;
  }
  if (tag === '[object SharedArrayBuffer]' && sharedArrayBufferByteLength) {
    const isShared = brandChecked(() => sharedArrayBufferByteLength.call(value)) !== undefined;
    return isShared ? new Uint8Array(value as SharedArrayBuffer) : undefined;
  }
  return undefined;
}

/** Date as its ISO string (null when invalid); String, Number and Boolean objects as their primitive. */
function unwrapBuiltIn(value: object): Json | undefined {
  switch (tagOf(value)) {
    case '[object Date]': {
      const time = brandChecked(() => Date.prototype.getTime.call(value));
      if (time === undefined) return undefined;
      return Number.isNaN(time) ? null : new Date(time).toISOString();
    }
    case '[object String]':
      return brandChecked(() => String.prototype.valueOf.call(value));
    case '[object Number]': {
      const number = brandChecked(() => Number.prototype.valueOf.call(value));
      if (number === undefined) return undefined;
      return Number.isFinite(number) ? number : null;
    }
    case '[object Boolean]':
      return brandChecked(() => Boolean.prototype.valueOf.call(value));
    default:
      return undefined;
  }
}

function walkArray(value: readonly unknown[], depth: number, state: Walk): Json[] {
  const length = value.length;
  const kept = Math.min(length, SANITIZE_LIMITS.maxItems);
  const out: Json[] = [];
  for (let index = 0; index < kept; index += 1) {
    let item: unknown;
    try {
      item = value[index];
    } catch (thrown) {
      out.push(thrownMarker(thrown));
      continue;
    }
    const walked = walk(item, depth + 1, state);
    out.push(walked === DROPPED ? null : walked);
  }
  if (length > kept) out.push(`[Truncated: ${length - kept} more items]`);
  return out;
}

function walkRecord(value: object, depth: number, state: Walk): { [key: string]: Json } {
  const keys = Object.keys(value);
  const kept = keys.length > SANITIZE_LIMITS.maxKeys ? keys.slice(0, SANITIZE_LIMITS.maxKeys) : keys;
  const out: { [key: string]: Json } = {};
  for (const key of kept) {
    let item: unknown;
    try {
      item = (value as Record<string, unknown>)[key];
    } catch (thrown) {
      setOwn(out, key, thrownMarker(thrown));
      continue;
    }
    if (depth === 0 && typeof item === 'function') state.onTopLevelFunction?.(key, item as AnyFunction);
    const walked = walk(item, depth + 1, state);
    if (walked !== DROPPED) setOwn(out, key, walked);
  }
  if (keys.length > kept.length) setOwn(out, TRUNCATED_KEYS_MARKER, `${keys.length - kept.length} more keys`);
  return out;
}

/** Plain assignment of "__proto__" would replace the prototype instead of adding a key. */
function setOwn(target: { [key: string]: Json }, key: string, value: Json): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function thrownMarker(thrown: unknown): string {
  return `[Thrown: ${describeThrown(thrown)}]`;
}
