// One `my` client (a mini-app page session or the panel): validates its messages, runs the single-mode
// slot and its SocketTasks, and answers on one ordered stream, so the order decided here (a replaced
// connection's close before the new connect's success) is the order the client sees.
import type { AppJsonSettings } from '../../shared/app-json';
import type { ClientCall, ClientMessage, EngineMessage, ReportedPage, SocketEventPayload } from '../../shared/my-wire';
import { callIdOf, SEND_SUCCESS_PAYLOAD } from '../../shared/my-wire';
import { callBoundRefusal } from '../../shared/json-value-budget';
import type { InjectMark, InjectOutcome, InjectRequest } from '../../shared/inject';
import type { ClientInfo } from '../../shared/panel-wire';
import type { EngineSettings } from '../../shared/settings';
import { failure, success, type CallProblem } from './call-results';
import { parseCloseArgs, type CloseRequest } from './close-rules';
import { planConnect } from './connect-plan';
import { createClientConnections, isLive } from './client-connections';
import { createListenerCounts, MAX_LISTENER_KEYS } from './client-listener-counts';
import { apiName, createClientRecorder } from './client-recorder';
import { openConnection, type Connection } from './connection';
import type { WriteDone } from './outgoing-wire';
import { injectFrame } from './frame-injection';
import { forceCloseConnection } from './force-close';
import type { DebugController } from './debugging/debug-controller';
import type { CaptureLog, ClientSession, Clock } from './ports';
import { createMyApiHandler, type MyApiServices } from './my-apis/my-api-handler';
import { createReconnectStormGuard } from './reconnect-storm-guard';
import { replaceSingleConnection } from './single-mode-replacement';
import { parseSendArgs } from './send-rules';
import { hotSend, parseClientMessage } from './client-message-parse';
import { createWriteBacklog } from './write-backlog';

/** Every successful send's answer: one frozen object, as the capture keeps each result's detail for the ring's lifetime (docs/architecture.md#capture-memory). */
const SENT = Object.freeze({ ok: true as const, payload: SEND_SUCCESS_PAYLOAD });

/** What a session needs from its engine. */
export interface SessionHost {
  readonly capture: CaptureLog;
  readonly clock: Clock;
  readonly debug: DebugController;
  settings(): EngineSettings;
  nextConnectionId(mode: 'single' | 'task' | 'request'): string;
  readonly myApis: MyApiServices;
  track(connection: Connection): void;
  stateChanged(): void;
}

/** The engine's handle on a session: the public ClientSession plus what the engine drives. */
export interface ManagedClientSession extends ClientSession {
  info(): ClientInfo;
  owns(connectionId: string): boolean;
  /** Panel control: close a live connection whoever opened it. */
  forceClose(connectionId: string, code?: number, reason?: string): void;
  /** Panel control and test fixture: put a frame on a connection of this client (docs/behaviour.md#frame-injection). */
  inject(request: InjectRequest, mark?: InjectMark): InjectOutcome;
  /** One promise per socket of this client that is not fully closed yet. */
  closedSockets(): Promise<void>[];
  /** Tells the client's `my` the emulated network state (docs/debugging.md#network-conditions). */
  notifyNetwork(status: { networkAvailable: boolean; networkType: string }): void;
  /** Called once the session detached (the engine forgets it). */
  onDetached(listener: () => void): void;
  /** Tells the client's `my` the app went to the background or came back (main/core/app-life.ts). */
  notifyAppVisibility(visible: boolean): void;
  /** The engine closes every live socket (the app hears onSocketClose with `code`); returns how many. */
  closeLiveSockets(code: number, reason: string, why: string): number;
}

/** The errorMessage detail of the task limit (docs/behaviour.md#a16-task-limit). */
export const TASK_LIMIT_DETAIL = 'exceed each tiny app max socket count';
const GOING_AWAY: CloseRequest = { code: 1001, reason: 'going away' };

