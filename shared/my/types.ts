// The public shape of `my`'s socket family as a mini-app sees it (docs/behaviour.md with the decisions
// docs/behaviour.md#a9-close-payload-is-code-and-reason, docs/behaviour.md#a10-task-event-payloads, docs/behaviour.md#a20-success-payloads, docs/behaviour.md#a21-promises-from-send-and-close, docs/behaviour.md#a23-open-payload). Hosts expose an object of type MySocketApi as `window.my`.
import type { AppLifeApi } from './app-life-events';
import type { NetworkStatusApi } from './network-status';
import type { DeviceApi } from './device-api';
import type { RequestApi } from './request-api';
import type { StorageApi } from './storage-api';
import type { FeedbackSurface } from './feedback-requests';
import type { FeedbackApi } from './feedback-api';
import type { OpenApi } from './open-api';

/** `fail` payload of every call (docs/behaviour.md#error-codes). */
export interface SocketCallFailure {
  error: number;
  errorMessage: string;
}

/** `connectSocket` success: `{}` (docs/behaviour.md#a20-success-payloads); success means "started", never "open". */
export type ConnectSocketSuccess = Record<string, never>;

/** `sendSocketMessage` / `SocketTask.send` success (docs/behaviour.md#a20-success-payloads). */
export interface SendSocketMessageSuccess {
  success: boolean;
}

/** `closeSocket` / `SocketTask.close` success (docs/behaviour.md#a20-success-payloads). */
export interface CloseSocketSuccess {
  message: string;
}

/** success / fail / complete of one call; `complete` gets the same object as `success` or `fail`. */
export interface SocketCallCallbacks<Success> {
  success?: (result: Success) => void;
  fail?: (result: SocketCallFailure) => void;
  complete?: (result: Success | SocketCallFailure) => void;
}

/** `connectSocket` options. */
export interface ConnectSocketOptions extends SocketCallCallbacks<ConnectSocketSuccess> {
  url: string;
  /** Appended to the URL as a query string. */
  data?: Record<string, unknown>;
  header?: Record<string, string>;
  /** true → connectSocket returns a SocketTask. */
  multiple?: boolean;
  protocols?: string[];
  /** Handshake timeout in ms. */
  timeout?: number;
}

/** Text, or base64 with `isBuffer`; an ArrayBuffer is sent as binary with a warning (docs/behaviour.md#a15-what-send-accepts). */
export interface SendSocketMessageOptions extends SocketCallCallbacks<SendSocketMessageSuccess> {
  data: string | ArrayBuffer | ArrayBufferView;
  isBuffer?: boolean;
}

/** `closeSocket` options. */
export interface CloseSocketOptions extends SocketCallCallbacks<CloseSocketSuccess> {
  /** Default 1000. */
  code?: number;
  /** At most 123 bytes of UTF-8. */
  reason?: string;
}

/** Global `onSocketOpen` payload (docs/behaviour.md#a23-open-payload). */
export type SocketOpenEvent = Record<string, never>;

/**
 * Global `onSocketMessage` payload: text as a string; binary with `isBuffer: true` as base64, or as an
 * ArrayBuffer when the session's incomingBinary setting says so (docs/behaviour.md#a14-incoming-binary-as-arraybuffer).
 */
export type SocketMessageEvent = { data: string; isBuffer: false } | { data: string | ArrayBuffer; isBuffer: true };

/** Global `onSocketError` payload. */
export interface SocketErrorEvent {
  error: number;
  errorMessage: string;
}

/** Global `onSocketClose` payload (docs/behaviour.md#a9-close-payload-is-code-and-reason: a superset of what phones send). */
export interface SocketCloseEvent {
  code: number;
  reason: string;
}

/** SocketTask open/close payload (docs/behaviour.md#a10-task-event-payloads). */
export interface SocketTaskLifecycleEvent {
  socketTaskID: string;
  data: { socketTaskID: string };
}

/** SocketTask message payload (docs/behaviour.md#a10-task-event-payloads: flat, as the docs say; binary `data` as in SocketMessageEvent). */
export type SocketTaskMessageEvent = SocketMessageEvent & { socketTaskID: string };

/** SocketTask error payload (docs/behaviour.md#a10-task-event-payloads). */
export interface SocketTaskErrorEvent {
  error: number;
  errorMessage: string;
  socketTaskID: string;
  data: { socketTaskID: string };
}

