// The objects listeners receive, shaped from the engine's raw event (docs/behaviour.md#a9-close-payload-is-code-and-reason, docs/behaviour.md#a10-task-event-payloads, docs/behaviour.md#a23-open-payload): global
// listeners get the documented flat payloads, SocketTask listeners get the task id as well.
import type { SocketEventPayload } from '../my-wire';
import { base64ToArrayBuffer } from './base64-to-array-buffer';
import { reportToConsole } from './report-to-console';
import type {
  SocketCloseEvent,
  SocketErrorEvent,
  SocketMessageEvent,
  SocketOpenEvent,
  SocketTaskErrorEvent,
  SocketTaskLifecycleEvent,
  SocketTaskMessageEvent,
} from './types';

/** Payload for the global onSocket* listeners: open `{}`, message, error and close flat. */
export function globalEventPayload(
  raw: SocketEventPayload,
): SocketOpenEvent | SocketMessageEvent | SocketErrorEvent | SocketCloseEvent {
  switch (raw.event) {
    case 'open':
      return {};
    case 'message':
      return messageEvent(raw);
    case 'error':
      return { error: raw.error, errorMessage: raw.errorMessage };
    case 'close':
      return { code: raw.code, reason: raw.reason };
  }
}

/** Payload for SocketTask listeners: lifecycle and error nested like the typings, message flat. */
export function taskEventPayload(
  raw: SocketEventPayload,
  socketTaskID: string,
): SocketTaskLifecycleEvent | SocketTaskMessageEvent | SocketTaskErrorEvent {
  switch (raw.event) {
    case 'open':
    case 'close':
      return { socketTaskID, data: { socketTaskID } };
    case 'message':
      return { ...messageEvent(raw), socketTaskID };
    case 'error':
      return { error: raw.error, errorMessage: raw.errorMessage, socketTaskID, data: { socketTaskID } };
  }
}

/** Text as is; binary as base64, or as its own ArrayBuffer per listener when the engine asks (docs/behaviour.md#a14-incoming-binary-as-arraybuffer). */
function messageEvent(raw: Extract<SocketEventPayload, { event: 'message' }>): SocketMessageEvent {
  if (!raw.isBuffer) return { data: raw.data, isBuffer: false };
  if (raw.asArrayBuffer !== true) return { data: raw.data, isBuffer: true };
  const buffer = base64ToArrayBuffer(raw.data);
  if (buffer === undefined) reportToConsole('binary message from the engine is not base64; delivered as received', raw.data.slice(0, 200));
  return { data: buffer ?? raw.data, isBuffer: true };
}
