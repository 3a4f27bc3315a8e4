// One real `ws` socket and its own state (docs/behaviour.md#states-and-event-order). It turns `ws` events into app events
// with those guarantees: open at most once and before any message, error at most once, close
// exactly once and last. Everything it does is logged to the capture, frames included.
import type { Duplex } from 'node:stream';
import WebSocket from 'ws';
import type { Json } from '../../shared/json';
import { OPCODE, type CaptureEntry } from '../../shared/capture';
import type { SocketEventPayload } from '../../shared/my-wire';
import type { ConnectionInfo, ConnectionState } from '../../shared/panel-wire';
import { profileError, profileStamp, type ClientProfileName } from '../../shared/client-profiles';
import type { CaptureLog, Clock, NewCaptureEntry } from './ports';
import { errorMessageFor } from './call-results';
import type { CloseRequest } from './close-rules';
import type { ConnectPlan } from './connect-plan';
import { classifyHandshakeError, classifyOpenError, type ClassifiedError } from './error-classifier';
import type { DebugController } from './debugging/debug-controller';
import { DROPPED_AT_BREAKPOINT, type GateFrame } from './debugging/frame-gate';
import type { OutgoingMessage } from './send-rules';
import { AS_BINARY, AS_TEXT, type OutgoingWire, type WriteDone } from './outgoing-wire';
import { closeCodeWsSends, headersToJson, rawDataToBuffer } from './ws-details';
import { offlineConnectOptions } from './debugging/offline-socket';
import { setReading } from './socket-reading';
import { createWriteCoalescer } from './write-coalescing';

/** Who ended a connection, for the 'closed' lifecycle entry. */
export type Closer = 'app' | 'panel' | 'server' | 'network' | 'engine';

/** A close the engine performs itself (replacement, abort, detach): no `ws` event reaches the app. */
export interface Abandonment {
  /** Code and reason sent to the server when the socket was OPEN. */
  send: CloseRequest;
  /** The close event the owner may deliver instead of the one `ws` would have produced. */
  event: { code: number; reason: string };
  by: Closer;
  why: string;
}

/** What a connection needs: its identity, the plan, the limits and where its events go. */
export interface ConnectionOptions {
  connectionId: string;
  clientId: string;
  target: string | null;
  plan: ConnectPlan;
  maxIncomingMessageBytes: number;
  ignoreCertificateErrors: boolean;
  /** Whose codes and texts the app's errors carry (docs/behaviour.md#client-profiles). */
  clientProfile: ClientProfileName;
  capture: CaptureLog;
  clock: Clock;
  /** Breakpoints, network conditions and map remote (docs/debugging.md). */
  debug: DebugController;
  /** App events, in delivery order. */
  onEvent: (payload: SocketEventPayload) => void;
  onStateChange: () => void;
}

/** One socket as the session drives it. */
export interface Connection {
  readonly connectionId: string;
  readonly target: string | null;
  state(): ConnectionState;
  info(): ConnectionInfo;
  /** True when a send would reach `ws` (own state and `ws` both OPEN). */
  canSend(): boolean;
  /** Writes a message; `done` gets `token` and the write error, if any (code 11). Only when canSend(). `detail` marks its frame entry. */
  send<T>(message: OutgoingMessage, token: T, done: WriteDone<T>, detail?: Record<string, Json>): void;
  /** Starts the closing handshake of an OPEN socket; the close event follows from `ws`. */
  close(request: CloseRequest, by: 'app' | 'panel'): void;
  /** Ends the socket without any further event to the app; returns the close event to deliver, if any. */
  abandon(how: Abandonment): SocketEventPayload | undefined;
  /** Stops or restarts reading the server while the client cannot take more (docs/architecture.md#threat-model). */
  pauseIncoming(paused: boolean): void;
  /** Settles when the underlying socket is really closed. */
  readonly closed: Promise<void>;
}

/** How long an abandoned socket may take to finish its closing handshake before it is destroyed. */
const ABANDON_GRACE_MS = 2000;
/** The text of code 6, the same whether `ws`'s idle timer or the overall deadline fired. */
const HANDSHAKE_TIMED_OUT = 'Opening handshake has timed out';
const noop = (): void => undefined;

