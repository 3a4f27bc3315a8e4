// How many values one message from a `my` client may hold (docs/behaviour.md#a26-call-size-limits). Parsing,
// validating and summarizing cost time per value, and the engine does them on its one event loop, so a
// message of millions of small values (a header object of a million keys) would stop every other page and
// the panel for seconds. The page's `my` never builds one: its sanitizer stops at SANITIZE_LIMITS.maxNodes
// (plus one last array of at most maxItems), and its bridge flushes a batch before it would pass the budget.

/** Values one client message (one call, or one batch of them) may hold. */
export const MAX_CLIENT_MESSAGE_VALUES = 250_000;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;

/**
 * An upper estimate of the values in a JSON text, counted without parsing it: one, plus one per comma and
 * per array or object outside strings. Stops counting once past `limit`. Linear in the text, no allocation.
 */
export function countJsonTextValues(text: string, limit = Number.POSITIVE_INFINITY): number {
  let values = 1;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === BACKSLASH) index += 1;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) inString = true;
    else if (code === COMMA || code === OPEN_ARRAY || code === OPEN_OBJECT) {
      values += 1;
      if (values > limit) return values;
    }
  }
  return values;
}

/**
 * Whether JSON text holds more than `limit` values. Every value past the first takes a character of its own
 * (`,` `[` `{`), so a text shorter than the limit cannot, and is not scanned: a page's batches of sends skip
 * the count (docs/architecture.md#the-send-paths-cost).
 */
export function jsonTextExceedsValues(text: string, limit: number): boolean {
  return text.length >= limit && countJsonTextValues(text, limit) > limit;
}

/**
 * Levels one client message may nest. Validation recurses once per level, so a forged message nested
 * thousands deep overflowed the stack inside the schema (about 1,500 levels) and was refused as an "engine
 * fault"; `my`'s sanitizer keeps 16 levels of an argument (SANITIZE_LIMITS.maxDepth), and the envelope adds
 * two, so calls made through `my` never reach it (docs/behaviour.md#a26-call-size-limits).
 */
export const MAX_CLIENT_MESSAGE_DEPTH = 64;

/**
 * Which bound a parsed value (JSON, or a structured clone that may hold cycles) passes: more than
 * `maxValues` values, or nesting deeper than `maxDepth` (the value itself is level 0). Stops as soon as it
 * knows, so a 20-million-item array costs one length check, not a walk, and a cycle ends at either bound.
 */
export function valueBoundExceeded(value: unknown, maxValues: number, maxDepth: number): 'values' | 'depth' | undefined {
  const pending: unknown[] = [value];
  const depths: number[] = [0];
  let counted = 1;
  while (pending.length > 0) {
    const item = pending.pop();
    const depth = depths.pop() as number;
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= maxDepth) return 'depth';
    if (Array.isArray(item)) {
      counted += item.length;
      if (counted > maxValues) return 'values';
      for (const child of item as unknown[]) {
        pending.push(child);
        depths.push(depth + 1);
      }
      continue;
    }
    for (const key in item) {
      if (!Object.hasOwn(item, key)) continue;
      counted += 1;
      if (counted > maxValues) return 'values';
      pending.push((item as Record<string, unknown>)[key]);
      depths.push(depth + 1);
    }
  }
  return undefined;
}

/** Why a parsed client message is refused before validation (docs/behaviour.md#a26-call-size-limits), or undefined. */
export function callBoundRefusal(message: unknown): string | undefined {
  const bound = valueBoundExceeded(message, MAX_CLIENT_MESSAGE_VALUES, MAX_CLIENT_MESSAGE_DEPTH);
  if (bound === 'values') return `the call holds more than ${MAX_CLIENT_MESSAGE_VALUES} values (the limit of one call)`;
  if (bound === 'depth') return `the call nests more than ${MAX_CLIENT_MESSAGE_DEPTH} levels deep (the limit of one call)`;
  return undefined;
}
