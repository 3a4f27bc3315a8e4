// Find over the whole capture (docs/behaviour.md#panel-find): every held entry's payload, text as is and
// binary decoded as UTF-8, matched case-insensitively as plain text. The scan runs in slices bounded by a
// deadline and resumes where it stopped, so a 1M-entry capture never blocks the panel for a long task;
// entries that arrive later are scanned as they come.
import type { CaptureEntry } from '../../shared/capture';
import { base64ToBytes, bytesToUtf8 } from '../capture/binary-forms';
import type { EntryRingView } from '../capture/entry-ring';

/** Matches kept at most (the count says "10000+" beyond). */
export const MAX_MATCHES = 10_000;
/** Work per slice before yielding to input and paint. */
export const FIND_SLICE_MS = 8;

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

/** The text an entry's payload is searched as. */
export function searchableText(entry: Pick<CaptureEntry, 'payload' | 'binary'>): string {
  if (entry.payload === undefined) return '';
  if (!entry.binary) return entry.payload;
  const bytes = base64ToBytes(entry.payload);
  return bytes ? bytesToUtf8(bytes) : '';
}

/** Continues (or starts) a scan for `query` until every held entry is read or `deadline` (performance.now()) passes. */
export function scanForMatches(previous: FindScan | null, ring: EntryRingView, query: string, deadline: number): FindScan {
  const needle = query.toLowerCase();
  const fresh = !previous || previous.needle !== needle || previous.generation !== ring.generation();
  const scan: FindScan = fresh ? { needle, generation: ring.generation(), next: ring.evicted(), matches: [] } : { ...previous, matches: previous.matches };
  if (needle === '') return { ...scan, next: ring.appended() };
  let position = Math.max(scan.next, ring.evicted());
  const end = ring.appended();
  while (position < end && scan.matches.length < MAX_MATCHES) {
    const stop = Math.min(end, position + 512);
    for (; position < stop && scan.matches.length < MAX_MATCHES; position += 1) {
      const entry = ring.at(position - ring.evicted());
      if (entry && searchableText(entry).toLowerCase().includes(needle)) scan.matches.push(entry.seq);
    }
    if (performance.now() > deadline) break;
  }
  return { ...scan, next: scan.matches.length >= MAX_MATCHES ? end : position };
}

/** Every held entry has been scanned. */
export function scanComplete(scan: FindScan, ring: EntryRingView): boolean {
  return scan.generation === ring.generation() && scan.next >= ring.appended();
}
