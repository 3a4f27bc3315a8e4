// A PanelTransport plus what the panel shows about the link itself (connecting / open / closed).
import type { PanelTransport } from '../../shared/panel-wire';

/** Told when the link opens or goes away; `detail` says why it closed. */
/** The panel's link to its host. */
export type LinkState = 'connecting' | 'open' | 'closed';

export type LinkListener = (status: LinkState, detail: string) => void;

/** The transport the panel runs on, with its status. */
export interface PanelLink extends PanelTransport {
  status(): LinkState;
  onStatus(listener: LinkListener): () => void;
  close(): void;
}
