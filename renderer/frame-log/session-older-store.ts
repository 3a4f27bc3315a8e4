// What the live log shows from the run's session on disk, above the ring's rows, once the capture has
// outgrown the panel ring (docs/session-storage.md "The live log reaches the session"): the text filter's
// matches the ring does not hold (the engine searches the whole live session, `live-filter`; the most recent
// ones are read with get-entry) or, without a text filter, pages of the entries just before the ring's oldest
// (`session-read` of the live session), oldest first and without gaps.
import { create } from 'zustand';
import type { CaptureEntry } from '../../shared/capture';
import type { LiveFilterMatches } from '../../shared/session-wire';
import { entryRing } from '../capture/entry-ring';
import { textReply, type RequestReplier } from '../transport/request-reply';
import { liveSession, READ_TIMEOUT_MS, readLiveRange } from './live-session-read';

/** Entries one "Older" press reads (one `session-read`, one JSON message: no long panel task). */
export const OLDER_PAGE = 500;
/** Rows the strip keeps while paging back (memory): past it the newest leave. */
export const MAX_OLDER_ROWS = 20_000;
/** Matches the ring does not hold that are shown in full (read one by one); the rest are counted. */
export const SHOWN_MATCHES = 100;
/** Seqs looked up in the ring per task while separating the matches it does not hold. */
const LOOKUPS_PER_TASK = 20_000;

/** The text filter's matches that the panel ring does not hold. */
export interface MissingMatches {
  scanned: number;
  /** Matches the ring does not hold, in all. */
  matches: number;
  /** The most recent of them, in full. */
  entries: CaptureEntry[];
}

export type SessionOlderView =
  | { kind: 'none' }
  | { kind: 'matches'; text: string; toSeq: number; result: MissingMatches }
  | { kind: 'pages'; entries: CaptureEntry[]; liveFromSeq: number };

export interface SessionOlderState {
  view: SessionOlderView;
  loading: boolean;
  error: string;
  /** The text filter over the live entries before `toSeq`, in the session on disk. */
  searchOlder(replier: RequestReplier, text: string, toSeq: number): Promise<void>;
  /** The page of entries before the oldest shown (the ring's oldest `beforeSeq` at first), back to the live capture's start. */
  loadOlder(replier: RequestReplier, beforeSeq: number): Promise<void>;
  reset(): void;
}

let requests = 0;

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The seqs the ring does not hold, looked up a slice per task (no long panel task). */
async function notHeld(seqs: readonly number[]): Promise<number[]> {
  const missing: number[] = [];
  for (let start = 0; start < seqs.length; start += LOOKUPS_PER_TASK) {
    if (start > 0) await nextTask();
    for (const seq of seqs.slice(start, start + LOOKUPS_PER_TASK)) if (entryRing.bySeq(seq) === undefined) missing.push(seq);
  }
  return missing;
}

async function entryOf(replier: RequestReplier, seq: number): Promise<CaptureEntry> {
  const body = await replier.request({ kind: 'get-entry', seq });
  if (typeof body === 'string') throw new Error('the engine answered get-entry with text instead of an entry');
  return body;
}

export const useSessionOlderStore = create<SessionOlderState>()((set, get) => {
  /** Runs `work` unless a newer request started meanwhile (the newest answer wins). */
  async function latest(work: () => Promise<SessionOlderView>): Promise<void> {
    const ticket = (requests += 1);
    set({ loading: true, error: '' });
    try {
      const view = await work();
      if (ticket === requests) set({ view, loading: false });
    } catch (error) {
      if (ticket === requests) set({ loading: false, error: error instanceof Error ? error.message : String(error) });
    }
  }

  return {
    view: { kind: 'none' },
    loading: false,
    error: '',
    searchOlder: (replier, filterText, toSeq) =>
      latest(async () => {
        const found = JSON.parse(await textReply(replier, { kind: 'live-filter', text: filterText, toSeq }, READ_TIMEOUT_MS)) as LiveFilterMatches;
        const missing = await notHeld(found.seqs);
        // Matches past the reply's cap are older than every seq it lists: the ring does not hold them either.
        const matches = missing.length + found.matches - found.seqs.length;
        const entries = await Promise.all(missing.slice(-SHOWN_MATCHES).map((seq) => entryOf(replier, seq)));
        return { kind: 'matches', text: filterText, toSeq, result: { scanned: found.scanned, matches, entries } };
      }),
    loadOlder: (replier, beforeSeq) =>
      latest(async () => {
        const { liveId, liveFromSeq } = await liveSession(replier);
        const { view } = get();
        const shown = view.kind === 'pages' ? view.entries : [];
        const end = shown[0]?.seq ?? beforeSeq;
        const fromSeq = Math.max(liveFromSeq, end - OLDER_PAGE);
        if (fromSeq >= end) return { kind: 'pages', entries: shown, liveFromSeq };
        const older = await readLiveRange(replier, liveId, fromSeq, end);
        return { kind: 'pages', entries: [...older, ...shown].slice(0, MAX_OLDER_ROWS), liveFromSeq };
      }),
    reset() {
      requests += 1;
      set({ view: { kind: 'none' }, loading: false, error: '' });
    },
  };
});
