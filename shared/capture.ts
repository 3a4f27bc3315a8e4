// One entry of the capture log: every call into `my`, every lifecycle event, every frame in both
// directions and every error, in one order (seq).
import type { Json } from './json';

export type EntryKind =
  /** A call into `my` (connectSocket, sendSocketMessage, closeSocket, on*, off*, task methods). */
  | 'call'
  /** The success or fail answer to a call. */
  | 'result'
  /** Lifecycle of a connection: connecting, open, closing, closed, handshake details. */
  | 'lifecycle'
  /** A WebSocket frame on the wire (text, binary, close, ping, pong). */
  | 'frame'
  /** An error event delivered to the app (onSocketError / task.onError). */
  | 'error'
  /** API misuse noticed by the engine or the client (send before open, 0 listeners, ...). */
  | 'warning'
  /** One my.request, written when it ended: method, URL, status, timing, headers and bodies in detail, the response body as payload. */
  | 'http';

export type Direction = 'out' | 'in' | 'none';

export const OPCODE = { text: 1, binary: 2, close: 8, ping: 9, pong: 10 } as const;

export interface CaptureEntry {
  seq: number;
  /** Wall-clock time, ms since the Unix epoch (with fractions). */
  wallTime: number;
  /** Monotonic time, ms since the engine started. */
  monoTime: number;
  /** Which `my` client: a mini-app page session ('app-3') or 'panel'. */
  clientId: string;
  /** The mini-program page route that made a call (kind 'call'), when the caller is mini-program logic. */
  page?: string;
  /** Engine-wide connection id ('s1' single-mode, 't4' task, 'h2' a my.request; CONNECTION_ID_PREFIX), '' when none. */
  connectionId: string;
  kind: EntryKind;
  /** Short name: the API (`connectSocket`), the event (`open`) or the frame type (`text`). */
  name: string;
  direction: Direction;
  /** RFC 6455 opcode for frames; undefined otherwise. */
  opcode?: number;
  /** Payload size in bytes (UTF-8 for text). */
  size: number;
  /** Payload: text as is, binary as base64 (see `binary`). Capped by the capture's payload cap. */
  payload?: string;
  binary?: boolean;
  truncated?: boolean;
  /** Error code 1–12 for failures and error events. */
  errorCode?: number;
  errorMessage?: string;
  /** Raw cause: TLS error name, HTTP status of a refused upgrade, `ws` message. */
  cause?: string;
  /** Structured extras: url, headers, subprotocols, close code/reason, call options, warning kind. */
  detail?: Record<string, Json>;
}

export interface CaptureStats {
  /** Entries ever appended. */
  total: number;
  /** Entries evicted from the ring (oldest first). */
  dropped: number;
  /** Entries currently held. */
  held: number;
  capacity: number;
  /** Entries removed on purpose by clear (not lost). */
  cleared: number;
}

/**
 * The connection id of a connection of each kind (docs/behaviour.md#my-request): `s<n>` single mode, `t<n>`
 * SocketTask, `h<n>` a `my.request`, `w<n>` a WebSocket read from another tool's HAR (its n-th entry).
 */
export const CONNECTION_ID_PREFIX = { single: 's', task: 't', request: 'h', importedSocket: 'w' } as const;

/** Whether a connection id names a `my.request` (its entries have no socket to inspect, debug or replay). */
export function isRequestConnectionId(connectionId: string): boolean {
  return connectionId.startsWith(CONNECTION_ID_PREFIX.request);
}
