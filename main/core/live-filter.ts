// The panel's text filter over the part of the live capture its ring evicted: searched in the run's session
// on disk (session-filter.ts reads it in chunks, so the engine's loop keeps serving sockets), answered with
// the count and the most recent matches in full (docs/session-storage.md "The live log reaches the session").
import { MAX_LIVE_OLDER_MATCHES, type LiveOlderMatches } from '../../shared/session-wire';
import type { LiveEntryReader } from './live-entry';
import type { SavedSessions } from './session-store/saved-sessions';

/** Matches of `text` among the live capture's entries before `toSeq`, as JSON LiveOlderMatches. */
export async function filterLiveOlder(sessions: SavedSessions | undefined, entryAt: LiveEntryReader, text: string, toSeq: number): Promise<string> {
  const live = sessions?.live();
  if (!sessions || !live) throw new Error('this host saves no sessions: entries the ring evicted cannot be searched');
  const { mode, scanned, seqs } = await sessions.store.filter(live.id, text, { fromSeq: live.fromSeq, toSeq });
  const entries = [];
  for (const seq of seqs.slice(-MAX_LIVE_OLDER_MATCHES)) entries.push(await entryAt(seq));
  const answer: LiveOlderMatches = { mode, scanned, matches: seqs.length, entries };
  return JSON.stringify(answer);
}
