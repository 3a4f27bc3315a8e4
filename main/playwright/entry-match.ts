// How `sockets.waitFor` and `sockets.entries` pick capture entries: the given fields must be equal, the
// payload equal (string) or matching (RegExp); and how a match and the entries seen are described when a
// wait times out.
import type { CaptureEntry } from '../../shared/capture';

/** Fields of a CaptureEntry to compare; every given one must hold. */
export interface EntryMatch {
  kind?: CaptureEntry['kind'];
  name?: string;
  direction?: CaptureEntry['direction'];
  connectionId?: string;
  clientId?: string;
  errorCode?: number;
  /** A string must equal the payload; a RegExp must match it. An entry without a payload never matches. */
  payload?: string | RegExp;
}

const EQUAL_FIELDS = ['kind', 'name', 'direction', 'connectionId', 'clientId', 'errorCode'] as const;

export function entryMatches(entry: CaptureEntry, match: EntryMatch): boolean {
  for (const field of EQUAL_FIELDS) {
    if (match[field] !== undefined && entry[field] !== match[field]) return false;
  }
  if (match.payload === undefined) return true;
  if (entry.payload === undefined) return false;
  if (typeof match.payload === 'string') return entry.payload === match.payload;
  match.payload.lastIndex = 0; // a /g or /y RegExp keeps state between tests; every entry starts from 0
  return match.payload.test(entry.payload);
}

export function describeMatch(match: EntryMatch): string {
  const parts = Object.entries(match).map(([key, value]) => `${key}: ${value instanceof RegExp ? String(value) : JSON.stringify(value)}`);
  return `{ ${parts.join(', ')} }`;
}

const PAYLOAD_PREVIEW_CHARS = 80;

/** One line per entry, as a failure message lists them. */
export function describeEntry(entry: CaptureEntry): string {
  const where = [entry.clientId, entry.connectionId].filter(Boolean).join('/');
  const code = entry.errorCode === undefined ? '' : ` code ${entry.errorCode}`;
  const payload = entry.payload === undefined ? '' : ` ${JSON.stringify(entry.payload.length > PAYLOAD_PREVIEW_CHARS ? `${entry.payload.slice(0, PAYLOAD_PREVIEW_CHARS)}…` : entry.payload)}`;
  return `#${entry.seq} ${entry.kind} ${entry.name} ${entry.direction}${where ? ` [${where}]` : ''}${code}${payload}`;
}
