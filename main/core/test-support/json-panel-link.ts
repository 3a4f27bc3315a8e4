// A test link between a panel and a real panel session: every message crosses as JSON and arrives on a
// later task, as over the browser host's socket, so panel-side tests see what a real panel sees.
import type { PanelMessage, PanelRequest, PanelTransport } from '../../../shared/panel-wire';
import type { PanelSessionOptions } from '../panel-session';
import { createPanelSession } from '../panel-session';
import type { Engine, PanelSession } from '../ports';

/** The panel's end of the link and the session at the engine's end. */
export interface JsonPanelLink {
  transport: PanelTransport;
  session: PanelSession;
}

/** Opens a panel session on `engine` and returns the transport a panel uses to talk to it. */
export function openJsonPanelLink(engine: Engine, options: PanelSessionOptions = {}): JsonPanelLink {
  const listeners = new Set<(message: PanelMessage) => void>();
  const session = createPanelSession(
    engine,
    (message) => {
      const wire = JSON.stringify(message);
      setTimeout(() => listeners.forEach((listener) => listener(JSON.parse(wire) as PanelMessage)), 0);
    },
    options,
  );
  const transport: PanelTransport = {
    send: (request: PanelRequest) => {
      const wire = JSON.stringify(request);
      setTimeout(() => session.receive(wire), 0);
    },
    onMessage: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { transport, session };
}
