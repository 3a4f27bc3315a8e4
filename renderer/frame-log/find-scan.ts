// Find over the whole capture (docs/behaviour.md#panel-find): every held entry's payload, text as is and
// binary decoded as UTF-8, matched case-insensitively as plain text. The scan runs in slices bounded by a
// deadline checked every few entries (a binary entry costs a decode, so a slice never runs long past it)
// and resumes where it stopped, so a 1M-entry capture never blocks the panel for a long task; entries that
// arrive later are scanned as they come.
import type { CaptureEntry } from '../../shared/capture';
import { base64ToBytes, bytesToUtf8 } from '../capture/binary-forms';
import type { EntryRingView } from '../capture/entry-ring';
import { compileLiteralMatcher } from '../../shared/text-matcher';

/** Matches kept at most (the count says "10000+" beyond). */
export const MAX_MATCHES = 10_000;
/** Work per slice before yielding to input and paint. */
export const FIND_SLICE_MS = 8;
/** Entries between two looks at the clock: a few microseconds of work each, so a slice overshoots by little. */
const ENTRIES_PER_CLOCK_CHECK = 8;

export interface FindScan {
  /** The lowercased needle. */
  needle: string;
  /** The ring generation the scan belongs to (a clear or an import restarts it). */
  generation: number;
  /** Absolute ring position to scan next. */
  next: number;
  /** Seqs of matching entries, in capture order. */
  matches: number[];
}

const NON_ASCII_BYTE = /[\x80-\xff]/;

/** The text an entry's payload is searched as. */
export function searchableText(entry: Pick<CaptureEntry, 'payload' | 'binary'>): string {
  if (entry.payload === undefined) return '';
  if (!entry.binary) return entry.payload;
  let latin1: string;
  try {
    latin1 = atob(entry.payload);
  } catch {
    // Not standard base64 (URL-safe, say): the lenient decoder the inspector uses.
    const bytes = base64ToBytes(entry.payload);
    return bytes ? bytesToUtf8(bytes) : '';
  }
  // ASCII bytes are their own UTF-8 text: most binary frames need no decoding at all.
  if (!NON_ASCII_BYTE.test(latin1)) return latin1;
  const bytes = new Uint8Array(latin1.length);
  for (let index = 0; index < latin1.length; index += 1) bytes[index] = latin1.charCodeAt(index);
  return bytesToUtf8(bytes);
}

/** Continues (or starts) a scan for `query` until every held entry is read or `deadline` (performance.now()) passes. */
export function scanForMatches(previous: FindScan | null, ring: EntryRingView, query: string, deadline: number): FindScan {
  const needle = query.toLowerCase();
  const fresh = !previous || previous.needle !== needle || previous.generation !== ring.generation();
  const scan: FindScan = fresh ? { needle, generation: ring.generation(), next: ring.evicted(), matches: [] } : { ...previous, matches: previous.matches };
  if (needle === '') return { ...scan, next: ring.appended() };
  const matches = compileLiteralMatcher(needle);
  const evicted = ring.evicted();
  let position = Math.max(scan.next, evicted);
  const end = ring.appended();
  while (position < end && scan.matches.length < MAX_MATCHES) {
    const entry = ring.at(position - evicted);
    if (entry && matches(searchableText(entry))) scan.matches.push(entry.seq);
    position += 1;
    if (position % ENTRIES_PER_CLOCK_CHECK === 0 && performance.now() > deadline) break;
  }
  return { ...scan, next: scan.matches.length >= MAX_MATCHES ? end : position };
}

/** Every held entry has been scanned. */
export function scanComplete(scan: FindScan, ring: EntryRingView): boolean {
  return scan.generation === ring.generation() && scan.next >= ring.appended();
}
