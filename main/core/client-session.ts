// One `my` client (a mini-app page session or the panel): validates its messages, runs the single-mode
// slot and its SocketTasks, and answers on one ordered stream, so the order decided here (a replaced
// connection's close before the new connect's success) is the order the client sees.
import type { AppJsonSettings } from '../../shared/app-json';
import type { Json } from '../../shared/json';
import type { ClientCall, ClientMessage, EngineMessage, SocketEventName, SocketEventPayload } from '../../shared/my-wire';
import { clientMessageSchema } from '../../shared/my-wire';
import type { ClientInfo } from '../../shared/panel-wire';
import type { EngineSettings } from '../../shared/settings';
import type { CallProblem } from './call-results';
import { failure, success } from './call-results';
import { summarizeOptions } from './call-detail';
import { parseCloseArgs } from './close-rules';
import type { CloseRequest } from './close-rules';
import { planConnect } from './connect-plan';
import type { Connection } from './connection';
import { openConnection } from './connection';
import type { EngineWarning } from './engine-warning';
import type { CaptureLog, ClientSession, Clock } from './ports';
import { createReconnectStormGuard } from './reconnect-storm-guard';
import { parseSendArgs } from './send-rules';

/** What a session needs from its engine. */
export interface SessionHost {
  readonly capture: CaptureLog;
  readonly clock: Clock;
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
  /** One promise per socket of this client that is not fully closed yet. */
  closedSockets(): Promise<void>[];
  /** Called once the session detached (the engine forgets it). */
  onDetached(listener: () => void): void;
}

/** The errorMessage detail of the task limit (docs/behaviour.md#a16-task-limit). */
export const TASK_LIMIT_DETAIL = 'exceed each tiny app max socket count';
const REPLACED: CloseRequest = { code: 1000, reason: 'replaced by connectSocket' };
const GOING_AWAY: CloseRequest = { code: 1001, reason: 'going away' };
/** Closed or failed tasks remembered (so their send answers 10) before the oldest is forgotten. */
const MAX_REMEMBERED_TASKS = 256;

type TaskSlot = Connection | 'dead';

const capitalized = (event: SocketEventName): string => event[0]?.toUpperCase() + event.slice(1);

function apiName(call: ClientCall): string {
  if (call.op === 'connect') return 'connectSocket';
  if (call.target === null) return call.op === 'send' ? 'sendSocketMessage' : 'closeSocket';
  return call.op === 'send' ? 'SocketTask.send' : 'SocketTask.close';
}

function listenName(target: string | null, event: SocketEventName, action: 'on' | 'off' | 'offAll'): string {
  const verb = action === 'on' ? 'on' : 'off';
  return target === null ? `${verb}Socket${capitalized(event)}` : `SocketTask.${verb}${capitalized(event)}`;
}

function isLive(connection: Connection | undefined): connection is Connection {
  return connection !== undefined && connection.state() !== 'CLOSED';
}

/** Who the client is: its id, its page's origin and, for a mini-app with an app.json, what that said. */
export interface ClientIdentity {
  clientId: string;
  origin: string;
  appJson?: AppJsonSettings;
}

