// Test support: small hand-written fakes of exactly the Electron objects the adapter touches (the one
// mocked seam of this project; the Electron binary cannot run here). Each fake is a real EventEmitter
// with the methods the adapter calls, and records what it was asked to do.
import { EventEmitter } from 'node:events';

/** Fake of Electron's WebFrameMain. */
export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  processId: number;
  frameTreeNodeId: number;
}

let nextFrameTreeNodeId = 1;

/** A frame of `processId`; pass `parent` for a subframe. */
export function fakeFrame(url: string, options: { parent?: FakeFrame; processId?: number } = {}): FakeFrame {
  return { url, parent: options.parent ?? null, processId: options.processId ?? 7, frameTreeNodeId: nextFrameTreeNodeId++ };
}

/** Fake of Electron's IpcMainEvent (only sender and senderFrame are read). */
export interface FakeIpcEvent {
  sender: unknown;
  senderFrame: FakeFrame | null;
}

/** Fake of Electron's WebContents: events, `ipc`, send/postMessage recording, window-open handler. */
export class FakeWebContents extends EventEmitter {
  readonly ipc = new EventEmitter();
  readonly mainFrame: FakeFrame;
  readonly sent: { channel: string; message: unknown }[] = [];
  readonly posted: { channel: string; message: unknown; transfer: unknown[] }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  /** What setWebRTCIPHandlingPolicy was given. */
  webRtcPolicy: string | null = null;
  private destroyed = false;

  constructor(url: string) {
    super();
    this.mainFrame = fakeFrame(url);
  }

  private readonly rendererListeners: { channel: string; listener: (event: unknown, message: never) => void }[] = [];

  send(channel: string, message: unknown): void {
    const copy = structuredClone(message);
    this.sent.push({ channel, message: copy });
    setImmediate(() => {
      for (const entry of this.rendererListeners) if (entry.channel === channel) entry.listener({ sender: 'ipcRenderer' }, structuredClone(copy) as never);
    });
  }

  /**
   * Fake of the page's ipcRenderer, wired to this contents the way Electron's IPC pipe is: both directions
   * structured-clone, are asynchronous and keep their order; sends come from the main frame.
   */
  rendererIpc(): {
    send(channel: string, message: unknown): void;
    on(channel: string, listener: (event: unknown, message: never) => void): void;
  } {
    return {
      send: (channel, message) => {
        const copy = structuredClone(message);
        setImmediate(() => this.sendFromRenderer(channel, copy));
      },
      on: (channel, listener) => {
        this.rendererListeners.push({ channel, listener });
      },
    };
  }

  postMessage(channel: string, message: unknown, transfer: unknown[]): void {
    this.posted.push({ channel, message, transfer });
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  setWebRTCIPHandlingPolicy(policy: string): void {
    this.webRtcPolicy = policy;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }

  /** What the renderer's ipcRenderer.send would cause: `channel` on `ipc`, from `frame` (default: main frame). */
  sendFromRenderer(channel: string, payload: unknown, frame: FakeFrame | null = this.mainFrame): void {
    const event: FakeIpcEvent = { sender: this, senderFrame: frame };
    this.ipc.emit(channel, event, structuredClone(payload));
  }

  /** Engine messages sent on `channel`, in order. */
  messagesOn(channel: string): unknown[] {
    return this.sent.filter((entry) => entry.channel === channel).map((entry) => entry.message);
  }
}

/** A preventable Electron event carrying `fields` (will-navigate details, will-download event, ...). */
export function preventable<T extends object>(fields: T): T & { preventDefault(): void; defaultPrevented: boolean } {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

/** Fake of Electron's `app` as far as paths go: `getPath('userData')` answers `userData` and is recorded. */
export function fakeApp(userData: string): { getPath(name: 'userData'): string; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    getPath(name) {
      asked.push(name);
      return userData;
    },
  };
}
