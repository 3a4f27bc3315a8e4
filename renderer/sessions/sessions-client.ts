// The panel's calls about saved sessions over the panel link (the same in both hosts): list, read the
// entries to show one offline, export it whole, delete it.
import type { CaptureEntry } from '../../shared/capture';
import { MAX_SESSION_READ, type SessionInfo, type SessionList } from '../../shared/session-wire';
import type { RequestReplier } from '../transport/request-reply';

export type SessionFormat = 'har' | 'jsonl';

async function textReply(replier: RequestReplier, request: Parameters<RequestReplier['request']>[0], timeoutMs?: number): Promise<string> {
  const body = await replier.request(request, timeoutMs);
  if (typeof body !== 'string') throw new Error(`the engine answered ${request.kind} with an entry instead of text`);
  return body;
}

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

export interface SessionRead {
  entries: CaptureEntry[];
  /** Entries of the session not read (older than what the panel can hold). */
  skipped: number;
}

/**
 * The session's entries for the offline view: all of them when they fit the panel's ring, else the most
 * recent `capacity` (a crash is usually at the end). Read page by page, yielding between pages so no
 * panel task grows long.
 */
export async function readSession(replier: RequestReplier, session: SessionInfo, capacity: number, onProgress: (read: number) => void = () => {}): Promise<SessionRead> {
  const first = await readPage(replier, session.id, 0);
  const firstSeq = first[0]?.seq;
  if (firstSeq === undefined) return { entries: [], skipped: 0 };
  const skipped = Math.max(0, session.entries - capacity);
  const entries: CaptureEntry[] = skipped === 0 ? first : [];
  let next = skipped === 0 ? firstSeq + first.length : firstSeq + skipped;
  const endSeq = firstSeq + session.entries;
  while (next < endSeq) {
    const page = await readPage(replier, session.id, next);
    const last = page.at(-1);
    if (!last) break;
    for (const entry of page) entries.push(entry);
    next = last.seq + 1;
    onProgress(entries.length);
  }
  return { entries, skipped };
}
