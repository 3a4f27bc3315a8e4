// The `my` socket family over an abstract transport, identical in every host. The client validates
// nothing: it forwards each call as sanitized JSON with a fresh callId and lets the engine decide every
// error code (so every misuse is logged there); it keeps callbacks and listeners locally and runs them,
// asynchronously and in stream order, as results and events arrive. Nothing ever throws out of `my`.
import { unpackEngineLinkMessage, type ClientCall, type ClientMessage, type ClientSeed, type EngineMessage, type MyTransport, type SocketEventMessage, type SocketEventName, type SocketTarget } from '../my-wire';
import type { ApiPort } from './api-port';
import { createDeviceApi } from './device-api';
import { createFeedbackApi } from './feedback-api';
import { createOpenApi } from './open-api';
import { createRequestApi } from './request-api';
import { createStorageApi } from './storage-api';
import { withUnsupportedStubs } from './unsupported-api';
import { socketError } from '../error-codes';
import type { Json } from '../json';
import { describeThrown } from './describe-thrown';
import { engineMessageSchema } from './engine-message-schema';
import { globalEventPayload, taskEventPayload } from './event-payloads';
import { createListenerRegistry, type SocketListener } from './listener-registry';
import { createPendingCalls, type CallCallbacks, type CallSuccessPayload } from './pending-calls';
import { createNetworkStatus } from './network-status';
import { createAppLifeEvents } from './app-life-events';
import { reportToConsole } from './report-to-console';
import { sanitizeOptions } from './sanitize';
import type { CloseSocketSuccess, CreateMyOptions, MyApi, MySocketApi, SendSocketMessageSuccess, SocketTask } from './types';

/** Limits of the `dispatched` report (shared/my-wire.ts dispatchReportSchema). */
const MAX_THROWN_REPORTED = 100;
const MAX_THROWN_MESSAGE = 2000;

interface ReadCall {
  options: Json;
  callbacks: CallCallbacks;
}

interface TaskState {
  /** The engine ended the page session: the task's connection no longer exists. */
  dead: boolean;
}

const GLOBAL_LISTENER_API: Record<SocketEventName, string> = {
  open: 'onSocketOpen',
  message: 'onSocketMessage',
  error: 'onSocketError',
  close: 'onSocketClose',
};

const TASK_LISTENER_API: Record<SocketEventName, string> = {
  open: 'SocketTask.onOpen',
  message: 'SocketTask.onMessage',
  error: 'SocketTask.onError',
  close: 'SocketTask.onClose',
};

