// A test client that speaks the raw ClientMessage / EngineMessage contract to a ClientSession: records
// everything the engine sends, in order, and waits (bounded) for what a test expects.
import type { Json } from '../../../shared/json';
import type { CallResult, EngineMessage, SocketEventMessage, SocketEventName, SocketTarget } from '../../../shared/my-wire';
import type { ClientSession, Engine } from '../ports';

/** A recording client for wire-level tests. */
export interface WireTestClient {
  readonly session: ClientSession;
  /** Everything the engine sent, in order. */
  readonly messages: EngineMessage[];
  call(op: 'connect' | 'send' | 'close', options: Json, target?: SocketTarget): number;
  /** Resolves with the result of a call (rejects after timeoutMs). */
  result(callId: number, timeoutMs?: number): Promise<CallResult>;
  /** Resolves with the first event of that name on that target (rejects after timeoutMs). */
  event(target: SocketTarget, name: SocketEventName, timeoutMs?: number): Promise<SocketEventMessage>;
  /** Resolves when `predicate` holds for a message (rejects after timeoutMs). */
  waitFor(predicate: (message: EngineMessage) => boolean, timeoutMs?: number): Promise<EngineMessage>;
  /** A compact trace of one target: `ok#1`, `fail#2:10`, `open`, `message`, `error:6`, `close:1006`. */
  trace(target?: SocketTarget): string[];
}

const DEFAULT_TIMEOUT_MS = 15_000;

function describe(message: EngineMessage): string {
  if (message.kind === 'reset') return `reset`;
  if (message.kind === 'result') return message.ok ? `ok#${message.callId}` : `fail#${message.callId}:${message.error}`;
  if (message.kind === 'network') return `network:${message.networkType}`;
  if (message.kind === 'seed') return 'seed';
  if (message.kind === 'app-visibility') return message.visible ? 'app-show' : 'app-hide';
  const { payload } = message;
  if (payload.event === 'error') return `error:${payload.error}`;
  if (payload.event === 'close') return `close:${payload.code}`;
  return payload.event;
}

/** Attaches a new client to `engine` and returns its recorder. */
export function attachWireTestClient(engine: Engine, origin = 'http://miniapp.test', clientId?: string): WireTestClient {
  const messages: EngineMessage[] = [];
  const waiters = new Set<() => void>();
  const callTargets = new Map<number, SocketTarget>();
  let nextCallId = 1;
  const session = engine.attachClient({
    origin,
    ...(clientId ? { clientId } : {}),
    send(message) {
      // The seed of the storage mirror is covered by its own tests; socket traces start after it.
      if (message.kind === 'seed') return;
      messages.push(message);
      waiters.forEach((wake) => wake());
    },
  });

  function waitFor(predicate: (message: EngineMessage) => boolean, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<EngineMessage> {
    const found = messages.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const wake = (): void => {
        const match = messages.find(predicate);
        if (!match) return;
        clearTimeout(timer);
        waiters.delete(wake);
        resolve(match);
      };
      const timer = setTimeout(() => {
        waiters.delete(wake);
        reject(new Error(`timed out after ${timeoutMs} ms; engine sent: ${messages.map(describe).join(', ')}`));
      }, timeoutMs);
      waiters.add(wake);
    });
  }

  return {
    session,
    messages,
    call(op, options, target = null) {
      const callId = nextCallId;
      nextCallId += 1;
      callTargets.set(callId, target);
      session.receive({ op, callId, target, options });
      return callId;
    },
    result: (callId, timeoutMs) =>
      waitFor((message) => message.kind === 'result' && message.callId === callId, timeoutMs) as Promise<CallResult>,
    event: (target, name, timeoutMs) =>
      waitFor((message) => message.kind === 'event' && message.target === target && message.payload.event === name, timeoutMs) as Promise<SocketEventMessage>,
    waitFor,
    trace(target = null) {
      return messages
        .filter((message) => (message.kind === 'event' ? message.target === target : message.kind === 'result' ? callTargets.get(message.callId) === target : true))
        .map(describe);
    },
  };
}
