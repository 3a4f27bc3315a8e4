// A WebSocket endpoint on one of the host's HTTP servers that only the pages the host served can open:
// the upgrade must name the right path, come from an allowed Origin and carry an admitted token. Anything
// else is answered 403 and never reaches the engine. Messages are JSON text both ways. A bridge given a
// `pack` sends what one tick produced as one message (a flood then costs one WebSocket message per socket
// read instead of one per frame, on both ends), in order, and flushes before it closes.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { jsonTextExceedsValues } from '../../shared/json-value-budget';
import { parseRequestTarget, refusalResponse } from '../core/request-target';
import { hasLoopbackHost, requestToken } from './bridge-auth';

export interface BridgeOptions<Out = unknown> {
  server: Server;
  /** The port `server` listens on (for the Host check). */
  port: number;
  /** The endpoint's path, e.g. `/my`. */
  path: string;
  /** Whether the upgrade's token admits it (checked last: a refused Origin spends no one-use ticket). */
  admitsToken(token: string | null): boolean;
  /** Whether an Origin header value may open this bridge. */
  originAllowed(origin: string | undefined): boolean;
  /** Largest message accepted from the page, bytes. */
  maxPayload: number;
  /** Most JSON values a message from the page may hold, counted before parsing (absent: no count). */
  maxJsonValues?: number;
  /** Packs the messages of one tick, in order, into the one message sent (absent: each is sent at once). */
  pack?(messages: readonly Out[]): unknown;
  /** Most messages packed into one (a longer run is split); default 1024. */
  maxPacked?: number;
  /** A page connected; returns the handler of its messages and of its going away. */
  onConnection(peer: BridgePeer<Out>, request: IncomingMessage, url: URL): BridgeHandler;
}

/** The page at the other end of a bridge. */
export interface BridgePeer<Out = unknown> {
  /** Sends one JSON message (packed with the rest of its tick when the bridge packs); dropped once the socket is no longer open. */
  send(message: Out): void;
  /** Closes the socket (1001 going away by default). */
  close(code?: number, reason?: string): void;
  /** Stops reading the page's messages (TCP backpressure: the page's WebSocket buffers what it sends next). */
  pause(): void;
  /** Reads again. */
  resume(): void;
  /** Bytes sent but not yet written to the socket (`ws` bufferedAmount): what a page that stops reading piles up. */
  bufferedAmount(): number;
}

export interface BridgeHandler {
  /** A message from the page: parsed JSON, or the raw text when it does not parse (the receiver reports it). */
  message(raw: unknown): void;
  /** A message over `maxJsonValues`, not parsed (docs/behaviour.md#a26-call-size-limits). */
  tooManyValues?(chars: number): void;
  /** The socket closed, for whatever reason. Called once. */
  closed(): void;
}

export interface Bridge {
  /** How many pages are connected. */
  size(): number;
  /** Closes every connection (1001) and stops accepting new ones. */
  close(reason: string): void;
}

/** Adds the endpoint to `server`. */
export function createBridge<Out = unknown>(options: BridgeOptions<Out>): Bridge {
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload, perMessageDeflate: false });
  /** Each open socket with the flush of what it still has queued. */
  const peers = new Map<WebSocket, () => void>();

  function refuse(socket: Duplex, status: number, text: string): void {
    socket.end(refusalResponse(status, text));
  }

  function onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = parseRequestTarget(request.url, `http://127.0.0.1:${options.port}`);
    // Not this bridge's: another bridge on this server answers, or refuseUnclaimedUpgrades (400 when malformed).
    if (url?.pathname !== options.path) return;
    socket.on('error', () => socket.destroy());
    if (!hasLoopbackHost(request, options.port)) return refuse(socket, 403, 'Forbidden');
    if (!options.originAllowed(request.headers.origin)) return refuse(socket, 403, 'Forbidden');
    if (!options.admitsToken(requestToken(request, url))) return refuse(socket, 403, 'Forbidden');
    wss.handleUpgrade(request, socket, head, (ws) => accept(ws, request, url));
  }

  function accept(ws: WebSocket, request: IncomingMessage, url: URL): void {
    const outbox = createOutbox(ws, options.pack, options.maxPacked ?? 1024);
    peers.set(ws, outbox.flush);
    const peer: BridgePeer<Out> = {
      send: outbox.send,
      close(code = 1001, reason = '') {
        outbox.flush();
        if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.close(code, reason);
      },
      pause() {
        if (ws.readyState === WebSocket.OPEN && !ws.isPaused) ws.pause();
      },
      resume() {
        if (ws.isPaused) ws.resume();
      },
      bufferedAmount: () => ws.bufferedAmount,
    };
    const handler = options.onConnection(peer, request, url);
    ws.on('message', (data: RawData) => {
      const text = textOf(data);
      const { maxJsonValues } = options;
      if (maxJsonValues !== undefined && jsonTextExceedsValues(text, maxJsonValues)) handler.tooManyValues?.(text.length);
      else handler.message(parseMessage(text));
    });
    ws.on('error', () => ws.terminate());
    ws.once('close', () => {
      peers.delete(ws);
      handler.closed();
    });
  }

  options.server.on('upgrade', onUpgrade);
  return {
    size: () => peers.size,
    close(reason) {
      options.server.off('upgrade', onUpgrade);
      for (const [ws, flush] of peers) {
        flush();
        ws.close(1001, reason);
      }
    },
  };
}

/** What a peer sends: at once, or (with `pack`) queued and sent packed at the end of the tick. */
function createOutbox<Out>(ws: WebSocket, pack: ((messages: readonly Out[]) => unknown) | undefined, maxPacked: number) {
  const queue: Out[] = [];
  let scheduled = false;

  function flush(): void {
    scheduled = false;
    if (queue.length === 0) return;
    const messages = queue.splice(0, queue.length);
    if (ws.readyState !== WebSocket.OPEN || !pack) return;
    for (let from = 0; from < messages.length; from += maxPacked) ws.send(JSON.stringify(pack(messages.slice(from, from + maxPacked))));
  }

  function send(message: Out): void {
    if (ws.readyState !== WebSocket.OPEN) return;
    if (!pack) {
      ws.send(JSON.stringify(message));
      return;
    }
    queue.push(message);
    if (queue.length >= maxPacked) flush();
    else if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  }

  return { send, flush };
}

/**
 * Refuses upgrades that no bridge of `server` claimed (call after adding the bridges): 404 for an unknown
 * path, 400 for a malformed request target, which `onMalformed` hears about.
 */
export function refuseUnclaimedUpgrades(server: Server, paths: readonly string[], onMalformed: (target: string) => void): void {
  server.on('upgrade', (request: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => socket.destroy());
    const url = parseRequestTarget(request.url);
    if (url === undefined) {
      onMalformed(request.url ?? '');
      socket.end(refusalResponse(400, 'Bad Request'));
    } else if (!paths.includes(url.pathname)) socket.end(refusalResponse(404, 'Not Found'));
  });
}

function textOf(data: RawData): string {
  const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
  return bytes.toString('utf8');
}

function parseMessage(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
