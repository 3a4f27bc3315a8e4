// A filter over a whole saved session, in the engine: the panel's log shows the ring (the recent
// entries); the text filter over everything a run captured reads the session from disk instead, in ~1 MiB
// chunks (one await each, so the engine's loop serves sockets and panels between chunks), and answers the
// seqs of the matching entries. The predicate is the panel's own text search (shared/entry-text-search.ts);
// records whose bytes lack the text every match needs are passed over undecoded
// (docs/architecture.md#whole-session-filter).
import { binaryPayloadText } from '../../../shared/binary-text';
import { compileTextSearch, type SearchedFields } from '../../../shared/entry-text-search';
import { compileTextMatcher, type TextMatcher } from '../../../shared/text-matcher';
import { decodeSearchFields, RECORD_TEXT_OFFSET, recordSeq, recordHasBinaryPayload, type SearchFields } from './entry-codec';
import { BinaryPayloadScreen } from './binary-payload-screen';
import { requiredFragments } from './filter-fragment';
import { fragmentFinder, FragmentScreen } from './fragment-finder';
import { readFileChunks, walkRecords, type EntryFile, type RecordVisitor, type SeqRange } from './session-reader';
import { INDEX_STRIDE } from './session-files';

export interface SessionFilterResult {
  /** How the text was understood ('regex', 'literal', 'all'), as the panel's filter box says. */
  mode: TextMatcher['mode'];
  /** Entries searched (those of the range the session holds). */
  scanned: number;
  /** Seqs of the matching entries, ascending. */
  seqs: number[];
}

/** The panel's text search for `text` (binary payloads searched as their UTF-8 text too, by the panel's rule). */
export function sessionTextSearch(text: string): { mode: TextMatcher['mode']; test: (entry: SearchedFields) => boolean } {
  const matcher = compileTextMatcher(text);
  if (matcher.mode === 'all') return { mode: 'all', test: () => true };
  return { mode: matcher.mode, test: compileTextSearch(matcher.test, binaryPayloadText) };
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
  const fragments = requiredFragments(text, mode);
  const screen = fragments.length === 0 ? undefined : new FragmentScreen(fragmentFinder(fragments));
  const binaryScreen = fragments.length === 0 ? undefined : new BinaryPayloadScreen(fragments);
  // One view for every decoded record: the scan makes no entry objects (entry-codec.ts decodeSearchFields).
  const view: SearchFields = { seq: 0, kind: 'frame', name: '', connectionId: '' };
  const visit: RecordVisitor = (data, bodyStart, bodyEnd) => {
    const seq = recordSeq(data, bodyStart);
    if (seq >= toSeq) return false;
    if (seq < fromSeq) return true;
    if (mode === 'all') {
      seqs.push(seq);
      return true;
    }
    // Past the record's numbers, whose bytes are no text (entry-codec.ts), or in a binary payload's decoded
    // bytes: a record without a fragment in either cannot match.
    if (screen?.active && !screen.holds(bodyStart + RECORD_TEXT_OFFSET, bodyEnd) && !(recordHasBinaryPayload(data, bodyStart) && binaryScreen?.mayHold(data, bodyStart, bodyEnd) === true)) return true;
    decodeSearchFields(data, bodyStart, bodyEnd, view);
    if (test(view)) seqs.push(seq);
    return true;
  };
  const block = Math.floor((fromSeq - file.firstSeq) / INDEX_STRIDE);
  for await (const chunk of readFileChunks(file.path, file.index[block] ?? 0, file.bytes)) {
    screen?.startChunk(chunk.data, chunk.length);
    binaryScreen?.startChunk(chunk.data, chunk.length);
    const { stopped, damage } = walkRecords(chunk, visit);
    if (damage !== undefined) throw damage;
    if (stopped) break;
  }
  return { mode, scanned, seqs };
}
