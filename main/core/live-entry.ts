// One entry of the live capture by seq: from the ring while it holds it, else from the run's saved session
// (docs/architecture.md#streaming), so an entry the ring evicted stays reachable.
import type { CaptureEntry } from '../../shared/capture';
import type { CaptureLog } from './ports';
import type { SavedSessions } from './session-store/saved-sessions';

/** Reads entry `seq` of the live capture; rejects when it was cleared, evicted without a session, or not yet recorded. */
export type LiveEntryReader = (seq: number) => Promise<CaptureEntry>;

export function createLiveEntryReader(capture: CaptureLog, sessions: SavedSessions | undefined): LiveEntryReader {
  return async (seq) => {
    const held = capture.get(seq);
    if (held) return held;
    const live = sessions?.live();
    // Before the live capture's start the entry was cleared on purpose: the live view does not show it.
    if (sessions && live && seq >= live.fromSeq) {
      const [entry] = await sessions.store.readRange(live.id, { fromSeq: seq, toSeq: seq + 1 }, 1);
      if (entry) return entry;
    }
    throw new Error(`entry ${seq} is not held (cleared, evicted or not yet recorded)`);
  };
}