/** One connection of task mode (`multiple: true`); its events never reach the global listeners. */
export interface SocketTask {
  send(options: SendSocketMessageOptions): Promise<SendSocketMessageSuccess>;
  close(options?: CloseSocketOptions): Promise<CloseSocketSuccess>;
  onOpen(listener: (event: SocketTaskLifecycleEvent) => void): void;
  offOpen(listener?: (event: SocketTaskLifecycleEvent) => void): void;
  onMessage(listener: (event: SocketTaskMessageEvent) => void): void;
  offMessage(listener?: (event: SocketTaskMessageEvent) => void): void;
  onError(listener: (event: SocketTaskErrorEvent) => void): void;
  offError(listener?: (event: SocketTaskErrorEvent) => void): void;
  onClose(listener: (event: SocketTaskLifecycleEvent) => void): void;
  offClose(listener?: (event: SocketTaskLifecycleEvent) => void): void;
}

/** The `my` socket family: single mode through the global functions, task mode through SocketTask. */
export interface MySocketApi {
  connectSocket(options: ConnectSocketOptions & { multiple: true }): SocketTask;
  connectSocket(options: ConnectSocketOptions & { multiple: false }): undefined;
  /** Without `multiple`, the host's default (app.json `connectSocketDefaultMultiple`) decides. */
  connectSocket(options: ConnectSocketOptions): SocketTask | undefined;
  sendSocketMessage(options: SendSocketMessageOptions): Promise<SendSocketMessageSuccess>;
  closeSocket(options?: CloseSocketOptions): Promise<CloseSocketSuccess>;
  onSocketOpen(listener: (event: SocketOpenEvent) => void): void;
  offSocketOpen(listener?: (event: SocketOpenEvent) => void): void;
  onSocketMessage(listener: (event: SocketMessageEvent) => void): void;
  offSocketMessage(listener?: (event: SocketMessageEvent) => void): void;
  onSocketError(listener: (event: SocketErrorEvent) => void): void;
  offSocketError(listener?: (event: SocketErrorEvent) => void): void;
  onSocketClose(listener: (event: SocketCloseEvent) => void): void;
  offSocketClose(listener?: (event: SocketCloseEvent) => void): void;
  /** The emulated network's state (docs/debugging.md#network-conditions): 'NOTREACHABLE' while offline. */
  getNetworkType: NetworkStatusApi['getNetworkType'];
  onNetworkStatusChange: NetworkStatusApi['onNetworkStatusChange'];
  offNetworkStatusChange: NetworkStatusApi['offNetworkStatusChange'];
  /** Background and foreground, uncaught page errors (docs/behaviour.md#app-life-background-and-foreground). */
  onAppShow: AppLifeApi['onAppShow'];
  offAppShow: AppLifeApi['offAppShow'];
  onAppHide: AppLifeApi['onAppHide'];
  offAppHide: AppLifeApi['offAppHide'];
  onError: AppLifeApi['onError'];
  offError: AppLifeApi['offError'];
}

/** Everything `my` offers: sockets, my.request, storage and the device helpers (docs/behaviour.md#more-of-my). */
export type MyApi = MySocketApi & RequestApi & StorageApi & DeviceApi & OpenApi & Partial<FeedbackApi>;

/** Options of createMy. */
export interface CreateMyOptions {
  /** app.json `behavior.connectSocketDefaultMultiple` (docs/behaviour.md#a17-default-of-multiple-from-appjson): the mode when `multiple` is not given. */
  defaultMultiple?: boolean;
  /** Where UI feedback (toast, dialogs, title bar) is drawn; absent: those APIs are not offered (docs/behaviour.md#ui-feedback). */
  feedback?: FeedbackSurface;
  /**
   * Takes the engine's background/foreground news instead of `my`'s own onAppShow/onAppHide listeners (a
   * mini-program's logic runs App and page hooks first; docs/behaviour.md#app-life-background-and-foreground).
   */
  onAppVisibility?: (visible: boolean) => void;
  /** Lets the host hand uncaught page errors to `my.onError` listeners: called once with the reporter. */
  watchErrors?: (report: (message: string, stack: string) => void) => void;
}
