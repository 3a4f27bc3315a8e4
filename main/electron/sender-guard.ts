// Every IPC handler asks this before it looks at a payload: was the message sent by the main frame of
// the webContents we registered for, while it showed the origin we loaded? (docs/architecture.md#messages-between-pages-and-main)
import { hasOrigin } from './origin';

/** The parts of Electron's WebFrameMain the guard reads. */
export interface GuardedFrame {
  readonly url: string;
  readonly parent: unknown;
  readonly processId: number;
  readonly frameTreeNodeId: number;
}

/** The parts of Electron's IpcMainEvent the guard reads. */
export interface GuardedIpcEvent {
  readonly sender: unknown;
  readonly senderFrame: GuardedFrame | null;
}

export interface ExpectedSender {
  contents: { readonly mainFrame: GuardedFrame };
  origin: string;
}

/** True only for the expected webContents' main frame at the expected origin; a null frame is rejected. */
export function isTrustedSender(event: GuardedIpcEvent, expected: ExpectedSender): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame === undefined) return false;
  if (event.sender !== expected.contents) return false;
  if (frame.parent !== null) return false;
  const mainFrame = expected.contents.mainFrame;
  const isMainFrame =
    frame === mainFrame || (frame.processId === mainFrame.processId && frame.frameTreeNodeId === mainFrame.frameTreeNodeId);
  return isMainFrame && hasOrigin(frame.url, expected.origin);
}
