// Reads a seq range of the live capture back from the run's session on disk (`sessions-list` for the live
// session, then `session-read`): what the log's "Older" strip and its gap rows show. The range must come back
// whole and in order, else the caller shows the error instead of a silent gap.
import type { CaptureEntry } from '../../shared/capture';
import type { SessionList } from '../../shared/session-wire';
import { MAX_SESSION_READ } from '../../shared/session-wire';
import { textReply, type RequestReplier } from '../transport/request-reply';

/** Reading a range of a large session may take a while on a busy machine. */
export const READ_TIMEOUT_MS = 120_000;

/** The run's live session: its id and the seq the live capture starts at. */
export async function liveSession(replier: RequestReplier): Promise<{ liveId: string; liveFromSeq: number }> {
  const { liveId, liveFromSeq } = JSON.parse(await textReply(replier, { kind: 'sessions-list' }, READ_TIMEOUT_MS)) as SessionList;
  if (!liveId || liveFromSeq === null) throw new Error('this run has no live session on disk');
  return { liveId, liveFromSeq };
}

/** Entries `fromSeq` … `endSeq - 1` of the live session (at most MAX_SESSION_READ), exactly those. */
export async function readLiveRange(replier: RequestReplier, liveId: string, fromSeq: number, endSeq: number): Promise<CaptureEntry[]> {
  const limit = Math.min(MAX_SESSION_READ, endSeq - fromSeq);
  const page = JSON.parse(await textReply(replier, { kind: 'session-read', id: liveId, fromSeq, limit }, READ_TIMEOUT_MS)) as CaptureEntry[];
  const range = page.filter((entry) => entry.seq < fromSeq + limit);
  if (range.length !== limit || range.some((entry, i) => entry.seq !== fromSeq + i)) {
    throw new Error(`the session returned entries ${range[0]?.seq ?? '–'}…${range.at(-1)?.seq ?? '–'} for ${fromSeq}…${fromSeq + limit - 1}`);
  }
  return range;
}
