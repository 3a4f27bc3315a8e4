// Picks the panel's link at start-up: the Electron preload's `window.msdPanel` when present, else the
// browser host's bridge from `window.__MSD_CONFIG__.panelBridge`, else a `?bridge=ws://…` query parameter
// (the dev server and tests). Undefined when none is there: the panel says so instead of failing.
import type { MsdPanelApi, MiniappBounds } from '../../shared/electron-ipc';
import { hostConfigSchema } from '../../shared/host-config';
import type { PanelLink } from './panel-link';
import { createWebSocketTransport } from './websocket-transport';

declare global {
  interface Window {
    /** Exposed by the Electron panel preload (preload/panel.ts). */
    msdPanel?: MsdPanelApi;
  }
}

/** Where the panel found its link. */
export type LinkKind = 'electron' | 'browser-host' | 'query';

export interface ConnectedLink {
  link: PanelLink;
  kind: LinkKind;
  /** Reports where the Electron host should lay the mini-app view (absent in the browser host). */
  setMiniappBounds?: (bounds: MiniappBounds) => void;
}

/** Connects the panel to its engine (see the module comment for the order of preference). */
export function connectPanelTransport(win: Window = window): ConnectedLink | undefined {
  const electron = win.msdPanel;
  if (electron) return { link: electronLink(electron), kind: 'electron', setMiniappBounds: (bounds) => electron.setMiniappBounds(bounds) };
  const config = hostConfigSchema.safeParse(win.__MSD_CONFIG__);
  if (config.success) return { link: createWebSocketTransport(config.data.panelBridge), kind: 'browser-host' };
  const bridge = new URLSearchParams(win.location.search).get('bridge');
  if (bridge && /^wss?:\/\//.test(bridge)) return { link: createWebSocketTransport(bridge), kind: 'query' };
  return undefined;
}

/** The mini-app URL the browser host serves, or a `?miniapp=` parameter; undefined under Electron. */
export function miniappUrlOf(win: Window = window): string | undefined {
  const config = hostConfigSchema.safeParse(win.__MSD_CONFIG__);
  if (config.success) return config.data.miniappUrl;
  const fromQuery = new URLSearchParams(win.location.search).get('miniapp');
  return fromQuery && /^https?:\/\//.test(fromQuery) ? fromQuery : undefined;
}

/** The preload's port is open as soon as the preload ran: the link is open from the start. */
function electronLink(api: MsdPanelApi): PanelLink {
  return {
    send: (request) => api.send(request),
    onMessage: (listener) => api.onMessage(listener),
    status: () => 'open',
    onStatus: () => () => undefined,
    close: () => undefined,
  };
}