/** Opens the socket (throws synchronously only for requests `ws` refuses to build). */
export function openConnection(options: ConnectionOptions): Connection {
  const { connectionId, clientId, target, plan, capture, clock, onStateChange } = options;
  const ws = new WebSocket(plan.dialUrl ?? plan.url, plan.protocols, {
    ...(options.debug.offlineFor(connectionId) ? offlineConnectOptions : {}),
    headers: plan.headers,
    handshakeTimeout: plan.timeoutMs,
    maxPayload: options.maxIncomingMessageBytes,
    rejectUnauthorized: !options.ignoreCertificateErrors,
    perMessageDeflate: false,
    followRedirects: false,
  });

  let state: ConnectionState = 'CONNECTING';
  let errorDelivered = false;
  let closeRequest: CloseRequest | undefined;
  let closer: Closer | undefined;
  let openedAt: number | undefined;
  let closedAt: number | undefined;
  let closeCode: number | undefined;
  let closeReason: string | undefined;
  /** The TCP/TLS socket under `ws`: to tell a write cut off by a reset from a delivered one, and to coalesce a tick's writes. */
  let rawSocket: Duplex | undefined;
  /** Headers of the 101 answer (kept for the open entry, or the error entry when validation failed). */
  let responseHeaders: Record<string, Json> | undefined;
  const coalescer = createWriteCoalescer(() => rawSocket);
  let resolveClosed: () => void = noop;
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));

  const log = (entry: Omit<NewCaptureEntry, 'clientId' | 'connectionId'>): unknown => capture.append({ clientId, connectionId, ...entry });
  const lifecycle = (name: string, detail: Record<string, Json>): unknown => log({ kind: 'lifecycle', name, direction: 'none', size: 0, detail });
  // Every app event and frame passes the gates of docs/debugging.md (a straight pass when nothing is set).
  const gates = options.debug.attach({ connectionId, clientId, url: plan.url, protocol: () => ws.protocol, drop: (why) => (lifecycle('network-drop', { why }), ws.terminate()) });
  const onEvent = (payload: SocketEventPayload): void => gates.inbound.control(() => options.onEvent(payload));

  // `ws`'s handshakeTimeout is an idle timer: a server trickling bytes keeps it from ever firing. This
  // deadline bounds the whole handshake (DNS, TCP, TLS, the 101 answer) to the planned timeout.
  const handshakeDeadline = setTimeout(() => {
    if (state !== 'CONNECTING') return;
    closer = 'engine';
    deliverError({
      code: profileError(options.clientProfile, 6).code,
      errorMessage: errorMessageFor(6, HANDSHAKE_TIMED_OUT, options.clientProfile),
      cause: `the handshake did not finish within ${plan.timeoutMs} ms (overall deadline; the server may be answering too slowly)`,
    });
    ws.terminate();
  }, plan.timeoutMs);

  function deliverError(classified: ClassifiedError): void {
    if (errorDelivered) return;
    errorDelivered = true;
    log({
      kind: 'error',
      name: 'error',
      direction: 'in',
      size: 0,
      errorCode: classified.code,
      errorMessage: classified.errorMessage,
      cause: classified.cause,
      detail: {
        ...profileStamp(options.clientProfile),
        during: state,
        ...(classified.httpStatus !== undefined ? { httpStatus: classified.httpStatus } : {}),
        ...(state === 'CONNECTING' && responseHeaders ? { responseHeaders } : {}),
      },
    });
    onEvent({ event: 'error', error: classified.code, errorMessage: classified.errorMessage });
  }

  function markClosed(code: number, reason: string): void {
    state = 'CLOSED';
    closedAt = clock.now();
    closeCode = code;
    closeReason = reason;
  }

  ws.on('upgrade', (response) => {
    rawSocket = response.socket;
    responseHeaders = headersToJson(response.headers);
  });

  ws.on('open', () => {
    clearTimeout(handshakeDeadline);
    state = 'OPEN';
    openedAt = clock.now();
    // With "ignore certificate errors" the TLS socket still says why it would have been refused: the
    // release-parity verdict shows that failure instead of guessing.
    const tls = rawSocket as (Duplex & { authorized?: boolean; authorizationError?: Error | string }) | undefined;
    const detail: Record<string, Json> = { protocol: ws.protocol, requestedProtocols: plan.protocols, url: plan.url, responseHeaders: responseHeaders ?? {} };
    // Node gives the OpenSSL code as a string (typed as an Error).
    if (tls?.authorized === false && tls.authorizationError) detail.certificateError = typeof tls.authorizationError === 'string' ? tls.authorizationError : tls.authorizationError.message;
    lifecycle('open', detail);
    onEvent({ event: 'open' });
    onStateChange();
  });

  const deliverFrame = (frame: GateFrame): void => options.onEvent({ event: 'message', data: frame.data, isBuffer: frame.binary });
  ws.on('message', (raw, isBinary) => {
    const buffer = rawDataToBuffer(raw);
    const data = isBinary ? buffer.toString('base64') : buffer.toString();
    // Frames are the hot path (docs/architecture.md#capture-cpu): logged into the ring's columns without an
    // entry object, and one delivery function for every frame.
    capture.appendFrame(clientId, connectionId, isBinary, buffer.length, data, buffer);
    gates.inbound.frame({ data, binary: isBinary, size: buffer.length }, deliverFrame, noop);
  });

  for (const name of ['ping', 'pong'] as const) {
    ws.on(name, (payload) => log({ kind: 'frame', name, direction: 'in', opcode: OPCODE[name], size: payload.length, payload: payload.toString('base64'), binary: true }));
  }

  ws.on('error', (err) => {
    const wasOpen = state === 'OPEN';
    deliverError(state === 'CONNECTING' ? classifyHandshakeError(err, options.clientProfile) : classifyOpenError(err, options.clientProfile));
    const code = wasOpen ? closeCodeWsSends(err) : undefined;
    if (code === undefined) return;
    // `ws` answers the bad frame with its own close frame and stops reading, so the server's answer is
    // never seen: the code it sent is the one the app hears (docs/behaviour.md#states-and-event-order).
    closeRequest = { code, reason: '' };
    closer = 'engine';
    state = 'CLOSING';
    logCloseFrameOut(closeRequest);
    onStateChange();
  });

  ws.on('close', (code, reasonBuffer) => {
    clearTimeout(handshakeDeadline);
    gates.outbound.end('the connection closed');
    gates.detach();
    const reason = reasonBuffer.toString();
    const wasOpen = state === 'OPEN' || state === 'CLOSING';
    if (wasOpen && code === 1006 && closeRequest === undefined && !errorDelivered) {
      deliverError({ code: profileError(options.clientProfile, 1).code, errorMessage: errorMessageFor(1, 'connection lost', options.clientProfile), cause: 'the TCP connection ended without a close frame' });
    }
    if (code !== 1006) {
      log({ kind: 'frame', name: 'close', direction: 'in', opcode: OPCODE.close, size: code === 1005 ? 0 : 2 + reasonBuffer.length, payload: reason, detail: { code, reason } });
    }
    const by: Closer = closer ?? (code === 1006 ? 'network' : 'server');
    const sentByWs = code === 1006 && closer === 'engine' && closeRequest !== undefined;
    const delivered = sentByWs && closeRequest ? closeRequest : { code, reason };
    markClosed(delivered.code, delivered.reason);
    lifecycle('closed', {
      codeReceived: code,
      reasonReceived: reason,
      ...(closeRequest ? { codeSent: closeRequest.code, reasonSent: closeRequest.reason } : {}),
      ...(sentByWs ? { codeDelivered: delivered.code } : {}),
      closedFirstBy: by,
      ...(openedAt === undefined ? { neverOpened: true } : {}),
    });
    onEvent({ event: 'close', code: delivered.code, reason: delivered.reason });
    onStateChange();
    resolveClosed();
  });

  lifecycle('connecting', { url: plan.url, ...(plan.dialUrl ? { dialedUrl: plan.dialUrl, mappedBy: plan.mappedBy ?? '' } : {}), headers: plan.headers, requestedProtocols: plan.protocols, protocolSource: plan.protocolSource, timeoutMs: plan.timeoutMs, timeoutFrom: plan.timeoutFrom });

  /**
   * Node reports a write that was still in flight when the connection broke (ECONNRESET) as a success,
   * because the socket was already destroyed: the socket's own error says it never fully went out.
   */
  function writeCutOff(): Error | undefined {
    return rawSocket?.destroyed && rawSocket.errored ? rawSocket.errored : undefined;
  }

  const settle = (wire: OutgoingWire, error: Error | undefined): void => wire.done(wire.token, error, wire.message, connectionId);
  const writeOut = (frame: GateFrame, edited: boolean, wire: OutgoingWire): void => {
    try {
      const data = !edited ? wire.message.data : frame.binary ? Buffer.from(frame.data, 'base64') : frame.data;
      coalescer.beforeWrite();
      // Text goes to `ws` as its UTF-8 bytes: `ws` then masks it into the header's buffer, one write per frame
      // instead of two (docs/architecture.md#the-send-paths-cost).
      ws.send(typeof data === 'string' ? Buffer.from(data) : data, frame.binary ? AS_BINARY : AS_TEXT, (error) => settle(wire, error ?? writeCutOff()));
    } catch (error) {
      settle(wire, error instanceof Error ? error : new Error(String(error)));
    }
  };
  const discardOut = (why: string, wire: OutgoingWire): void => settle(wire, why === DROPPED_AT_BREAKPOINT ? undefined : new Error(why));

  function logCloseFrameOut(request: CloseRequest): void {
    log({ kind: 'frame', name: 'close', direction: 'out', opcode: OPCODE.close, size: 2 + Buffer.byteLength(request.reason), payload: request.reason, detail: { code: request.code, reason: request.reason } });
  }

  return {
    connectionId,
    target,
    closed,
    state: () => state,
    info: () => ({
      connectionId,
      clientId,
      target,
      url: plan.url,
      ...(plan.dialUrl ? { dialedUrl: plan.dialUrl } : {}),
      state,
      requestedProtocols: plan.protocols,
      protocol: ws.protocol,
      ...(openedAt !== undefined ? { openedAt } : {}),
      ...(closedAt !== undefined ? { closedAt } : {}),
      ...(closeCode !== undefined ? { closeCode } : {}),
      ...(closeReason !== undefined ? { closeReason } : {}),
    }),
    canSend: () => state === 'OPEN' && ws.readyState === WebSocket.OPEN,
    pauseIncoming: (paused) => setReading(ws, !paused),
    send(message, token, done, detail) {
      const data = message.binary ? (message.base64 ?? (message.data as Buffer).toString('base64')) : (message.data as string);
      const wire: OutgoingWire = { data, binary: message.binary, size: message.size, message, token, done: done as WriteDone<unknown> };
      // One literal holding the fields the log stamps, as for incoming frames (docs/architecture.md#the-send-paths-cost).
      const entry: CaptureEntry = { seq: 0, wallTime: 0, monoTime: 0, clientId, connectionId, kind: 'frame', name: message.binary ? 'binary' : 'text', direction: 'out', opcode: message.binary ? OPCODE.binary : OPCODE.text, size: message.size, payload: data, binary: message.binary };
      if (detail) entry.detail = detail;
      capture.append(entry);
      gates.outbound.frame(wire, writeOut, discardOut);
    },
    close(request, by) {
      closeRequest = request;
      closer = by;
      state = 'CLOSING';
      lifecycle('closing', { code: request.code, reason: request.reason, by });
      logCloseFrameOut(request);
      gates.outbound.control(() => ws.close(request.code, request.reason));
      onStateChange();
    },
    abandon(how) {
      if (state === 'CLOSED') return undefined;
      clearTimeout(handshakeDeadline);
      const previous = state;
      gates.inbound.end(how.why);
      gates.outbound.end(how.why);
      gates.detach();
      ws.removeAllListeners();
      ws.on('error', noop);
      ws.once('close', () => resolveClosed());
      closer = how.by;
      if (previous === 'CONNECTING') {
        ws.terminate();
      } else if (previous === 'OPEN') {
        closeRequest = how.send;
        logCloseFrameOut(how.send);
        ws.close(how.send.code, how.send.reason);
      }
      setTimeout(() => ws.terminate(), ABANDON_GRACE_MS).unref();
      const event = previous === 'CONNECTING' ? { code: 1006, reason: '' } : previous === 'CLOSING' && closeRequest ? { code: closeRequest.code, reason: closeRequest.reason } : how.event;
      markClosed(event.code, event.reason);
      lifecycle('closed', {
        codeReceived: event.code,
        reasonReceived: event.reason,
        ...(closeRequest ? { codeSent: closeRequest.code, reasonSent: closeRequest.reason } : {}),
        closedFirstBy: how.by,
        why: how.why,
        stateBefore: previous,
        ...(openedAt === undefined ? { neverOpened: true } : {}),
      });
      onStateChange();
      return { event: 'close', code: event.code, reason: event.reason };
    },
  };
}
