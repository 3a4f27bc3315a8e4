// Builds `window.msdPanel`, the panel's whole view of the host: requests go out over `panel:*` IPC
// (validated and copied here, and again in main); every PanelMessage comes in over the MessagePort main
// hands over after `panel:ready`. Messages that arrive before the renderer listens are kept until it does.
import { PANEL_CHANNELS, miniappBoundsSchema } from '../shared/electron-ipc';
import type { MsdPanelApi } from '../shared/electron-ipc';
import type { PanelMessage } from '../shared/panel-wire';
import { panelRequestSchema } from '../shared/panel-wire';

/** The parts of Electron's ipcRenderer the panel API uses. */
export interface PanelIpc {
  send(channel: string, payload?: unknown): void;
  on(channel: string, listener: (event: { readonly ports: readonly MessagePort[] }) => void): unknown;
}

export interface PanelApiOptions {
  /** Messages kept while nobody listens (oldest dropped first). */
  maxBuffered?: number;
  /** Where listener failures and drops are reported. */
  report?: (message: string, cause?: unknown) => void;
}

/** The frozen `msdPanel` object; it holds the port and the ipc object, never exposes them. */
export function createPanelApi(ipc: PanelIpc, options: PanelApiOptions = {}): MsdPanelApi {
  const maxBuffered = options.maxBuffered ?? 10_000;
  const report = options.report ?? ((message, cause) => console.error(`[msdPanel] ${message}`, cause ?? ''));
  const listeners = new Set<(message: PanelMessage) => void>();
  const buffered: PanelMessage[] = [];
  let port: MessagePort | null = null;

  function deliver(message: PanelMessage): void {
    if (listeners.size === 0) {
      if (buffered.length >= maxBuffered) {
        buffered.shift();
        report('dropped the oldest unread panel message: nobody is listening');
      }
      buffered.push(message);
      return;
    }
    for (const listener of [...listeners]) {
      try {
        listener(message);
      } catch (error) {
        report('a panel message listener threw', error);
      }
    }
  }

  ipc.on(PANEL_CHANNELS.port, (event) => {
    const next = event.ports[0];
    if (next === undefined) return;
    port?.close();
    port = next;
    next.onmessage = (messageEvent: MessageEvent<PanelMessage>) => deliver(messageEvent.data);
  });
  ipc.send(PANEL_CHANNELS.ready);

  return Object.freeze({
    send(request) {
      const parsed = panelRequestSchema.safeParse(request);
      if (!parsed.success) throw new TypeError(`msdPanel.send: invalid request (${parsed.error.issues[0]?.message ?? 'invalid'})`);
      ipc.send(PANEL_CHANNELS.request, parsed.data);
    },
    onMessage(listener) {
      if (typeof listener !== 'function') throw new TypeError('msdPanel.onMessage expects a function');
      listeners.add(listener);
      const waiting = buffered.splice(0, buffered.length);
      for (const message of waiting) deliver(message);
      return () => {
        listeners.delete(listener);
      };
    },
    setMiniappBounds(bounds) {
      const parsed = miniappBoundsSchema.safeParse(bounds);
      if (!parsed.success) throw new TypeError(`msdPanel.setMiniappBounds: invalid bounds (${parsed.error.issues[0]?.message ?? 'invalid'})`);
      ipc.send(PANEL_CHANNELS.miniappBounds, parsed.data);
    },
    reloadMiniapp() {
      ipc.send(PANEL_CHANNELS.reloadMiniapp);
    },
  } satisfies MsdPanelApi);
}
