// The text part of the frame log's filter as one predicate on capture entries, shared by the panel (its
// live log) and the engine (a filter over a whole saved session, main/core/session-store/session-filter.ts),
// so both find exactly the same entries.
import type { CaptureEntry } from './capture';

/** The fields of an entry the text search reads. */
export type SearchedFields = Pick<CaptureEntry, 'kind' | 'name' | 'connectionId' | 'payload' | 'binary' | 'errorMessage' | 'cause' | 'detail'>;

/**
 * True when `test` holds for one of the fields the text filter searches, each on its own (so `^` and `$`
 * anchor to a field): the name, the payload (binary also as its UTF-8 text, which `binaryText` gives, null
 * when it is not base64), error text and cause, the connection id, and for non-frame entries their details
 * (call options, URLs, close codes).
 *
 * Hot loop (every entry when a filter is typed): no per-entry arrays or closures, and the name and the
 * connection id, which repeat from entry to entry, are tested once per distinct value in a row (`test`
 * is pure).
 */
export function compileTextSearch(test: (text: string) => boolean, binaryText: (payload: string) => string | null): (entry: SearchedFields) => boolean {
  let lastName: string | null = null;
  let nameMatches = false;
  let lastConnectionId: string | null = null;
  let connectionIdMatches = false;
  return (entry) => {
    if (entry.name !== lastName) {
      lastName = entry.name;
      nameMatches = test(lastName);
    }
    if (nameMatches) return true;
    const payload = entry.payload;
    if (payload !== undefined) {
      if (test(payload)) return true;
      if (entry.binary) {
        const text = binaryText(payload);
        if (text !== null && test(text)) return true;
      }
    }
    if (entry.errorMessage !== undefined && test(entry.errorMessage)) return true;
    if (entry.cause !== undefined && test(entry.cause)) return true;
    if (entry.connectionId) {
      if (entry.connectionId !== lastConnectionId) {
        lastConnectionId = entry.connectionId;
        connectionIdMatches = test(lastConnectionId);
      }
      if (connectionIdMatches) return true;
    }
    return entry.kind !== 'frame' && entry.detail !== undefined && test(JSON.stringify(entry.detail));
  };
}
