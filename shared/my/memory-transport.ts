// An in-memory link between a `my` client and an engine, with what a real IPC or WebSocket link
// guarantees: delivery is asynchronous and in order, and every message is a structured clone, so no
// object is shared across the boundary. Used by tests and by any host that runs both ends in one realm.
import type { ClientMessage, EngineMessage, MyTransport } from '../my-wire';
import { reportToConsole } from './report-to-console';

/** The engine's end: it receives raw (unvalidated) client messages, as `ClientSession.receive` expects. */
export interface MemoryEngineSide {
  send(message: EngineMessage): void;
  onMessage(listener: (raw: unknown) => void): void;
}

/** Both ends of one in-memory link. */
export interface MemoryTransportPair {
  client: MyTransport;
  engineSide: MemoryEngineSide;
}

interface Endpoint<Message> {
  /** Clones now (so later mutation by the sender cannot leak), delivers in a later microtask. */
  post(message: Message): void;
  listen(listener: (message: Message) => void): void;
}

/** A fresh link; messages sent before the other end listens wait for its first listener. */
export function createMemoryTransportPair(): MemoryTransportPair {
  const toEngine = createEndpoint<ClientMessage>();
  const toClient = createEndpoint<EngineMessage>();
  return {
    client: { send: (message) => toEngine.post(message), onMessage: (listener) => toClient.listen(listener) },
    engineSide: { send: (message) => toClient.post(message), onMessage: (listener) => toEngine.listen(listener) },
  };
}

function createEndpoint<Message>(): Endpoint<Message> {
  const listeners: ((message: Message) => void)[] = [];
  const waiting: Message[] = [];

  function deliver(message: Message): void {
    if (listeners.length === 0) {
      waiting.push(message);
      return;
    }
    for (const listener of [...listeners]) {
      try {
        listener(message);
      } catch (error) {
        reportToConsole('a memory transport listener threw', error);
      }
    }
  }

  return {
    post(message) {
      const copy = structuredClone(message);
      queueMicrotask(() => deliver(copy));
    },
    listen(listener) {
      listeners.push(listener);
      if (listeners.length > 1 || waiting.length === 0) return;
      const backlog = waiting.splice(0);
      queueMicrotask(() => backlog.forEach(deliver));
    },
  };
}
