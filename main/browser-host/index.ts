// The browser host: what runs the product without Electron. Two loopback HTTP servers (the panel origin
// and, on another port so the sandboxed iframe is cross-origin, the mini-app origin) and two WebSocket
// bridges: one `my` client session per mini-app page load, one panel session per panel tab.
import { createServer } from 'node:http';
import { realpath } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HostConfig } from '../../shared/host-config';
import { MAX_CLIENT_MESSAGE_VALUES } from '../../shared/json-value-budget';
import { MAX_ENGINE_BATCH, packEngineMessages, unpackClientLinkMessage } from '../../shared/my-wire';
import { findOutDir, outPaths } from '../host-common/out-layout';
import { createCallPacer, type RateLimit } from '../host-common/call-rate-limit';
import { createPanelSession } from '../core/panel-session';
import { createRejectedRequestReporter } from '../core/rejected-request-warnings';
import type { ClientSession, Engine } from '../core/ports';
import type { SavedSessions } from '../core/session-store/saved-sessions';
import type { PreferencesStore } from '../core/preferences-file';
import { createToken, tokenMatches } from './bridge-auth';
import { createBridgeTickets } from './bridge-tickets';
import { createBridge, refuseUnclaimedUpgrades, type Bridge } from './bridge-server';
import { closeServer, listenOnLoopback } from './http-util';
import { createPreviewControl, type PreviewControl } from './preview-control';
import { createMiniappHandler } from './miniapp-server';
import { openMiniappSource } from './miniapp-source';
import { projectKeyOf } from '../host-common/project-key';
import { createPanelHandler } from './panel-server';
import { reportTooManyValues } from './oversized-messages';
import { DEFAULT_SLOW_READER_BYTES, guardSlowPage, guardSlowPanel } from './slow-readers';

/** Something the host must stop with itself (the embedded lab server). */
export interface Closable {
  close(): Promise<void>;
}

export interface BrowserHostOptions {
  /** Panel port on 127.0.0.1; 0 or absent = any free port. */
  port?: number;
  /** Mini-app port on 127.0.0.1; 0 or absent = any free port. */
  miniappPort?: number;
  /** A folder (served from its index.html), a mini-program project folder or an http(s) URL; absent = the bundled demo mini-app. */
  miniapp?: string;
  engine: Engine;
  /** Closed with the host. Its endpoints reach the mini-app as `window.__MSD_LAB__` via `engine.state().lab`. */
  lab?: Closable;
  /** The build output folder; default: this package's `out/`. */
  outDir?: string;
  /** Per-op pace of each mini-app page (main/host-common/call-rate-limit.ts; its default when absent). */
  rateLimit?: RateLimit;
  /** The saved sessions (/api/sessions, the panel's list) and the live one (/api/capture.*); absent: none. */
  sessions?: SavedSessions;
  /** The user's panel preferences; absent: the panel starts with defaults and forgets changes. */
  preferences?: PreferencesStore;
  /** Whose my storage the first project's pages use (docs/behaviour.md#storage-mirror); default: the mini-app as given. */
  projectKey?: string;
  /** Reload the preview when the project's files change (default true; docs/miniprogram-runtime.md "Hot reload"). */
  watch?: boolean;
  /** Bytes waiting for one page or panel before what feeds it waits (main/browser-host/slow-readers.ts; default 8 MiB). */
  slowReaderBytes?: number;
}

export interface BrowserHost {
  /** Open this in a browser. */
  panelUrl: string;
  miniappUrl: string;
  /** Capture downloads for CI (token included). */
  captureHarUrl: string;
  captureJsonlUrl: string;
  /** What it previews: hot reloads, opening projects (docs/miniprogram-runtime.md "Hot reload"). */
  preview: PreviewControl;
  /** Detaches every page (their sockets close with 1001), closes the lab server and both servers. */
  close(): Promise<void>;
}

