// A session that did not end cleanly (SIGKILL, crash, power loss): keep its valid prefix — whole records
// with gap-free seqs from the first — cut everything after (a torn or damaged tail), write its index and
// an end marker that says "recovered".
import { stat, truncate } from 'node:fs/promises';
import { INDEX_STRIDE, type SessionEnd, type SessionMeta, type SessionPaths, writeIndex, writeJsonAtomic } from './session-files';
import { readRecords } from './session-reader';

export async function recoverSession(paths: SessionPaths, meta: SessionMeta): Promise<SessionEnd> {
  const size = await stat(paths.entries).then((s) => s.size, () => 0);
  const index: number[] = [];
  let entries = 0;
  let validBytes = 0;
  // The last kept entry's time; a session without entries ended as it started.
  let endedAt = meta.startedAt;
  if (size > 0) {
    try {
      for await (const { entry, start, next } of readRecords(paths.entries, 0, size)) {
        if (entry.seq !== meta.firstSeq + entries) break;
        if (entries % INDEX_STRIDE === 0) index.push(start);
        entries += 1;
        validBytes = next;
        endedAt = entry.wallTime;
      }
    } catch {
      // A damaged record: the valid prefix ends before it.
    }
    if (validBytes < size) await truncate(paths.entries, validBytes);
  }
  const end: SessionEnd = { endedAt, entries, bytes: validBytes, recovered: true };
  await writeIndex(paths.index, index);
  await writeJsonAtomic(paths.end, end);
  return end;
}
