// Frame injection (docs/behaviour.md#frame-injection): the panel's composer and the Playwright fixture put
// a frame on any OPEN connection of any client. 'in' reaches the app exactly like a server frame (same
// event, same "Incoming binary" handling); 'out' goes to the server through the connection's own send.
// Both are logged as frames marked `detail.injected`.
import { OPCODE } from '../../shared/capture';
import type { InjectMark, InjectOutcome, InjectRequest } from '../../shared/inject';
import { isBase64 } from '../../shared/inject';
import type { SocketEventPayload } from '../../shared/my-wire';
import type { Connection } from './connection';
import type { WriteDone } from './outgoing-wire';
import type { CaptureLog } from './ports';

/** What injection needs from the session that owns the connection. */
export interface InjectionDeps {
  capture: CaptureLog;
  clientId: string;
  deliverEvent(target: string | null, payload: SocketEventPayload): void;
  /** A write of an injected 'out' frame failed after it was logged. */
  writeFailed(connectionId: string, error: Error): void;
}

const INJECTED: InjectMark = { injected: true };

const injectedWritten: WriteDone<InjectionDeps> = (deps, error, _message, connectionId) => {
  if (error) deps.writeFailed(connectionId, error);
};

/**
 * Injects `request` on `connection`, marked `mark` in the capture; refuses (without side effects) what could
 * not happen on a real socket.
 */
export function injectFrame(connection: Connection, request: InjectRequest, deps: InjectionDeps, mark: InjectMark = INJECTED): InjectOutcome {
  const binary = request.binary === true;
  if (binary && !isBase64(request.payload)) return { ok: false, reason: 'a binary payload must be base64' };
  if (!connection.canSend()) return { ok: false, reason: `connection ${connection.connectionId} is ${connection.state()}, not OPEN` };
  const bytes = binary ? Buffer.from(request.payload, 'base64') : undefined;
  const size = bytes ? bytes.length : Buffer.byteLength(request.payload);
  if (request.direction === 'out') {
    const before = deps.capture.nextSeq();
    connection.send({ data: bytes ?? request.payload, binary, size, ...(binary ? { base64: request.payload } : {}) }, deps, injectedWritten, { ...mark });
    return { ok: true, seq: before };
  }
  const entry = deps.capture.append({
    clientId: deps.clientId,
    connectionId: connection.connectionId,
    kind: 'frame',
    name: binary ? 'binary' : 'text',
    direction: 'in',
    opcode: binary ? OPCODE.binary : OPCODE.text,
    size,
    payload: request.payload,
    binary,
    detail: { ...mark },
  });
  deps.deliverEvent(connection.target, { event: 'message', data: request.payload, isBuffer: binary });
  return { ok: true, seq: entry.seq };
}
