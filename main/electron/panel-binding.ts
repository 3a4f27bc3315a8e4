// Connects the panel window to the engine. The panel preload says `panel:ready`; main answers with a fresh
// MessageChannelMain port that carries every PanelMessage (batches under the panel session's credit/ack),
// and opens a panel session whose sink is that port. Requests and the mini-app rectangle come back over
// sender-checked, schema-validated `panel:*` IPC. A panel reload replaces the port and the session; the
// capture stays in main, so nothing is lost (docs/architecture.md#messages-between-pages-and-main, docs/architecture.md#streaming).
import { PANEL_CHANNELS, miniappBoundsSchema } from '../../shared/electron-ipc';
import type { MiniappBounds } from '../../shared/electron-ipc';
import type { PanelMessage } from '../../shared/panel-wire';
import { panelRequestSchema } from '../../shared/panel-wire';
import type { PanelSession, PanelSink } from '../core/ports';
import type { GuardedFrame, GuardedIpcEvent } from './sender-guard';
import { isTrustedSender } from './sender-guard';

/** Main's end of the panel's port (Electron's MessagePortMain). */
export interface MainPort {
  postMessage(message: PanelMessage): void;
  start(): void;
  close(): void;
  on(event: 'close', listener: () => void): unknown;
}

/** A fresh channel: main keeps port1 and transfers port2 (Electron's MessageChannelMain). */
export interface PortPair<Transferable> {
  port1: MainPort;
  port2: Transferable;
}

/** The parts of Electron's WebContents (of the panel window) the binding touches. */
export interface PanelContents<Transferable> {
  readonly mainFrame: GuardedFrame;
  readonly ipc: {
    on(channel: string, listener: (event: GuardedIpcEvent, payload: unknown) => void): unknown;
    removeListener(channel: string, listener: (event: GuardedIpcEvent, payload: unknown) => void): unknown;
  };
  postMessage(channel: string, message: null, transfer: Transferable[]): void;
  isDestroyed(): boolean;
  on(event: 'did-start-navigation', listener: (details: { isMainFrame: boolean; isSameDocument: boolean }) => void): unknown;
  on(event: 'destroyed', listener: () => void): unknown;
  on(event: 'render-process-gone', listener: () => void): unknown;
}

export interface PanelBindingOptions<Transferable> {
  contents: PanelContents<Transferable>;
  /** The panel's origin (app://panel). */
  origin: string;
  createChannel(): PortPair<Transferable>;
  createSession(send: PanelSink): PanelSession;
  onMiniappBounds(bounds: MiniappBounds): void;
  onReloadMiniapp(): void;
  log?: (message: string) => void;
}

export interface PanelBinding {
  dispose(): void;
}

/** Wires the panel's `panel:*` channels and its port to a panel session. */
export function bindPanel<Transferable>(options: PanelBindingOptions<Transferable>): PanelBinding {
  const { contents, origin } = options;
  const log = options.log ?? (() => {});
  let current: { session: PanelSession; port: MainPort } | null = null;

  function closeCurrent(): void {
    const closing = current;
    if (closing === null) return;
    current = null;
    closing.session.close();
    closing.port.close();
  }

  function open(): void {
    closeCurrent();
    if (contents.isDestroyed()) return;
    const { port1, port2 } = options.createChannel();
    let live = true;
    const session = options.createSession((message) => {
      if (live) port1.postMessage(message);
    });
    const opened = { session, port: port1 };
    current = opened;
    port1.on('close', () => {
      live = false;
      if (current === opened) closeCurrent();
    });
    port1.start();
    contents.postMessage(PANEL_CHANNELS.port, null, [port2]);
  }

  const handlers: Record<string, (payload: unknown) => void> = {
    [PANEL_CHANNELS.ready]: () => open(),
    [PANEL_CHANNELS.request]: (payload) => {
      const parsed = panelRequestSchema.safeParse(payload);
      if (!parsed.success) return log(`dropped an invalid panel request: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      if (current === null) return log(`dropped a ${parsed.data.kind} request sent before panel:ready`);
      current.session.receive(parsed.data);
    },
    [PANEL_CHANNELS.miniappBounds]: (payload) => {
      const parsed = miniappBoundsSchema.safeParse(payload);
      if (!parsed.success) return log(`dropped invalid mini-app bounds: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      options.onMiniappBounds(parsed.data);
    },
    [PANEL_CHANNELS.reloadMiniapp]: () => options.onReloadMiniapp(),
  };

  const listeners = Object.entries(handlers).map(([channel, handle]) => {
    const listener = (event: GuardedIpcEvent, payload: unknown): void => {
      if (!isTrustedSender(event, { contents, origin })) {
        log(`dropped ${channel} from an untrusted sender (${event.senderFrame?.url ?? 'no frame'})`);
        return;
      }
      handle(payload);
    };
    contents.ipc.on(channel, listener);
    return { channel, listener };
  });

  contents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) closeCurrent();
  });
  contents.on('render-process-gone', closeCurrent);
  contents.on('destroyed', dispose);

  let disposed = false;
  function dispose(): void {
    if (disposed) return;
    disposed = true;
    closeCurrent();
    for (const { channel, listener } of listeners) contents.ipc.removeListener(channel, listener);
  }

  return { dispose };
}
