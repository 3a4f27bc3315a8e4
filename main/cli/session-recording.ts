// The run's saved session for the browser host: the sessions folder (--sessions-dir, else the platform's
// app data folder), its disk cap (--sessions-cap), and the capture recorded into a new live session.
import { homedir } from 'node:os';
import type { CaptureLog } from '../core/ports';
import { recordCapture } from '../core/session-store/capture-recorder';
import { defaultAppDataDir, sessionsDirIn } from '../core/session-store/default-sessions-dir';
import type { SavedSessions } from '../core/session-store/saved-sessions';
import { openSessionStore } from '../core/session-store/session-store';
import type { CliOptions } from './parse-args';

export interface SessionRecording {
  /** The store and the run's live session (until stop). */
  saved: SavedSessions;
  /** Ends the live session cleanly and closes the store. */
  stop(): Promise<void>;
}

export async function startSessionRecording(
  capture: CaptureLog,
  options: Pick<CliOptions, 'miniapp' | 'sessionsDir' | 'sessionsCapMiB'>,
  onWarning: (message: string) => void = (message) => console.error(`mini-socket-devtools: ${message}`),
): Promise<SessionRecording> {
  const dir = options.sessionsDir ?? sessionsDirIn(defaultAppDataDir({ platform: process.platform, home: homedir(), env: process.env }));
  const capBytes = options.sessionsCapMiB === undefined ? undefined : options.sessionsCapMiB * 1024 * 1024;
  const store = await openSessionStore({ dir, onWarning, ...(capBytes === undefined ? {} : { capBytes }) });
  const recorder = recordCapture(capture, store, options.miniapp ?? '');
  let recording = true;
  return {
    saved: { store, live: () => (recording ? { id: recorder.sessionId, fromSeq: recorder.liveFromSeq() } : undefined) },
    async stop() {
      recording = false;
      await recorder.stop();
      await store.close();
    },
  };
}
