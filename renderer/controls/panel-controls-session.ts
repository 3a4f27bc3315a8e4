// One panel `my` and one PanelSockets per panel link, created on first use: the controls may remount
// (layout changes) without losing the panel's connections or registering its listeners twice.
import type { PanelTransport } from '../../shared/panel-wire';
import { createPanelMy } from './panel-my';
import type { PanelSockets } from './panel-sockets';
import { createPanelSockets } from './panel-sockets';

const sessions = new WeakMap<PanelTransport, PanelSockets>();

/** The PanelSockets of this link (see the module comment). */
export function panelSocketsFor(transport: PanelTransport): PanelSockets {
  let sockets = sessions.get(transport);
  if (!sockets) {
    sockets = createPanelSockets(createPanelMy(transport));
    sessions.set(transport, sockets);
  }
  return sockets;
}
