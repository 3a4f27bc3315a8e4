// A filter over a whole saved session, in the engine: the panel's log shows the ring (the recent
// entries); the text filter over everything a run captured reads the session from disk instead, in ~1 MiB
// chunks (one await each, so the engine's loop serves sockets and panels between chunks), and answers the
// seqs of the matching entries. The predicate is the panel's own text search (shared/entry-text-search.ts).
import type { CaptureEntry } from '../../../shared/capture';
import { compileTextSearch } from '../../../shared/entry-text-search';
import { compileTextMatcher, type TextMatcher } from '../../../shared/text-matcher';
import { readRecordChunks, type EntryFile, type SeqRange } from './session-reader';
import { INDEX_STRIDE } from './session-files';

export interface SessionFilterResult {
  /** How the text was understood ('regex', 'literal', 'all'), as the panel's filter box says. */
  mode: TextMatcher['mode'];
  /** Entries read. */
  scanned: number;
  /** Seqs of the matching entries, ascending. */
  seqs: number[];
}

/** The panel's text search for `text` (binary payloads searched as their UTF-8 text too). */
export function sessionTextSearch(text: string): { mode: TextMatcher['mode']; test: (entry: CaptureEntry) => boolean } {
  const matcher = compileTextMatcher(text);
  if (matcher.mode === 'all') return { mode: 'all', test: () => true };
  return { mode: matcher.mode, test: compileTextSearch(matcher.test, (payload) => Buffer.from(payload, 'base64').toString('utf8')) };
}

/** The seqs of the entries of `file` within `range` that `text` finds. */
export async function filterSessionFile(file: EntryFile, text: string, range: SeqRange = {}): Promise<SessionFilterResult> {
  const { mode, test } = sessionTextSearch(text);
  const lastSeq = file.firstSeq + file.entries;
  const fromSeq = Math.max(range.fromSeq ?? file.firstSeq, file.firstSeq);
  const toSeq = Math.min(range.toSeq ?? lastSeq, lastSeq);
  const seqs: number[] = [];
  let scanned = 0;
  if (fromSeq >= toSeq) return { mode, scanned, seqs };
  const block = Math.floor((fromSeq - file.firstSeq) / INDEX_STRIDE);
  for await (const records of readRecordChunks(file.path, file.index[block] ?? 0, file.bytes)) {
    for (const { entry } of records) {
      if (entry.seq >= toSeq) return { mode, scanned, seqs };
      if (entry.seq < fromSeq) continue;
      scanned += 1;
      if (test(entry)) seqs.push(entry.seq);
    }
  }
  return { mode, scanned, seqs };
}
