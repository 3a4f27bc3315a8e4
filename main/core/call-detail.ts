// What a 'call' capture entry keeps of the options: everything the app passed, with long strings cut to
// a preview so a 1 MiB send is logged once (in its frame entry), not twice.
import type { Json } from '../../shared/json';

const PREVIEW_CHARS = 256;
const MAX_KEPT_CHARS = 1024;
const MAX_DEPTH = 6;

/** A copy of sanitized options with strings over 1024 characters shortened and deep nesting cut. */
export function summarizeOptions(value: Json, depth = 0): Json {
  if (typeof value === 'string') {
    return value.length > MAX_KEPT_CHARS ? `${value.slice(0, PREVIEW_CHARS)}… (${value.length} chars)` : value;
  }
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[Too deep]';
  if (Array.isArray(value)) return value.map((item) => summarizeOptions(item, depth + 1));
  const out: { [key: string]: Json } = {};
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(out, key, { value: summarizeOptions(item, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
