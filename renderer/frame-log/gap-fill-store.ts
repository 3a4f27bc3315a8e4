// The entries the log's gap rows read back from the run's session on disk (docs/behaviour.md#a27-gaps-in-the-live-log):
// per gap (keyed by its first seq), the entries read so far, oldest first and without holes. Tied to one ring
// generation: a Clear or another shown log voids them.
import { create } from 'zustand';
import type { CaptureEntry } from '../../shared/capture';
import type { SeqGap } from '../capture/entry-ring';
import type { RequestReplier } from '../transport/request-reply';
import { liveSession, readLiveRange } from './live-session-read';
import { MAX_OLDER_ROWS, OLDER_PAGE } from './session-older-store';

export interface GapFill {
  /** Entries read, from the gap's first seq on, consecutive. */
  entries: readonly CaptureEntry[];
  loading: boolean;
  error: string;
}

export interface GapFillState {
  /** The ring generation the fills belong to. */
  generation: number;
  fills: Readonly<Record<number, GapFill>>;
  /** Reads the next OLDER_PAGE entries of `gap` after those already read. */
  showMore(replier: RequestReplier, gap: SeqGap, generation: number): Promise<void>;
}

/** Rows read back into all gaps together (memory): past it a gap row says so instead of reading. */
export const MAX_GAP_ROWS = MAX_OLDER_ROWS;

export function filledRows(fills: Readonly<Record<number, GapFill>>): number {
  let rows = 0;
  for (const fill of Object.values(fills)) rows += fill.entries.length;
  return rows;
}

export const useGapFillStore = create<GapFillState>()((set, get) => {
  function update(generation: number, key: number, patch: Partial<GapFill>): void {
    const state = get();
    if (state.generation !== generation) return;
    const fill = state.fills[key] ?? { entries: [], loading: false, error: '' };
    set({ fills: { ...state.fills, [key]: { ...fill, ...patch } } });
  }

  return {
    generation: 0,
    fills: {},
    async showMore(replier, gap, generation) {
      if (get().generation !== generation) set({ generation, fills: {} });
      const read = get().fills[gap.fromSeq]?.entries ?? [];
      const fromSeq = gap.fromSeq + read.length;
      const room = MAX_GAP_ROWS - filledRows(get().fills);
      const end = Math.min(gap.toSeq + 1, fromSeq + OLDER_PAGE, fromSeq + room);
      if (end <= fromSeq) return;
      update(generation, gap.fromSeq, { loading: true, error: '' });
      try {
        const { liveId } = await liveSession(replier);
        const entries = await readLiveRange(replier, liveId, fromSeq, end);
        const now = get().fills[gap.fromSeq]?.entries ?? [];
        // A second press while the first read was under way read the same range: keep one copy.
        const merged = now.length === read.length ? [...now, ...entries] : now;
        update(generation, gap.fromSeq, { entries: merged, loading: false });
      } catch (error) {
        update(generation, gap.fromSeq, { loading: false, error: error instanceof Error ? error.message : String(error) });
      }
    },
  };
});
