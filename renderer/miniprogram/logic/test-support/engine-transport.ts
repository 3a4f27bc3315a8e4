// An in-process link from a logic runtime's `my` to a real engine, stamping calls with the runtime's current
// page as worker-entry does.
import type { EngineLinkMessage, EngineMessage, MyTransport } from '../../../../shared/my-wire';

/** What this link needs of main/core's Engine (renderer code may not import main). */
export interface AttachingEngine {
  attachClient(options: { origin: string; projectKey?: string; send: (message: EngineMessage) => void }): { receive(raw: unknown): void };
}

export function engineTransport(engine: AttachingEngine, route: () => string, projectKey?: string): MyTransport {
  const listeners: ((message: EngineLinkMessage) => void)[] = [];
  const early: EngineLinkMessage[] = [];
  const session = engine.attachClient({
    origin: 'http://miniapp.test',
    ...(projectKey === undefined ? {} : { projectKey }),
    send: (message) => (listeners.length === 0 ? early.push(message) : listeners.forEach((listener) => listener(message))),
  });
  return {
    send: (message) => {
      const isCall = message.op === 'connect' || message.op === 'send' || message.op === 'close';
      session.receive(isCall ? { ...message, page: route() } : message);
    },
    onMessage: (listener) => {
      listeners.push(listener);
      early.splice(0).forEach((message) => listener(message));
    },
  };
}
