// The Electron app's run saved as a session in the app's data folder (Electron's userData), like the
// browser host's in the platform's data folder (docs/session-storage.md "Default folder").
import type { CaptureLog } from '../core/ports';
import { sessionsDirIn } from '../core/session-store/default-sessions-dir';
import { startSessionRecording, type SessionRecording } from '../host-common/session-recording';

/** The part of Electron's `app` this needs. */
export interface UserDataApp {
  getPath(name: 'userData'): string;
}

/** Opens `<userData>/sessions` and records the capture into a new live session, written by the built writer thread. */
export function saveSessionsInUserData(app: UserDataApp, capture: CaptureLog, miniapp: string, log: (line: string) => void, writerThreadFile?: string): Promise<SessionRecording> {
  return startSessionRecording(capture, { dir: sessionsDirIn(app.getPath('userData')), miniapp, ...(writerThreadFile === undefined ? {} : { writerThreadFile }) }, (message) => log(`sessions: ${message}`));
}
