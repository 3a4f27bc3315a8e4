// The browser host's panel link: one WebSocket to the host's panel bridge, JSON text both ways. Requests
// made before the socket opens are queued and sent in order once it does; text that is not a panel
// message is reported and ignored, never thrown into the page.
import { parseJsonObject } from '../../shared/json';
import type { PanelMessage, PanelRequest } from '../../shared/panel-wire';
import type { PanelLink, LinkListener } from './panel-link';

/** The WebSocket constructor (injectable for tests that run outside a browser). */
export type WebSocketFactory = (url: string) => WebSocket;

/** Opens the bridge at `url` (ws://127.0.0.1:<port>/panel?token=…). */
export function createWebSocketTransport(url: string, openSocket: WebSocketFactory = (target) => new WebSocket(target)): PanelLink {
  const listeners = new Set<(message: PanelMessage) => void>();
  const linkListeners = new Set<LinkListener>();
  const queued: string[] = [];
  let status: ReturnType<PanelLink['status']> = 'connecting';
  let socket: WebSocket;

  function setStatus(next: ReturnType<PanelLink['status']>, detail = ''): void {
    status = next;
    for (const listener of [...linkListeners]) listener(next, detail);
  }

  try {
    socket = openSocket(url);
  } catch (error) {
    queueMicrotask(() => setStatus('closed', `cannot open the panel bridge: ${error instanceof Error ? error.message : String(error)}`));
    return {
      send: () => undefined,
      onMessage: () => () => undefined,
      status: () => status,
      onStatus(listener) {
        linkListeners.add(listener);
        return () => linkListeners.delete(listener);
      },
      close: () => undefined,
    };
  }

  socket.addEventListener('open', () => {
    for (const text of queued.splice(0, queued.length)) socket.send(text);
    setStatus('open');
  });
  socket.addEventListener('close', (event) => setStatus('closed', event.reason || `the panel bridge closed (code ${event.code})`));
  socket.addEventListener('message', (event: MessageEvent) => {
    const message = parsePanelMessage(event.data);
    if (message === undefined) {
      console.warn('[panel] ignored a bridge message that is not a panel message');
      return;
    }
    for (const listener of [...listeners]) {
      try {
        listener(message);
      } catch (error) {
        console.error('[panel] a panel message listener threw', error);
      }
    }
  });

  return {
    send(request: PanelRequest) {
      const text = JSON.stringify(request);
      if (socket.readyState === socket.OPEN) socket.send(text);
      else if (socket.readyState === socket.CONNECTING) queued.push(text);
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    status: () => status,
    onStatus(listener) {
      linkListeners.add(listener);
      return () => linkListeners.delete(listener);
    },
    close: () => socket.close(1000, 'panel closed'),
  };
}

const MESSAGE_KINDS = new Set<string>(['batch', 'cleared', 'state', 'preferences', 'my', 'reply', 'preview'] satisfies PanelMessage['kind'][]);

/** The engine is trusted (outbound messages are typed, not validated), but a broken frame must not crash the panel. */
export function parsePanelMessage(data: unknown): PanelMessage | undefined {
  const parsed = typeof data === 'string' ? parseJsonObject(data) : undefined;
  if (parsed === undefined) return undefined;
  const kind = parsed.kind;
  if (typeof kind !== 'string' || !MESSAGE_KINDS.has(kind)) return undefined;
  if (kind === 'batch' && !Array.isArray(parsed.entries)) return undefined;
  return parsed as unknown as PanelMessage;
}
