// What a 'call' capture entry keeps of the options: everything the app passed, with long strings cut to
// a preview so a 1 MiB send is logged once (in its frame entry), not twice, and wide arrays and objects
// cut to their first items. Previews are copies (main/core/string-copy.ts): a slice would keep the whole
// argument alive (docs/architecture.md#threat-model).
import type { Json } from '../../shared/json';
import { copyPrefix } from './string-copy';

const PREVIEW_CHARS = 256;
const MAX_KEPT_CHARS = 1024;
const MAX_DEPTH = 6;
/** Items of an array, or keys of an object, kept per level; the rest is counted. */
export const MAX_SUMMARY_BREADTH = 64;

/** `text`, or a copied 256-character preview of it when it is over 1024 characters. */
export function summarizeText(text: string): string {
  return text.length > MAX_KEPT_CHARS ? `${copyPrefix(text, PREVIEW_CHARS)}… (${text.length} chars)` : text;
}

/**
 * Whether `value` is an object of at most MAX_SUMMARY_BREADTH primitive values, none a string over
 * MAX_KEPT_CHARS: its summary is itself (the common case: every send's `{ data }`), so it is kept as is.
 * Options are the engine's own parsed copy and are never changed, so sharing it is safe.
 */
function isSummaryOfItself(value: { [key: string]: Json }): boolean {
  let keys = 0;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) return false;
    keys += 1;
    const item = value[key];
    if (keys > MAX_SUMMARY_BREADTH || (typeof item === 'object' && item !== null) || (typeof item === 'string' && item.length > MAX_KEPT_CHARS)) return false;
  }
  return true;
}

/** Sanitized options with strings over 1024 characters shortened, wide and deep nesting cut (a copy when anything is cut). */
export function summarizeOptions(value: Json, depth = 0): Json {
  if (typeof value === 'string') return summarizeText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[Too deep]';
  if (!Array.isArray(value) && isSummaryOfItself(value)) return value;
  if (Array.isArray(value)) {
    const kept = value.slice(0, MAX_SUMMARY_BREADTH).map((item) => summarizeOptions(item, depth + 1));
    return value.length > MAX_SUMMARY_BREADTH ? [...kept, `… (${value.length - MAX_SUMMARY_BREADTH} more items)`] : kept;
  }
  const out: { [key: string]: Json } = {};
  let seen = 0;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    seen += 1;
    if (seen > MAX_SUMMARY_BREADTH) continue;
    const item = value[key] as Json;
    Object.defineProperty(out, key, { value: summarizeOptions(item, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  if (seen > MAX_SUMMARY_BREADTH) out['…'] = `${seen - MAX_SUMMARY_BREADTH} more keys`;
  return out;
}
