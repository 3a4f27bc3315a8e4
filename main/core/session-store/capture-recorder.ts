// Makes a run's capture a saved session: every entry the capture log appends goes to the live session
// too, so the in-memory ring is only the recent cache and the session holds everything.
import type { CaptureLog } from '../ports';
import type { SessionInfo, SessionStore } from './session-store';

export interface CaptureRecorder {
  readonly sessionId: string;
  /** The first seq the live capture shows: the session's first, or the next seq at the last clear. */
  liveFromSeq(): number;
  /** Stops recording and closes the session (its end marker written). */
  stop(): Promise<SessionInfo>;
}

/** Starts a session at the log's next seq and appends each entry as the log takes it. */
export function recordCapture(capture: CaptureLog, store: SessionStore, miniapp = ''): CaptureRecorder {
  const session = store.startSession({ miniapp, firstSeq: capture.nextSeq() });
  let recorded = capture.nextSeq();
  let liveFromSeq = recorded;
  const { fields } = capture;
  // onChange runs synchronously after every append, before the ring can evict the entry; clear() also
  // notifies, but takes no seq, so nothing is skipped and the session stays gap-free.
  const unsubscribe = capture.onChange(() => {
    // A notification without a new seq is a clear: the live capture restarts at the next seq.
    if (recorded === capture.nextSeq()) liveFromSeq = recorded;
    for (; recorded < capture.nextSeq(); recorded += 1) {
      // A plain frame (a flood's entries) is copied from the ring's columns: building its object here would
      // undo appendFrame's saving (docs/architecture.md#capture-cpu).
      if (fields.plainFrame(recorded)) {
        session.appendPlainFrame(recorded, fields);
        continue;
      }
      const entry = capture.get(recorded);
      if (!entry) throw new Error(`capture entry ${recorded} left the ring before it was recorded`);
      session.append(entry);
    }
  });
  return {
    sessionId: session.id,
    liveFromSeq: () => liveFromSeq,
    stop() {
      unsubscribe();
      return session.close();
    },
  };
}
