// A filter over a whole saved session, in the engine: the panel's log shows the ring (the recent
// entries); the text filter over everything a run captured reads the session from disk instead, in ~1 MiB
// chunks (one await each, so the engine's loop serves sockets and panels between chunks), and answers the
// seqs of the matching entries. The predicate is the panel's own text search (shared/entry-text-search.ts).
import { compileTextSearch, type SearchedFields } from '../../../shared/entry-text-search';
import { compileTextMatcher, type TextMatcher } from '../../../shared/text-matcher';
import { decodeSearchFields, type SearchFields } from './entry-codec';
import { readRecordChunks, type EntryFile, type RecordDecoder, type SeqRange } from './session-reader';
import { INDEX_STRIDE } from './session-files';

export interface SessionFilterResult {
  /** How the text was understood ('regex', 'literal', 'all'), as the panel's filter box says. */
  mode: TextMatcher['mode'];
  /** Entries searched (those of the range the session holds). */
  scanned: number;
  /** Seqs of the matching entries, ascending. */
  seqs: number[];
}

/** The panel's text search for `text` (binary payloads searched as their UTF-8 text too). */
export function sessionTextSearch(text: string): { mode: TextMatcher['mode']; test: (entry: SearchedFields) => boolean } {
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
  const scanned = Math.max(0, toSeq - fromSeq);
  if (scanned === 0) return { mode, scanned, seqs };
  // One view for every record: the scan makes no entry objects (entry-codec.ts decodeSearchFields).
  const view: SearchFields = { seq: 0, kind: 'frame', name: '', connectionId: '' };
  // Per record: its seq when it matches, -1 when not, -2 past the range (the scan stops there).
  const decode: RecordDecoder<number> = (data, bodyStart, bodyEnd) => {
    decodeSearchFields(data, bodyStart, bodyEnd, view);
    if (view.seq >= toSeq) return -2;
    return view.seq >= fromSeq && test(view) ? view.seq : -1;
  };
  const block = Math.floor((fromSeq - file.firstSeq) / INDEX_STRIDE);
  for await (const results of readRecordChunks(file.path, decode, file.index[block] ?? 0, file.bytes)) {
    for (const result of results) {
      if (result === -2) return { mode, scanned, seqs };
      if (result >= 0) seqs.push(result);
    }
  }
  return { mode, scanned, seqs };
}
