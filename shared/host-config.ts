// What the browser host tells the pages it serves. The host writes these objects into the HTML it serves,
// so the renderer and the mini-app learn their bridge URLs without any request of their own.
//
// 1. The panel page (`renderer/index.html` as served by the browser host) gets, as the first element of
//    its <head>, an inline script carrying the response's CSP nonce:
//
//      window.__MSD_CONFIG__ = {
//        panelBridge: 'ws://127.0.0.1:<panel port>/panel?token=<per-run token>',
//        miniappUrl:  'http://127.0.0.1:<mini-app port>/<entry path>',
//      };
//
//    The panel's transport opens `panelBridge` (one WebSocket per panel tab; JSON text messages:
//    PanelRequest up, PanelMessage down, shared/panel-wire.ts) and embeds `miniappUrl` in
//    `<iframe sandbox="allow-scripts">`. Under Electron the object is absent.
//
// 2. The mini-app page gets, as the first element of its <head>, the `my` shim
//    (`<script src="/__msd/web-miniapp.js" data-msd-bridge="ws://…/my?token=…">`, preload/web-miniapp.ts),
//    which reads its bridge from that attribute and removes the element before the page's own scripts run.
//    When the mini-app's app.json sets `behavior.connectSocketDefaultMultiple: true`, the same element
//    carries `data-msd-default-multiple="true"`, so `my` has that default before any page script runs.
//    When the host runs the embedded lab server, a second inline script defines `window.__MSD_LAB__`
//    (the lab's endpoints, for the bundled demo mini-app).
import * as z from 'zod';
import type { MyTransport } from './my-wire';
import type { LabEndpoint } from './panel-wire';

/** `window.__MSD_CONFIG__` in the panel page served by the browser host. */
export interface HostConfig {
  /** The panel bridge WebSocket URL, token included. */
  panelBridge: string;
  /** Where the mini-app is served (a different origin than the panel). */
  miniappUrl: string;
}

export const hostConfigSchema: z.ZodType<HostConfig> = z.object({
  panelBridge: z.string().startsWith('ws://'),
  miniappUrl: z.string().startsWith('http://'),
});

/** `window.__MSD_LAB__` in the mini-app page when the host runs the embedded lab server. */
export interface LabConfig {
  endpoints: LabEndpoint[];
}

/** The attribute on the shim's <script> element that carries the mini-app bridge URL. */
export const MINIAPP_BRIDGE_ATTRIBUTE = 'data-msd-bridge';

export { MINIAPP_DEFAULT_MULTIPLE_ATTRIBUTE } from './miniapp-page-constants';

/**
 * The attribute on the shim's <script> element of a mini-program view page: the logic Worker's bridge URL
 * (with a one-use ticket of its own). The shim then also offers `window.__msdTakeLogicLink()`, a second
 * bridge link for the page's logic Worker (docs/miniprogram-runtime.md).
 */
export const MINIAPP_LOGIC_LINK_ATTRIBUTE = 'data-msd-logic-link';

/** Path of the `my` shim on the mini-app origin. */
export const MINIAPP_SHIM_PATH = '/__msd/web-miniapp.js';

declare global {
  interface Window {
    /** Set by the browser host in the panel page; absent under Electron. */
    __MSD_CONFIG__?: HostConfig;
    /** Set by the browser host in the mini-app page when the embedded lab server runs. */
    __MSD_LAB__?: LabConfig;
    /** On mini-program view pages (MINIAPP_LOGIC_LINK_ATTRIBUTE): the logic Worker's link; the first call only. */
    __msdTakeLogicLink?: () => MyTransport | undefined;
  }
}