/** Creates the session for one client; `send` is the client's ordered link. */
export function createClientSession(host: SessionHost, identity: ClientIdentity, send: (message: EngineMessage) => void): ManagedClientSession {
  const { clientId, origin, appJson } = identity;
  const { capture, clock } = host;
  const stormGuard = createReconnectStormGuard(clock);
  const tasks = new Map<string, TaskSlot>();
  const listeners: Record<string, number> = {};
  const all = new Map<string, Connection>();
  const detachListeners: (() => void)[] = [];
  let single: Connection | undefined;
  let detached = false;

  function deliver(message: EngineMessage): void {
    if (detached) return;
    try {
      send(message);
    } catch (error) {
      warn('', { id: 'client-send-failed', message: `The client link threw: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  function warn(connectionId: string, warning: EngineWarning): void {
    capture.append({
      clientId,
      connectionId,
      kind: 'warning',
      name: warning.id,
      direction: 'none',
      size: 0,
      errorMessage: warning.message,
      detail: { warning: warning.id, ...warning.detail },
    });
  }

  function reply(call: ClientCall, connectionId: string, result: { ok: true; payload: Record<string, string | number | boolean> } | { ok: false; problem: CallProblem }): void {
    const message = result.ok ? success(call.callId, result.payload) : failure(call.callId, result.problem);
    capture.append({
      clientId,
      connectionId,
      kind: 'result',
      name: apiName(call),
      direction: 'none',
      size: 0,
      ...(message.ok ? {} : { errorCode: message.error, errorMessage: message.errorMessage }),
      detail: { callId: call.callId, ok: message.ok, ...(message.ok ? { payload: message.payload } : {}), ...(call.target !== null ? { target: call.target } : {}) },
    });
    deliver(message);
  }

  function logCall(call: ClientCall, connectionId: string): void {
    capture.append({
      clientId,
      connectionId,
      kind: 'call',
      name: apiName(call),
      direction: 'none',
      size: 0,
      detail: { callId: call.callId, target: call.target, options: summarizeOptions(call.options) },
    });
  }

  function connectionOf(target: string | null): Connection | undefined {
    if (target === null) return single;
    const slot = tasks.get(target);
    return slot === 'dead' ? undefined : slot;
  }

  function rememberTask(target: string, slot: TaskSlot): void {
    tasks.delete(target);
    tasks.set(target, slot);
    if (tasks.size <= MAX_REMEMBERED_TASKS) return;
    for (const [id, old] of tasks) {
      if (old === 'dead' || old.state() === 'CLOSED') {
        tasks.delete(id);
        if (tasks.size <= MAX_REMEMBERED_TASKS) return;
      }
    }
  }

  function liveTaskCount(): number {
    let count = 0;
    for (const slot of tasks.values()) if (slot !== 'dead' && slot.state() !== 'CLOSED') count += 1;
    return count;
  }

  function deliverEvent(target: string | null, payload: SocketEventPayload): void {
    // Read at delivery, so the "Incoming binary" setting applies to live connections too (docs/behaviour.md#a14-incoming-binary-as-arraybuffer).
    const asArrayBuffer = payload.event === 'message' && payload.isBuffer && host.settings().incomingBinary === 'arraybuffer';
    deliver({ kind: 'event', target, payload: asArrayBuffer ? { ...payload, asArrayBuffer: true } : payload });
  }

  function connect(call: Extract<ClientCall, { op: 'connect' }>): void {
    const { target } = call;
    const settings = host.settings();
    const current = connectionOf(target);
    logCall(call, isLive(current) ? current.connectionId : '');
    const planned = planConnect(call.options, settings, appJson?.connectTimeoutMs);
    const currentId = isLive(current) ? current.connectionId : '';
    planned.warnings.forEach((warning) => warn(currentId, warning));
    if (!planned.ok) {
      if (target !== null && !isLive(current)) rememberTask(target, 'dead');
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
      if (liveTaskCount() >= settings.maxTasks) {
        warn('', { id: 'task-limit', message: `${settings.maxTasks} SocketTasks are live; the limit is ${settings.maxTasks}.`, detail: { limit: settings.maxTasks } });
        rememberTask(target, 'dead');
        reply(call, '', { ok: false, problem: { code: 1, detail: TASK_LIMIT_DETAIL } });
        return;
      }
    }

    const connectionId = host.nextConnectionId(target === null ? 'single' : 'task');
    let connection: Connection;
    try {
      connection = openConnection({
        connectionId,
        clientId,
        target,
        plan: planned.plan,
        maxIncomingMessageBytes: settings.maxIncomingMessageBytes,
        ignoreCertificateErrors: settings.ignoreCertificateErrors,
        capture,
        clock,
        onEvent: (payload) => deliverEvent(target, payload),
        onStateChange: host.stateChanged,
      });
    } catch (error) {
      if (target === null) single = undefined;
      else rememberTask(target, 'dead');
      reply(call, '', { ok: false, problem: { code: 1, detail: error instanceof Error ? error.message : String(error) } });
      return;
    }
    all.set(connectionId, connection);
    void connection.closed.then(() => all.delete(connectionId));
    host.track(connection);
    if (target === null) single = connection;
    else rememberTask(target, connection);
    reply(call, connectionId, { ok: true, payload: {} });
  }

  function sendMessage(call: Extract<ClientCall, { op: 'send' }>): void {
    const connection = connectionOf(call.target);
    const connectionId = connection?.connectionId ?? '';
    logCall(call, connectionId);
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
    connection.send(parsed.message, (error) => {
      if (error) reply(call, connectionId, { ok: false, problem: { code: 11, detail: error.message } });
      else reply(call, connectionId, { ok: true, payload: { success: true } });
    });
  }

  function closeSocket(call: Extract<ClientCall, { op: 'close' }>): void {
    const connection = connectionOf(call.target);
    const connectionId = connection?.connectionId ?? '';
    logCall(call, connectionId);
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
    const connectionId = connectionOf(message.target)?.connectionId ?? '';
    capture.append({
      clientId,
      connectionId,
      kind: 'call',
      name: listenName(message.target, message.event, message.action),
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
      warn(connectionId, { id: 'listener-not-function', message: `${listenName(message.target, message.event, message.action)} was given ${message.invalid}, not a function; ignored.` });
    }
    if (message.action === 'on' && message.sameFunctionCount > 1) {
      warn(connectionId, {
        id: 'listener-pileup',
        message: `The same ${message.event} listener is now registered ${message.sameFunctionCount} times.`,
        detail: { event: message.event, target: message.target, sameFunctionCount: message.sameFunctionCount },
      });
    }
    listeners[`${message.target ?? 'single'}:${message.event}`] = message.count;
    host.stateChanged();
  }

  function dispatched(message: Extract<ClientMessage, { op: 'dispatched' }>): void {
    const connectionId = connectionOf(message.target)?.connectionId ?? '';
    if (message.listeners === 0) {
      warn(connectionId, { id: 'no-listeners', message: `The ${message.event} event reached no listener.`, detail: { event: message.event, target: message.target } });
    }
    if (message.thrown.length > 0) {
      warn(connectionId, { id: 'listener-threw', message: `${message.thrown.length} ${message.event} listener(s) threw.`, detail: { event: message.event, target: message.target, errors: message.thrown } });
    }
  }

  function rejectInvalid(raw: unknown, issues: string): void {
    const callId = typeof raw === 'object' && raw !== null ? (raw as { callId?: unknown }).callId : undefined;
    const answerable = typeof callId === 'number' && Number.isInteger(callId) && callId >= 0;
    warn('', { id: 'invalid-message', message: `A message from the client was not understood: ${issues}`, detail: { issues, ...(answerable ? { callId } : {}) } });
    if (answerable) {
      const message = failure(callId, { code: 1, detail: `invalid message: ${issues}` });
      capture.append({ clientId, connectionId: '', kind: 'result', name: 'invalid-message', direction: 'none', size: 0, errorCode: 1, errorMessage: message.errorMessage, detail: { callId, ok: false } });
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
        return dispatched(message);
    }
  }

  function liveConnections(): Connection[] {
    return [...all.values()].filter(isLive);
  }

  return {
    clientId,
    receive(raw) {
      if (detached) return;
      try {
        const parsed = clientMessageSchema.safeParse(raw);
        if (!parsed.success) {
          rejectInvalid(raw, parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(message)'}: ${issue.message}`).join('; '));
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
      for (const connection of liveConnections()) connection.abandon({ send: GOING_AWAY, event: GOING_AWAY, by: 'engine', why: `client detached: ${reason}` });
      capture.append({ clientId, connectionId: '', kind: 'lifecycle', name: 'client-detached', direction: 'none', size: 0, detail: { reason } });
      detachListeners.forEach((listener) => listener());
      host.stateChanged();
    },
    info() {
      return { clientId, origin, listeners: { ...listeners }, ...(appJson ? { appJson: { ...appJson } } : {}) };
    },
    owns: (connectionId) => all.has(connectionId),
    forceClose(connectionId, code, reason) {
      const connection = all.get(connectionId);
      if (!isLive(connection)) return;
      const options: { [key: string]: Json } = {};
      if (code !== undefined) options.code = code;
      if (reason !== undefined) options.reason = reason;
      const parsed = parseCloseArgs(options, 'forceClose');
      const request = parsed.ok ? parsed.request : { code: 1000, reason: '' };
      if (!parsed.ok) warn(connectionId, { id: 'force-close-invalid', message: `${parsed.problem.detail ?? 'invalid close arguments'}; closed with 1000 instead.` });
      capture.append({ clientId, connectionId, kind: 'lifecycle', name: 'force-close', direction: 'none', size: 0, detail: { code: request.code, reason: request.reason, state: connection.state() } });
      if (connection.state() === 'OPEN') {
        connection.close(request, 'panel');
        return;
      }
      const closeEvent = connection.abandon({ send: request, event: request, by: 'panel', why: 'closed from the panel' });
      if (closeEvent) deliverEvent(connection.target, closeEvent);
    },
    closedSockets: () => [...all.values()].map((connection) => connection.closed),
    onDetached(listener) {
      detachListeners.push(listener);
    },
  };
}
