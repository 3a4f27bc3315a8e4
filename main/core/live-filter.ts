// The panel's text filter over the whole live capture, not only its ring: searched in the run's session on
// disk (session-filter.ts reads it in chunks, so the engine's loop keeps serving sockets), answered with the
// count and the seqs of the most recent matches (docs/session-storage.md "The live log reaches the session").
import { MAX_LIVE_FILTER_SEQS, type LiveFilterMatches } from '../../shared/session-wire';
import type { SavedSessions } from './session-store/saved-sessions';

/** Matches of `text` among the live capture's entries before `toSeq`, as JSON LiveFilterMatches. */
export async function filterLive(sessions: SavedSessions | undefined, text: string, toSeq: number): Promise<string> {
  const live = sessions?.live();
  if (!sessions || !live) throw new Error('this host saves no sessions: entries the ring evicted cannot be searched');
  const { mode, scanned, seqs } = await sessions.store.filter(live.id, text, { fromSeq: live.fromSeq, toSeq });
  const answer: LiveFilterMatches = { mode, scanned, matches: seqs.length, seqs: seqs.slice(-MAX_LIVE_FILTER_SEQS) };
  return JSON.stringify(answer);
}