/** Who the client is: its id, its page's origin and, for a mini-app with an app.json, what that said. */
export interface ClientIdentity {
  clientId: string;
  origin: string;
  appJson?: AppJsonSettings;
  /** Whose my storage the client uses (docs/behaviour.md#storage-mirror); default: its origin. */
  projectKey?: string;
}

/**
 * Creates the session for one client; `send` is the client's ordered link. `holdCalls(true)` asks the host
 * to hold the client's later calls, in order, while its sends wait for a slow socket (write-backlog.ts).
 */
export function createClientSession(host: SessionHost, identity: ClientIdentity, send: (message: EngineMessage) => void, holdCalls: (hold: boolean) => void = () => undefined): ManagedClientSession {
  const { clientId, origin, appJson } = identity;
  const { capture, clock } = host;
  const stormGuard = createReconnectStormGuard(clock);
  const connections = createClientConnections();
  const record = createClientRecorder(capture, clientId);
  const { warn } = record;
  const listeners = createListenerCounts();
  let listenerBoundReported = false;
  const detachListeners: (() => void)[] = [];
  let detached = false;
  const myApis = createMyApiHandler({ services: host.myApis, capture, clock, clientId, projectKey: identity.projectKey ?? origin, settings: host.settings, nextRequestId: () => host.nextConnectionId('request'), deliver: (message) => deliver(message), warn, offline: (id) => host.debug.offlineFor(id), mapUrl: host.debug.mapUrl });
  let pageStack: ReportedPage[] | undefined;
  const backlog = createWriteBacklog(holdCalls);

  function deliver(message: EngineMessage): void {
    if (detached) return;
    try {
      send(message);
    } catch (error) {
      warn('', { id: 'client-send-failed', message: `The client link threw: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  function reply(call: ClientCall, connectionId: string, result: { ok: true; payload: Record<string, string | number | boolean> } | { ok: false; problem: CallProblem }): void {
    const profile = host.settings().clientProfile;
    const message = result.ok ? success(call.callId, result.payload) : failure(call.callId, result.problem, profile);
    record.result(call, connectionId, message, profile);
    deliver(message);
  }

  function deliverEvent(target: string | null, payload: SocketEventPayload): void {
    // Read at delivery, so the "Incoming binary" setting applies to live connections too (docs/behaviour.md#a14-incoming-binary-as-arraybuffer).
    const asArrayBuffer = payload.event === 'message' && payload.isBuffer && host.settings().incomingBinary === 'arraybuffer';
    deliver({ kind: 'event', target, payload: asArrayBuffer ? { ...payload, asArrayBuffer: true } : payload });
  }

  function connect(call: Extract<ClientCall, { op: 'connect' }>): void {
    const { target } = call;
    const settings = host.settings();
    const current = connections.of(target);
    record.call(call, isLive(current) ? current.connectionId : '');
    const planned = planConnect(call.options, settings, appJson?.connectTimeoutMs);
    const currentId = isLive(current) ? current.connectionId : '';
    planned.warnings.forEach((warning) => warn(currentId, warning));
    if (!planned.ok) {
      if (target !== null && !isLive(current)) connections.failed(target);
      reply(call, currentId, { ok: false, problem: planned.problem });
      return;
    }

    if (target === null && isLive(current)) {
      const refused = replaceSingleConnection(current, settings, { warn, stormGuard, deliverEvent });
      if (refused) return reply(call, current.connectionId, { ok: false, problem: refused });
    }

    if (target !== null) {
      if (isLive(current)) {
        reply(call, current.connectionId, { ok: false, problem: { code: 1, detail: `SocketTask id "${target}" is already in use` } });
        return;
      }
      if (connections.liveTaskCount() >= settings.maxTasks) {
        warn('', { id: 'task-limit', message: `${settings.maxTasks} SocketTasks are live; the limit is ${settings.maxTasks}.`, detail: { limit: settings.maxTasks } });
        connections.failed(target);
        reply(call, '', { ok: false, problem: { code: 1, detail: TASK_LIMIT_DETAIL } });
        return;
      }
    }

    const connectionId = host.nextConnectionId(target === null ? 'single' : 'task');
    const mapped = host.debug.mapUrl(planned.plan.url);
    let connection: Connection;
    try {
      connection = openConnection({
        connectionId,
        clientId,
        target,
        plan: mapped.rule ? { ...planned.plan, dialUrl: mapped.url, mappedBy: mapped.rule.id } : planned.plan,
        debug: host.debug,
        maxIncomingMessageBytes: settings.maxIncomingMessageBytes,
        clientProfile: settings.clientProfile,
        ignoreCertificateErrors: settings.ignoreCertificateErrors,
        capture,
        clock,
        onEvent: (payload) => deliverEvent(target, payload),
        onStateChange: host.stateChanged,
      });
    } catch (error) {
      connections.failed(target);
      reply(call, '', { ok: false, problem: { code: 1, detail: error instanceof Error ? error.message : String(error) } });
      return;
    }
    connections.open(target, connection);
    host.track(connection);
    reply(call, connectionId, { ok: true, payload: {} });
  }

  function sendMessage(call: Extract<ClientCall, { op: 'send' }>): void {
    const connection = connections.of(call.target);
    const connectionId = connection?.connectionId ?? '';
    record.call(call, connectionId);
    const parsed = parseSendArgs(call.options);
    parsed.warnings.forEach((warning) => warn(connectionId, warning));
    if (!parsed.ok) {
      reply(call, connectionId, { ok: false, problem: parsed.problem });
      return;
    }
    if (!connection || !connection.canSend()) {
      const state = connection ? connection.state() : 'no connection';
      warn(connectionId, { id: 'send-before-open', message: `send while the connection is ${state}; nothing was queued.`, detail: { state } });
      reply(call, connectionId, { ok: false, problem: { code: 10, detail: `the connection is ${state}` } });
      return;
    }
    backlog.started(parsed.message.size);
    connection.send(parsed.message, call, written);
  }

  /** Every send's end, one function for all (docs/architecture.md#the-send-paths-cost). */
  const written: WriteDone<ClientCall> = (call, error, message, connectionId) => {
    backlog.finished(message.size);
    if (error) reply(call, connectionId, { ok: false, problem: { code: 11, detail: error.message } });
    else reply(call, connectionId, SENT);
  };

  function closeSocket(call: Extract<ClientCall, { op: 'close' }>): void {
    const connection = connections.of(call.target);
    const connectionId = connection?.connectionId ?? '';
    record.call(call, connectionId);
    const parsed = parseCloseArgs(call.options, apiName(call));
    parsed.warnings.forEach((warning) => warn(connectionId, warning));
    if (!parsed.ok) {
      reply(call, connectionId, { ok: false, problem: parsed.problem });
      return;
    }
    const closed = { ok: true as const, payload: { message: '' } };
    if (!isLive(connection)) {
      warn(connectionId, { id: 'close-without-connection', message: 'close with no live connection: answered success, did nothing.' });
      reply(call, connectionId, closed);
      return;
    }
    const state = connection.state();
    if (state === 'CONNECTING') {
      warn(connectionId, { id: 'close-before-open', message: 'closed while the handshake was running: aborted, close code 1006.' });
      const closeEvent = connection.abandon({ send: parsed.request, event: parsed.request, by: 'app', why: 'closed before open' });
      reply(call, connectionId, closed);
      if (closeEvent) deliverEvent(call.target, closeEvent);
      return;
    }
    if (state === 'OPEN') connection.close(parsed.request, 'app');
    reply(call, connectionId, closed);
  }

  function listen(message: Extract<ClientMessage, { op: 'listen' }>): void {
    record.listen(message, connections.of(message.target)?.connectionId ?? '');
    if (listeners.set(`${message.target ?? 'single'}:${message.event}`, message.count)) return host.stateChanged();
    if (!listenerBoundReported) warn('', { id: 'client-bound', message: `The page has listeners on more than ${MAX_LISTENER_KEYS} socket/event pairs; the panel shows the first ${MAX_LISTENER_KEYS}.`, detail: { bound: 'listener keys', limit: MAX_LISTENER_KEYS } });
    listenerBoundReported = true;
  }

  function rejectInvalid(raw: unknown, issues: string): void {
    const callId = callIdOf(raw);
    warn('', { id: 'invalid-message', message: `A message from the client was not understood: ${issues}`, detail: { issues, ...(callId !== undefined ? { callId } : {}) } });
    if (callId !== undefined) {
      const message = failure(callId, { code: 1, detail: `invalid message: ${issues}` });
      record.invalidResult(callId, message);
      deliver(message);
    }
  }

  function handle(message: ClientMessage): void {
    switch (message.op) {
      case 'connect':
        return connect(message);
      case 'send':
        return sendMessage(message);
      case 'close':
        return closeSocket(message);
      case 'listen':
        return listen(message);
      case 'dispatched':
        return record.dispatched(message, connections.of(message.target)?.connectionId ?? '');
      case 'problem':
        return record.problem(message);
      case 'api':
        return myApis.api(message);
      case 'storage':
        return myApis.storage(message);
      case 'unsupported':
        return myApis.unsupported(message.api);
      case 'page-stack':
        pageStack = message.pages;
        return host.stateChanged();
    }
  }

  deliver(myApis.seed());

  return {
    clientId,
    pauseIncoming(paused) {
      for (const connection of connections.live()) connection.pauseIncoming(paused);
    },
    receive(raw) {
      if (detached) return;
      try {
        // A send of the hot shape holds a handful of values: it skips the count (docs/architecture.md#the-send-paths-cost).
        const hot = hotSend(raw);
        if (hot) return sendMessage(hot);
        // Counted before validating: validation and summaries cost time per value (docs/behaviour.md#a26-call-size-limits).
        const refusal = callBoundRefusal(raw);
        if (refusal !== undefined) {
          rejectInvalid(raw, refusal);
          return;
        }
        const parsed = parseClientMessage(raw);
        if (!parsed.success) {
          rejectInvalid(raw, parsed.issues);
          return;
        }
        handle(parsed.data);
      } catch (error) {
        rejectInvalid(raw, `engine fault: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    detach(reason) {
      if (detached) return;
      detached = true;
      myApis.detach();
      for (const connection of connections.live()) connection.abandon({ send: GOING_AWAY, event: GOING_AWAY, by: 'engine', why: `client detached: ${reason}` });
      record.lifecycle('', 'client-detached', { reason });
      detachListeners.forEach((listener) => listener());
      host.stateChanged();
    },
    info() {
      return { clientId, origin, listeners: listeners.snapshot(), ...(appJson ? { appJson: { ...appJson } } : {}), ...(pageStack ? { pageStack } : {}) };
    },
    owns: (connectionId) => connections.get(connectionId) !== undefined,
    forceClose(connectionId, code, reason) {
      const connection = connections.get(connectionId);
      if (isLive(connection)) forceCloseConnection(connection, code, reason, { warn, record, deliverEvent });
    },
    inject(request, mark) {
      const connection = connections.get(request.connectionId);
      if (!connection) return { ok: false, reason: `no connection ${request.connectionId}` };
      const resent = mark !== undefined && 'resent' in mark;
      return injectFrame(connection, request, {
        capture,
        clientId,
        deliverEvent,
        writeFailed: (connectionId, error) => warn(connectionId, resent ? { id: 'resend-failed', message: `The resent frame did not go out: ${error.message}` } : { id: 'inject-failed', message: `The injected frame did not go out: ${error.message}` }),
      }, mark);
    },
    closedSockets: () => connections.all().map((connection) => connection.closed),
    notifyNetwork: (status) => deliver({ kind: 'network', ...status }),
    notifyAppVisibility: (visible) => deliver({ kind: 'app-visibility', visible }),
    closeLiveSockets(code, reason, why) {
      const live = connections.live();
      for (const connection of live) {
        const closeEvent = connection.abandon({ send: { code, reason }, event: { code, reason }, by: 'engine', why });
        if (closeEvent) deliverEvent(connection.target, closeEvent);
      }
      return live.length;
    },
    onDetached(listener) {
      detachListeners.push(listener);
    },
  };
}
