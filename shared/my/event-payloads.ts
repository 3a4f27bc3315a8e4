// The objects listeners receive, shaped from the engine's raw event (api-spec A9, A10, A23): global
// listeners get the documented flat payloads, SocketTask listeners get the task id as well.
import type { SocketEventPayload } from '../my-wire';
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
      return { data: raw.data, isBuffer: raw.isBuffer };
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
      return { data: raw.data, isBuffer: raw.isBuffer, socketTaskID };
    case 'error':
      return { error: raw.error, errorMessage: raw.errorMessage, socketTaskID, data: { socketTaskID } };
  }
}
