// A host's run saved as a session: the sessions folder opened (crashed sessions recovered, the disk cap
// applied) and the capture recorded into a new live session until stop. Both hosts use it: the browser
// host with --sessions-dir or the platform's data folder, Electron with its userData folder.
import { existsSync } from 'node:fs';
import { logWarning } from '../core/engine-warning';
import type { CaptureLog } from '../core/ports';
import { recordCapture } from '../core/session-store/capture-recorder';
import type { SavedSessions } from '../core/session-store/saved-sessions';
import { openSessionStore } from '../core/session-store/session-store';

export interface SessionRecording {
  /** The store and the run's live session (until stop). */
  saved: SavedSessions;
  /** Ends the live session cleanly and closes the store. */
  stop(): Promise<void>;
}

export interface SessionRecordingOptions {
  dir: string;
  /** Disk cap of all sessions in bytes; absent = the store's default (2 GiB). */
  capBytes?: number;
  /** The mini-app the run shows (listed with the session). */
  miniapp?: string;
  /** The built session writer thread (out/, OUT_LAYOUT sessionWriterThread); absent or not built: the source through tsx. */
  writerThreadFile?: string;
}

/**
 * Opens the folder and starts recording. Each storage warning goes to `log` and, as a `sessions-storage`
 * warning, into the capture (so the panel's Problems list shows it) — on the next turn, because the store
 * may warn from inside a write, which must not append to the session it is writing.
 */
export async function startSessionRecording(
  capture: CaptureLog,
  options: SessionRecordingOptions,
  log: (message: string) => void = (message) => console.error(`mini-socket-devtools: ${message}`),
): Promise<SessionRecording> {
  const { dir, capBytes, miniapp = '', writerThreadFile } = options;
  const onWarning = (message: string): void => {
    log(message);
    setImmediate(() => logWarning(capture, { clientId: '' }, { id: 'sessions-storage', message }));
  };
  const built = writerThreadFile !== undefined && existsSync(writerThreadFile);
  const store = await openSessionStore({ dir, onWarning, ...(capBytes === undefined ? {} : { capBytes }), ...(built ? { writerThread: { file: writerThreadFile } } : {}) });
  const recorder = recordCapture(capture, store, miniapp);
  let recording = true;
  return {
    saved: { store, live: () => (recording ? { id: recorder.sessionId, fromSeq: recorder.liveFromSeq() } : undefined) },
    async stop() {
      if (!recording) return;
      recording = false;
      await recorder.stop();
      await store.close();
    },
  };
}