const PANEL_BRIDGE_PATH = '/panel';
const MINIAPP_BRIDGE_PATH = '/my';
const MAX_BRIDGE_MESSAGE_BYTES = 256 * 1024 * 1024;
const moduleDir = dirname(fileURLToPath(import.meta.url));

/** Starts the browser host; rejects (closing what it opened) when a port or the mini-app is unusable. */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const paths = outPaths(options.outDir ?? findOutDir(moduleDir));
  const initialSource = await openMiniappSource(options.miniapp ?? paths.miniappDemo, paths);
  const { engine } = options;
  const rendererDir = await realpath(paths.renderer).catch(() => paths.renderer);

  const panelServer = createServer();
  const miniappServer = createServer();
  const panelToken = createToken();
  const miniappTickets = createBridgeTickets();
  let panelPort: number;
  let miniappPort: number;
  try {
    panelPort = await listenOnLoopback(panelServer, options.port ?? 0);
    miniappPort = await listenOnLoopback(miniappServer, options.miniappPort ?? 0);
  } catch (error) {
    await Promise.all([closeServer(panelServer), closeServer(miniappServer)]);
    throw error;
  }
  const panelOrigin = `http://127.0.0.1:${panelPort}`;
  const miniappOrigin = `http://127.0.0.1:${miniappPort}`;
  const miniappBridgeEndpoint = `ws://127.0.0.1:${miniappPort}${MINIAPP_BRIDGE_PATH}`;
  const config: HostConfig = {
    panelBridge: `ws://127.0.0.1:${panelPort}${PANEL_BRIDGE_PATH}?token=${panelToken}`,
    miniappUrl: miniappOrigin + initialSource.entryPath,
  };
  // The open project, its app.json (read at open and after each edit: docs/behaviour.md#a17-default-of-multiple-from-appjson,
  // docs/behaviour.md#a22-which-connect-timeout-applies) and its hot reloads (docs/miniprogram-runtime.md "Hot reload").
  const preview = await createPreviewControl(initialSource, { capture: engine.capture, paths, miniappOrigin, config, watch: options.watch });
  // A project opened from the panel keeps its own storage (docs/behaviour.md#storage-mirror).
  const currentProjectKey = (): string => {
    const opened = preview.openedPath();
    return opened === undefined ? options.projectKey ?? options.miniapp ?? 'demo' : projectKeyOf(opened);
  };
  const { source } = preview;

  const slowReaderBytes = options.slowReaderBytes ?? DEFAULT_SLOW_READER_BYTES;
  const reportRejected = createRejectedRequestReporter(engine.capture);
  const onMalformedPanelRequest = (target: string): void => reportRejected('panel server', target, 'malformed request target');
  panelServer.on('request', createPanelHandler({ port: panelPort, rendererDir, token: panelToken, config, miniappOrigin, capture: engine.capture, onMalformed: onMalformedPanelRequest, sessions: options.sessions }));
  miniappServer.on(
    'request',
    createMiniappHandler({
      port: miniappPort,
      source,
      shimFile: paths.webMiniappShim,
      bridgeEndpoint: miniappBridgeEndpoint,
      issueTicket: miniappTickets.issue,
      panelOrigin,
      get defaultMultiple() {
        return preview.appJson()?.connectSocketDefaultMultiple === true;
      },
      lab: () => {
        const endpoints = engine.state().lab;
        return endpoints.length > 0 ? { endpoints } : undefined;
      },
    }),
  );

  const pageSessions = new Set<ClientSession>();
  const miniappBridge: Bridge = createBridge({
    server: miniappServer,
    port: miniappPort,
    path: MINIAPP_BRIDGE_PATH,
    // One bridge per page load; only the panel's sandboxed iframe (opaque origin "null") may open it: a
    // top-level or unsandboxed load (another page's window.open) has the mini-app origin and is refused,
    // and frame-ancestors keeps other pages from framing it (docs/architecture.md#threat-model).
    admitsToken: miniappTickets.spend,
    originAllowed: (origin) => origin === 'null',
    maxPayload: MAX_BRIDGE_MESSAGE_BYTES,
    maxJsonValues: MAX_CLIENT_MESSAGE_VALUES,
    // A flood's events go out packed per tick (shared/my-wire.ts EngineBatch).
    pack: packEngineMessages,
    maxPacked: MAX_ENGINE_BATCH,
    onConnection(peer, _request, url) {
      // Per page: the same pacing as the Electron host's IPC, before the engine sees anything; a burst
      // pauses reading the bridge socket (docs/architecture.md#threat-model).
      const slowPage = guardSlowPage(peer, () => session, engine.capture, slowReaderBytes);
      const pacer = createCallPacer({
        now: () => performance.now(),
        rateLimit: options.rateLimit,
        capture: engine.capture,
        clientId: () => session.clientId,
        deliver: (message) => session.receive(message),
        flow: slowPage.pacing,
      });
      const session = engine.attachClient({
        origin: pageUrlOf(url, miniappOrigin),
        appJson: preview.appJson(),
        projectKey: currentProjectKey(),
        send(message) {
          if (message.kind === 'event') pacer.eventDelivered();
          peer.send(message);
          slowPage.sent();
        },
        holdCalls: (hold) => pacer.hold(hold),
      });
      pageSessions.add(session);
      return {
        message(raw) {
          for (const message of unpackClientLinkMessage(raw)) pacer.receive(message);
        },
        tooManyValues(chars) {
          reportTooManyValues(engine.capture, session.clientId, chars);
        },
        closed() {
          slowPage.close();
          pacer.reset();
          if (!pageSessions.delete(session)) return;
          session.detach('page reloaded');
        },
      };
    },
  });
  const panelBridge: Bridge = createBridge({
    server: panelServer,
    port: panelPort,
    path: PANEL_BRIDGE_PATH,
    admitsToken: (token) => tokenMatches(panelToken, token),
    originAllowed: (origin) => origin === panelOrigin,
    maxPayload: MAX_BRIDGE_MESSAGE_BYTES,
    onConnection(peer) {
      const slowPanel = guardSlowPanel(peer, () => session, engine.capture, slowReaderBytes);
      const session = createPanelSession(engine, slowPanel.send, { sessions: options.sessions, preferences: options.preferences, preview });
      return {
        message: (raw) => session.receive(raw),
        closed() {
          slowPanel.close();
          session.close();
        },
      };
    },
  });
  refuseUnclaimedUpgrades(panelServer, [PANEL_BRIDGE_PATH], onMalformedPanelRequest);
  refuseUnclaimedUpgrades(miniappServer, [MINIAPP_BRIDGE_PATH], (target) => reportRejected('mini-app server', target, 'malformed request target'));

  let closing: Promise<void> | undefined;
  const apiBase = `${panelOrigin}/api/capture`;
  return {
    panelUrl: `${panelOrigin}/`,
    miniappUrl: config.miniappUrl,
    captureHarUrl: `${apiBase}.har?token=${panelToken}`,
    captureJsonlUrl: `${apiBase}.jsonl?token=${panelToken}`,
    preview,
    close() {
      closing ??= (async () => {
        for (const session of [...pageSessions]) {
          pageSessions.delete(session);
          session.detach('host stopped');
        }
        miniappBridge.close('host stopped');
        panelBridge.close('host stopped');
        await preview.close();
        await options.lab?.close();
        await Promise.all([closeServer(panelServer), closeServer(miniappServer)]);
      })();
      return closing;
    },
  };
}

/** The page that opened the bridge, as the shim reports it (`&page=`), when it is on the mini-app origin. */
function pageUrlOf(bridgeUrl: URL, miniappOrigin: string): string {
  const page = bridgeUrl.searchParams.get('page');
  if (page === null) return miniappOrigin;
  try {
    const url = new URL(page);
    return url.origin === miniappOrigin ? url.href : miniappOrigin;
  } catch {
    return miniappOrigin;
  }
}
