// A real `my` (createMy over an in-memory transport) attached to a real engine, with a log of what the
// app observed, for the conformance tests.
import type { MySocketApi, SocketCallFailure } from '../../../shared/my';
import type { ClientSession, Engine } from '../ports';
import { attachMyClient } from './attach-my';

export interface MyRig {
  my: MySocketApi;
  session: ClientSession;
  /** What the app observed, in order. */
  log: string[];
  until(predicate: () => boolean, what: string): Promise<void>;
  /** Registers the four global listeners, logging `open`, `message:<text|bin>:<data>`, `error:<code>`, `close:<code>`. */
  listenGlobally(): void;
  callbacks(name: string): { success: () => void; fail: (result: SocketCallFailure) => void; complete: () => void };
}

/** Attaches a mini-app client to `engine` and returns its `my` with the observation helpers. */
export function createMyRig(engine: Engine): MyRig {
  const { my, session } = attachMyClient(engine);
  const log: string[] = [];
  return {
    my,
    session,
    log,
    async until(predicate, what) {
      const deadline = Date.now() + 15_000;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the app saw: ${log.join(', ')}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    listenGlobally() {
      my.onSocketOpen(() => log.push('open'));
      my.onSocketMessage((event) => log.push(`message:${event.isBuffer ? 'bin' : 'text'}:${event.data}`));
      my.onSocketError((event) => log.push(`error:${event.error}`));
      my.onSocketClose((event) => log.push(`close:${event.code}`));
    },
    callbacks(name) {
      return {
        success: () => log.push(`${name}:success`),
        fail: (result) => log.push(`${name}:fail:${result.error}`),
        complete: () => log.push(`${name}:complete`),
      };
    },
  };
}
