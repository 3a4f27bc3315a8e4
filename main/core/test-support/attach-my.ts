// A mini-app client on a real engine: a real `my` (createMy) over an in-memory transport, the page side of
// the engine tests, wired the same way for all of them.
import { createMemoryTransportPair, createMy } from '../../../shared/my';
import type { MyApi } from '../../../shared/my';
import type { ClientSession, Engine } from '../ports';

export interface AttachedMy {
  my: MyApi;
  session: ClientSession;
}

/** Attaches a client from `http://miniapp.test` (storage of `projectKey` when given) and returns its `my`. */
export function attachMyClient(engine: Engine, options: { projectKey?: string } = {}): AttachedMy {
  const pair = createMemoryTransportPair();
  const session = engine.attachClient({ origin: 'http://miniapp.test', ...options, send: pair.engineSide.send });
  pair.engineSide.onMessage(session.receive);
  return { my: createMy(pair.client), session };
}
