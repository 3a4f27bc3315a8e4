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
 * Whether a parsed value (JSON, or a structured clone that may hold cycles) has more than `limit` values.
 * Stops as soon as it knows, so a 20-million-item array costs one length check, not a walk.
 */
export function exceedsValueBudget(value: unknown, limit: number): boolean {
  const pending: unknown[] = [value];
  let counted = 1;
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item !== 'object' || item === null) continue;
    if (Array.isArray(item)) {
      counted += item.length;
      if (counted > limit) return true;
      for (const child of item as unknown[]) pending.push(child);
      continue;
    }
    for (const key in item) {
      if (!Object.hasOwn(item, key)) continue;
      counted += 1;
      if (counted > limit) return true;
      pending.push((item as Record<string, unknown>)[key]);
    }
  }
  return false;
}