/** Builds the `my` object a host exposes as `window.my`, talking to the engine through `transport`. */
export function createMy(transport: MyTransport, options: CreateMyOptions = {}): MyApi {
  const defaultMultiple = options.defaultMultiple === true;
  const listeners = createListenerRegistry();
  const calls = createPendingCalls();
  const localCalls = createPendingCalls();
  const seedListeners: ((seed: ClientSeed) => void)[] = [];
  let lastLocalCallId = 0;
  const tasks = new Map<string, TaskState>();
  const network = createNetworkStatus();
  const appLife = createAppLifeEvents();
  options.watchErrors?.((message, stack) => appLife.error(message, stack));
  const inbox: unknown[] = [];
  let draining = false;
  let lastCallId = 0;
  let lastTaskNumber = 0;

  transport.onMessage((message) => receive(message));

  /** Queues a link message (one message or a batch); the queue is worked off in a microtask, in arrival order. */
  function receive(raw: unknown): void {
    inbox.push(raw);
    if (draining) return;
    draining = true;
    queueMicrotask(drain);
  }

  function drain(): void {
    for (let index = 0; index < inbox.length; index += 1) {
      for (const message of unpackEngineLinkMessage(inbox[index])) handle(message);
    }
    inbox.length = 0;
    draining = false;
  }

  function handle(raw: unknown): void {
    const parsed = engineMessageSchema.safeParse(raw);
    if (!parsed.success) {
      reportToConsole('ignored a malformed message from the engine', parsed.error.message);
      return;
    }
    const message: EngineMessage = parsed.data;
    if (message.kind === 'result') calls.settle(message);
    else if (message.kind === 'event') dispatch(message);
    else if (message.kind === 'network') network.receive(message);
    else if (message.kind === 'seed') seedListeners.forEach((listener) => listener(message));
    else if (message.kind === 'app-visibility') (options.onAppVisibility ?? appLife.visibility)(message.visible);
    else endSession();
  }

  function dispatch({ target, payload }: SocketEventMessage): void {
    if (target !== null && tasks.get(target)?.dead !== false) return;
    const snapshot = listeners.snapshot(target, payload.event);
    const api = (target === null ? GLOBAL_LISTENER_API : TASK_LISTENER_API)[payload.event];
    const thrown: string[] = [];
    for (const listener of snapshot) {
      try {
        listener(target === null ? globalEventPayload(payload) : taskEventPayload(payload, target));
      } catch (error) {
        if (thrown.length < MAX_THROWN_REPORTED) thrown.push(describeThrown(error).slice(0, MAX_THROWN_MESSAGE));
        reportToConsole(`a ${api} listener threw`, error);
      }
    }
    // Only problems are reported: a report per delivered message would double the bridge traffic of a flood.
    if (snapshot.length === 0 || thrown.length > 0) post({ op: 'dispatched', target, event: payload.event, listeners: snapshot.length, thrown });
  }

  function endSession(): void {
    for (const task of tasks.values()) task.dead = true;
    calls.clear();
  }

  /** Sends to the engine; false when the transport refused (the link is gone). */
  function post(message: ClientMessage): boolean {
    try {
      transport.send(message);
      return true;
    } catch (error) {
      reportToConsole('could not reach the devtools engine', error);
      return false;
    }
  }

  function readCall(rawOptions: unknown): ReadCall {
    const callbacks: CallCallbacks = {};
    if (rawOptions === undefined) return { options: {}, callbacks };
    const options = sanitizeOptions(rawOptions, (key, fn) => {
      if (key === 'success' || key === 'fail' || key === 'complete') callbacks[key] = fn;
    });
    return { options, callbacks };
  }

  function startCall(op: ClientCall['op'], target: SocketTarget, api: string, call: ReadCall, withPromise: true): Promise<CallSuccessPayload>;
  function startCall(op: ClientCall['op'], target: SocketTarget, api: string, call: ReadCall, withPromise: false): undefined;
  function startCall(op: ClientCall['op'], target: SocketTarget, api: string, call: ReadCall, withPromise: boolean) {
    lastCallId += 1;
    const callId = lastCallId;
    const promise = withPromise
      ? calls.open(callId, api, call.callbacks, true)
      : calls.open(callId, api, call.callbacks, false);
    if (target !== null && tasks.get(target)?.dead) receive(deadTaskAnswer(op, callId));
    else if (!post({ op, callId, target, options: call.options })) {
      receive({ kind: 'result', callId, ok: false, error: 1, errorMessage: 'The devtools engine cannot be reached.' });
    }
    return promise;
  }

  // The engine promises these payloads per op (docs/behaviour.md#a20-success-payloads); the wire types them only as a record.
  function sendMessage(target: SocketTarget, api: string, rawOptions: unknown): Promise<SendSocketMessageSuccess> {
    return startCall('send', target, api, readCall(rawOptions), true) as Promise<unknown> as Promise<SendSocketMessageSuccess>;
  }

  function close(target: SocketTarget, api: string, rawOptions: unknown): Promise<CloseSocketSuccess> {
    return startCall('close', target, api, readCall(rawOptions), true) as Promise<unknown> as Promise<CloseSocketSuccess>;
  }

  function listen(target: SocketTarget, event: SocketEventName, api: string, listener: unknown): void {
    const quiet = target !== null && tasks.get(target)?.dead === true;
    if (typeof listener !== 'function') {
      if (!quiet) {
        const count = listeners.count(target, event);
        post({ op: 'listen', target, event, action: 'on', count, sameFunctionCount: 0, invalid: invalidListener(api, listener) });
      }
      return;
    }
    const counts = listeners.add(target, event, listener as SocketListener);
    if (!quiet) post({ op: 'listen', target, event, action: 'on', ...counts });
  }

  function unlisten(target: SocketTarget, event: SocketEventName, api: string, listener: unknown): void {
    const quiet = target !== null && tasks.get(target)?.dead === true;
    if (listener === undefined) {
      const counts = listeners.removeAll(target, event);
      if (!quiet) post({ op: 'listen', target, event, action: 'offAll', ...counts });
      return;
    }
    if (typeof listener !== 'function') {
      if (!quiet) {
        const count = listeners.count(target, event);
        post({ op: 'listen', target, event, action: 'off', count, sameFunctionCount: 0, invalid: invalidListener(api, listener) });
      }
      return;
    }
    const counts = listeners.remove(target, event, listener as SocketListener);
    if (!quiet) post({ op: 'listen', target, event, action: 'off', ...counts });
  }

  function createTask(id: string): SocketTask {
    return {
      send: (sendOptions: unknown) => sendMessage(id, 'SocketTask.send', sendOptions),
      close: (closeOptions?: unknown) => close(id, 'SocketTask.close', closeOptions),
      onOpen: (listener: unknown) => listen(id, 'open', 'SocketTask.onOpen', listener),
      offOpen: (listener?: unknown) => unlisten(id, 'open', 'SocketTask.offOpen', listener),
      onMessage: (listener: unknown) => listen(id, 'message', 'SocketTask.onMessage', listener),
      offMessage: (listener?: unknown) => unlisten(id, 'message', 'SocketTask.offMessage', listener),
      onError: (listener: unknown) => listen(id, 'error', 'SocketTask.onError', listener),
      offError: (listener?: unknown) => unlisten(id, 'error', 'SocketTask.offError', listener),
      onClose: (listener: unknown) => listen(id, 'close', 'SocketTask.onClose', listener),
      offClose: (listener?: unknown) => unlisten(id, 'close', 'SocketTask.offClose', listener),
    };
  }

  function connectSocket(connectOptions: unknown): SocketTask | undefined {
    const call = readCall(connectOptions);
    if (!isMultiple(call.options, defaultMultiple)) {
      startCall('connect', null, 'connectSocket', call, false);
      return undefined;
    }
    lastTaskNumber += 1;
    const id = `task-${lastTaskNumber}`;
    tasks.set(id, { dead: false });
    const task = createTask(id);
    startCall('connect', id, 'connectSocket', call, false);
    return task;
  }

  const port: ApiPort = {
    callEngine(api, callOptions, callbacks, shape) {
      lastCallId += 1;
      const callId = lastCallId;
      const promise = calls.open(callId, api, callbacks, true, shape);
      if (!post({ op: 'api', callId, api, options: callOptions })) {
        receive({ kind: 'result', callId, ok: false, error: 1, errorMessage: 'The devtools engine cannot be reached.' });
      }
      return { callId, promise };
    },
    answerLocally: (api, callbacks, answer) => port.answerLater(api, callbacks, Promise.resolve(answer)),
    answerLater(api, callbacks, later) {
      lastLocalCallId += 1;
      const callId = lastLocalCallId;
      let payload: Record<string, unknown> = {};
      // The answer travels as its own payload (it may hold more than the wire's JSON), handed over by `shape`.
      const promise = localCalls.open(callId, api, callbacks, true, () => ({ ...payload }));
      void later.then((answer) => {
        if (answer.ok) payload = answer.payload;
        localCalls.settle(answer.ok ? { kind: 'result', callId, ok: true, payload: {} } : { kind: 'result', callId, ok: false, error: answer.error, errorMessage: answer.errorMessage });
      });
      return promise;
    },
    post,
    onSeed: (listener) => void seedListeners.push(listener),
  };

  const socketApi: MySocketApi = {
    connectSocket: connectSocket as MySocketApi['connectSocket'],
    sendSocketMessage: (sendOptions: unknown) => sendMessage(null, 'sendSocketMessage', sendOptions),
    closeSocket: (closeOptions?: unknown) => close(null, 'closeSocket', closeOptions),
    onSocketOpen: (listener: unknown) => listen(null, 'open', 'onSocketOpen', listener),
    offSocketOpen: (listener?: unknown) => unlisten(null, 'open', 'offSocketOpen', listener),
    onSocketMessage: (listener: unknown) => listen(null, 'message', 'onSocketMessage', listener),
    offSocketMessage: (listener?: unknown) => unlisten(null, 'message', 'offSocketMessage', listener),
    onSocketError: (listener: unknown) => listen(null, 'error', 'onSocketError', listener),
    offSocketError: (listener?: unknown) => unlisten(null, 'error', 'offSocketError', listener),
    onSocketClose: (listener: unknown) => listen(null, 'close', 'onSocketClose', listener),
    offSocketClose: (listener?: unknown) => unlisten(null, 'close', 'offSocketClose', listener),
    ...network.api,
    ...appLife.api,
  };
  const my: MyApi = {
    ...socketApi,
    ...createRequestApi(port),
    ...createStorageApi(port),
    ...createDeviceApi(port, (name) => Object.hasOwn(my, name)),
    ...createOpenApi(port),
    ...(options.feedback ? createFeedbackApi(port, options.feedback) : {}),
  };
  return withUnsupportedStubs(my, port);
}

/** `multiple` as given (any truthy value), else the host default (docs/behaviour.md#a17-default-of-multiple-from-appjson). */
function isMultiple(options: Json, defaultMultiple: boolean): boolean {
  if (typeof options !== 'object' || options === null || Array.isArray(options) || !Object.hasOwn(options, 'multiple')) {
    return defaultMultiple;
  }
  return Boolean(options['multiple']);
}

/** After the session ended a task has no connection: send fails with 10, close succeeds (docs/behaviour.md#task-mode). */
function deadTaskAnswer(op: ClientCall['op'], callId: number): EngineMessage {
  if (op === 'close') return { kind: 'result', callId, ok: true, payload: { message: '' } };
  const { code, description } = socketError(10);
  return { kind: 'result', callId, ok: false, error: code, errorMessage: description };
}

function invalidListener(api: string, listener: unknown): string {
  const got = listener === null ? 'null' : typeof listener;
  return `${api} expects a function, got ${got}; the call was ignored`;
}
