// What one `my` client writes to the capture: its calls, their results, its warnings, and what its
// listeners did. Kept apart from the session's socket logic so every entry of a client has one shape.
import type { CaptureEntry } from '../../shared/capture';
import type { Json } from '../../shared/json';
import type { ClientProfileName } from '../../shared/client-profiles';
import { profileStamp } from '../../shared/client-profiles';
import type { CallFailure, CallResult, CallSuccess, ClientCall, ClientMessage, SocketEventName } from '../../shared/my-wire';
import { summarizeOptions } from './call-detail';
import type { EngineWarning } from './engine-warning';
import { logWarning } from './engine-warning';
import type { CaptureLog } from './ports';

const capitalized = (event: SocketEventName): string => event[0]?.toUpperCase() + event.slice(1);

/** The `my` function a call came from, as the app wrote it. */
export function apiName(call: ClientCall): string {
  if (call.op === 'connect') return 'connectSocket';
  if (call.target === null) return call.op === 'send' ? 'sendSocketMessage' : 'closeSocket';
  return call.op === 'send' ? 'SocketTask.send' : 'SocketTask.close';
}

function listenName(target: string | null, event: SocketEventName, action: 'on' | 'off' | 'offAll'): string {
  const verb = action === 'on' ? 'on' : 'off';
  return target === null ? `${verb}Socket${capitalized(event)}` : `SocketTask.${verb}${capitalized(event)}`;
}

export interface ClientRecorder {
  warn(connectionId: string, warning: EngineWarning): void;
  call(call: ClientCall, connectionId: string): void;
  /** `profile` is stamped on failures made under a non-default client profile (docs/behaviour.md#client-profiles). */
  result(call: ClientCall, connectionId: string, message: CallResult, profile?: ClientProfileName): void;
  /** A listener registered or removed, with the misuse warnings it implies. */
  listen(message: Extract<ClientMessage, { op: 'listen' }>, connectionId: string): void;
  /** An event the client dispatched: warns when it reached no listener or a listener threw. */
  dispatched(message: Extract<ClientMessage, { op: 'dispatched' }>, connectionId: string): void;
  /** A mini-program project problem the page reported, as a warning naming its file and line. */
  problem(message: Extract<ClientMessage, { op: 'problem' }>): void;
  /** The answer to a message that was not understood but carried a call id. */
  invalidResult(callId: number, message: CallFailure): void;
  lifecycle(connectionId: string, name: string, detail: Record<string, string | number>): void;
}

/** A success's detail, built as one literal: every send's result passes here. */
function successDetail(call: ClientCall, payload: CallSuccess['payload']): Record<string, Json> {
  return call.target === null ? { callId: call.callId, ok: true, payload } : { callId: call.callId, ok: true, payload, target: call.target };
}

/** The recorder of client `clientId` into `capture`. */
export function createClientRecorder(capture: CaptureLog, clientId: string): ClientRecorder {
  const warn = (connectionId: string, warning: EngineWarning): void => logWarning(capture, { clientId, connectionId }, warning);
  return {
    warn,
    call(call, connectionId) {
      // Send calls and results are the hot entries: their literals hold the fields the log stamps (docs/architecture.md#the-send-paths-cost).
      const entry: CaptureEntry = {
        seq: 0,
        wallTime: 0,
        monoTime: 0,
        clientId,
        page: call.page,
        connectionId,
        kind: 'call',
        name: apiName(call),
        direction: 'none',
        size: 0,
        detail: { callId: call.callId, target: call.target, options: summarizeOptions(call.options) },
      };
      capture.append(entry);
    },
    result(call, connectionId, message, profile) {
      const name = apiName(call);
      if (message.ok) {
        const entry: CaptureEntry = { seq: 0, wallTime: 0, monoTime: 0, clientId, connectionId, kind: 'result', name, direction: 'none', size: 0, detail: successDetail(call, message.payload) };
        capture.append(entry);
        return;
      }
      capture.append({
        clientId,
        connectionId,
        kind: 'result',
        name,
        direction: 'none',
        size: 0,
        errorCode: message.error,
        errorMessage: message.errorMessage,
        detail: { ...profileStamp(profile), callId: call.callId, ok: false, ...(call.target !== null ? { target: call.target } : {}) },
      });
    },
    listen(message, connectionId) {
      const name = listenName(message.target, message.event, message.action);
      capture.append({
        clientId,
        connectionId,
        kind: 'call',
        name,
        direction: 'none',
        size: 0,
        detail: {
          target: message.target,
          event: message.event,
          action: message.action,
          count: message.count,
          sameFunctionCount: message.sameFunctionCount,
          ...(message.invalid !== undefined ? { invalid: message.invalid } : {}),
        },
      });
      if (message.invalid !== undefined) {
        warn(connectionId, { id: 'listener-not-function', message: `${name} was given ${message.invalid}, not a function; ignored.` });
      }
      if (message.action === 'on' && message.sameFunctionCount > 1) {
        warn(connectionId, {
          id: 'listener-pileup',
          message: `The same ${message.event} listener is now registered ${message.sameFunctionCount} times.`,
          detail: { event: message.event, target: message.target, sameFunctionCount: message.sameFunctionCount },
        });
      }
    },
    dispatched(message, connectionId) {
      if (message.listeners === 0) {
        warn(connectionId, { id: 'no-listeners', message: `The ${message.event} event reached no listener.`, detail: { event: message.event, target: message.target } });
      }
      if (message.thrown.length > 0) {
        warn(connectionId, { id: 'listener-threw', message: `${message.thrown.length} ${message.event} listener(s) threw.`, detail: { event: message.event, target: message.target, errors: message.thrown } });
      }
    },
    problem(message) {
      const { problem, page } = message;
      const where = problem.file === undefined ? '' : `${problem.file}${problem.line === undefined ? '' : `:${problem.line}`}: `;
      const detail: Record<string, Json> = { kind: problem.kind };
      if (problem.file !== undefined) detail.file = problem.file;
      if (problem.line !== undefined) detail.line = problem.line;
      if (problem.column !== undefined) detail.column = problem.column;
      if (problem.stack) detail.stack = problem.stack;
      if (problem.refused !== undefined) Object.assign(detail, problem.refused);
      const id = problem.refused === undefined ? 'miniprogram-problem' : 'remote-resource-refused';
      logWarning(capture, { clientId, page }, { id, message: `${where}${problem.message}`, detail });
    },
    invalidResult(callId, message) {
      capture.append({ clientId, connectionId: '', kind: 'result', name: 'invalid-message', direction: 'none', size: 0, errorCode: 1, errorMessage: message.errorMessage, detail: { callId, ok: false } });
    },
    lifecycle(connectionId, name, detail) {
      capture.append({ clientId, connectionId, kind: 'lifecycle', name, direction: 'none', size: 0, detail });
    },
  };
}
