// One `my` client (a mini-app page session or the panel): validates its messages, runs the single-mode
// slot and its SocketTasks, and answers on one ordered stream, so the order decided here (a replaced
// connection's close before the new connect's success) is the order the client sees.
import type { AppJsonSettings } from '../../shared/app-json';
import type { Json } from '../../shared/json';
import type { ClientCall, ClientMessage, EngineMessage, SocketEventPayload } from '../../shared/my-wire';
import { callIdOf } from '../../shared/my-wire';
import type { InjectOutcome, InjectRequest } from '../../shared/inject';
import type { ClientInfo } from '../../shared/panel-wire';
import type { EngineSettings } from '../../shared/settings';
import type { CallProblem } from './call-results';
import { failure, success } from './call-results';
import { parseCloseArgs } from './close-rules';
import type { CloseRequest } from './close-rules';
import { planConnect } from './connect-plan';
import { createClientConnections, isLive } from './client-connections';
import { apiName, createClientRecorder } from './client-recorder';
import type { Connection } from './connection';
import { openConnection } from './connection';
import { injectFrame } from './frame-injection';
import type { DebugController } from './debugging/debug-controller';
import type { CaptureLog, ClientSession, Clock } from './ports';
import { createReconnectStormGuard } from './reconnect-storm-guard';
import { parseSendArgs } from './send-rules';
import { parseClientMessage } from './client-message-parse';
import { createWriteBacklog } from './write-backlog';

/** What a session needs from its engine. */
export interface SessionHost {
  readonly capture: CaptureLog;
  readonly clock: Clock;
  readonly debug: DebugController;
  settings(): EngineSettings;
  nextConnectionId(mode: 'single' | 'task'): string;
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
  inject(request: InjectRequest): InjectOutcome;
  /** One promise per socket of this client that is not fully closed yet. */
  closedSockets(): Promise<void>[];
  /** Tells the client's `my` the emulated network state (docs/debugging.md#network-conditions). */
  notifyNetwork(status: { networkAvailable: boolean; networkType: string }): void;
  /** Called once the session detached (the engine forgets it). */
  onDetached(listener: () => void): void;
}

/** Socket/event pairs whose listener counts the panel is shown per page. */
export const MAX_LISTENER_KEYS = 1024;

/** The errorMessage detail of the task limit (docs/behaviour.md#a16-task-limit). */
export const TASK_LIMIT_DETAIL = 'exceed each tiny app max socket count';
const REPLACED: CloseRequest = { code: 1000, reason: 'replaced by connectSocket' };
const GOING_AWAY: CloseRequest = { code: 1001, reason: 'going away' };

/** Who the client is: its id, its page's origin and, for a mini-app with an app.json, what that said. */
export interface ClientIdentity {
  clientId: string;
  origin: string;
  appJson?: AppJsonSettings;
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
  const listeners: Record<string, number> = {};
  let listenerBoundReported = false;
  const detachListeners: (() => void)[] = [];
  let detached = false;
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
      const wasActive = current.state() !== 'CLOSING';
      if (wasActive) {
        warn(current.connectionId, {
          id: 'second-single-connect',
          message: `connectSocket while ${current.connectionId} is ${current.state()}: policy "${settings.singleModePolicy}".`,
          detail: { policy: settings.singleModePolicy, state: current.state() },
        });
        if (settings.singleModePolicy === 'reject') {
          reply(call, current.connectionId, { ok: false, problem: { code: 2 } });
          return;
        }
        if (!stormGuard.allow()) {
          const detail = `reconnect storm: more than ${stormGuard.limit} replacements within ${stormGuard.windowMs} ms; connectSocket refused`;
          warn(current.connectionId, { id: 'reconnect-storm', message: detail, detail: { limit: stormGuard.limit, windowMs: stormGuard.windowMs } });
          reply(call, current.connectionId, { ok: false, problem: { code: 1, detail } });
          return;
        }
      }
      const closeEvent = current.abandon({ send: REPLACED, event: REPLACED, by: 'engine', why: 'replaced by connectSocket' });
      if (closeEvent) deliverEvent(null, closeEvent);
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
    const { size } = parsed.message;
    backlog.started(size);
    connection.send(parsed.message, (error) => {
      backlog.finished(size);
      if (error) reply(call, connectionId, { ok: false, problem: { code: 11, detail: error.message } });
      else reply(call, connectionId, { ok: true, payload: { success: true } });
    });
  }

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
    const key = `${message.target ?? 'single'}:${message.event}`;
    // The map goes into every state pushed to the panel: a page cannot grow it past MAX_LISTENER_KEYS
    // (docs/architecture.md#threat-model).
    if (Object.hasOwn(listeners, key) || Object.keys(listeners).length < MAX_LISTENER_KEYS) listeners[key] = message.count;
    else {
      if (!listenerBoundReported) warn('', { id: 'client-bound', message: `The page has listeners on more than ${MAX_LISTENER_KEYS} socket/event pairs; the panel shows the first ${MAX_LISTENER_KEYS}.`, detail: { bound: 'listener keys', limit: MAX_LISTENER_KEYS } });
      listenerBoundReported = true;
      return;
    }
    host.stateChanged();
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
    }
  }

  return {
    clientId,
    receive(raw) {
      if (detached) return;
      try {
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
      for (const connection of connections.live()) connection.abandon({ send: GOING_AWAY, event: GOING_AWAY, by: 'engine', why: `client detached: ${reason}` });
      record.lifecycle('', 'client-detached', { reason });
      detachListeners.forEach((listener) => listener());
      host.stateChanged();
    },
    info() {
      return { clientId, origin, listeners: { ...listeners }, ...(appJson ? { appJson: { ...appJson } } : {}) };
    },
    owns: (connectionId) => connections.get(connectionId) !== undefined,
    forceClose(connectionId, code, reason) {
      const connection = connections.get(connectionId);
      if (!isLive(connection)) return;
      const options: { [key: string]: Json } = {};
      if (code !== undefined) options.code = code;
      if (reason !== undefined) options.reason = reason;
      const parsed = parseCloseArgs(options, 'forceClose');
      const request = parsed.ok ? parsed.request : { code: 1000, reason: '' };
      if (!parsed.ok) warn(connectionId, { id: 'force-close-invalid', message: `${parsed.problem.detail ?? 'invalid close arguments'}; closed with 1000 instead.` });
      record.lifecycle(connectionId, 'force-close', { code: request.code, reason: request.reason, state: connection.state() });
      if (connection.state() === 'OPEN') {
        connection.close(request, 'panel');
        return;
      }
      const closeEvent = connection.abandon({ send: request, event: request, by: 'panel', why: 'closed from the panel' });
      if (closeEvent) deliverEvent(connection.target, closeEvent);
    },
    inject(request) {
      const connection = connections.get(request.connectionId);
      if (!connection) return { ok: false, reason: `no connection ${request.connectionId}` };
      return injectFrame(connection, request, {
        capture,
        clientId,
        deliverEvent,
        writeFailed: (connectionId, error) => warn(connectionId, { id: 'inject-failed', message: `The injected frame did not go out: ${error.message}` }),
      });
    },
    closedSockets: () => connections.all().map((connection) => connection.closed),
    notifyNetwork: (status) => deliver({ kind: 'network', ...status }),
    onDetached(listener) {
      detachListeners.push(listener);
    },
  };
}
