// The panel's calls about saved sessions over the panel link (the same in both hosts): list, read the
// entries to show one offline, export it whole, delete it.
import type { CaptureEntry } from '../../shared/capture';
import { MAX_SESSION_READ, type SessionInfo, type SessionList } from '../../shared/session-wire';
import { textReply, type RequestReplier } from '../transport/request-reply';

export type SessionFormat = 'har' | 'jsonl';

export async function listSessions(replier: RequestReplier): Promise<SessionList> {
  return JSON.parse(await textReply(replier, { kind: 'sessions-list' })) as SessionList;
}

/** The whole session as a HAR or JSONL document (built by the engine from the file on disk). */
export function exportSession(replier: RequestReplier, id: string, format: SessionFormat): Promise<string> {
  return textReply(replier, { kind: 'session-export', id, format }, 300_000);
}

export async function deleteSession(replier: RequestReplier, id: string): Promise<void> {
  await textReply(replier, { kind: 'session-delete', id });
}

async function readPage(replier: RequestReplier, id: string, fromSeq: number): Promise<CaptureEntry[]> {
  return JSON.parse(await textReply(replier, { kind: 'session-read', id, fromSeq, limit: MAX_SESSION_READ })) as CaptureEntry[];
}

export interface SessionWindow {
  entries: CaptureEntry[];
  /** Index in the session of the first entry read (0 = the session's first). */
  start: number;
}

/** Where the window of `capacity` entries ending with the session's last entry starts. */
export function lastWindowStart(session: SessionInfo, capacity: number): number {
  return Math.max(0, session.entries - capacity);
}

/**
 * A window of at most `capacity` entries of the session from index `start` (default: the most recent
 * ones, where a crash usually is), for the offline view. Read page by page: no long panel task.
 */
export async function readSession(replier: RequestReplier, session: SessionInfo, capacity: number, start = lastWindowStart(session, capacity)): Promise<SessionWindow> {
  const first = await readPage(replier, session.id, 0);
  const firstSeq = first[0]?.seq;
  if (firstSeq === undefined) return { entries: [], start: 0 };
  const from = Math.min(Math.max(0, start), lastWindowStart(session, capacity));
  const endSeq = firstSeq + Math.min(session.entries, from + capacity);
  const entries: CaptureEntry[] = from === 0 ? first.filter((entry) => entry.seq < endSeq) : [];
  let next = from === 0 ? firstSeq + first.length : firstSeq + from;
  while (next < endSeq) {
    const page = await readPage(replier, session.id, next);
    const last = page.at(-1);
    if (!last) break;
    for (const entry of page) if (entry.seq < endSeq) entries.push(entry);
    next = last.seq + 1;
  }
  return { entries, start: from };
}
