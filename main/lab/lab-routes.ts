// The lab's endpoints: one path per reproducible condition, each answering the WebSocket upgrade in its
// own (often broken) way. Every loop and timer is bounded and stops by itself.
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { runFlood } from './flood';
import { flagParam, intParam } from './query-params';
import { closeFrame, frameHeader, writeSwitchingProtocols } from './raw-handshake';

/** What a route may use: the shared ws server and timers that the lab clears when it closes. */
export interface RouteContext {
  wss: WebSocketServer;
  later(ms: number, action: () => void): void;
}

/** One lab path: how it is advertised and how it answers the upgrade. */
export interface LabRoute {
  name: string;
  path: string;
  /** Query string of the advertised URL (defaults made explicit). */
  query?: string;
  reproduces?: number;
  description: string;
  handle(request: IncomingMessage, socket: Duplex, head: Buffer, query: URLSearchParams, context: RouteContext): void;
}

/** The subprotocol /unrequested-protocol picks; no client asks for it. */
export const UNREQUESTED_PROTOCOL = 'lab-unrequested-protocol';
const OVERSIZED_CHUNK = Buffer.alloc(64 * 1024, 'x');
const MAX_CLOSE_REASON_BYTES = 123;

function accept(request: IncomingMessage, socket: Duplex, head: Buffer, context: RouteContext, onOpen: (ws: WebSocket) => void): void {
  context.wss.handleUpgrade(request, socket, head, (ws) => {
    ws.on('error', () => undefined);
    onOpen(ws);
  });
}

function echoEvery(ws: WebSocket): void {
  ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }));
}

function isSendableCloseCode(code: number): boolean {
  return (code >= 1000 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006) || (code >= 3000 && code <= 4999);
}

function truncateUtf8(text: string, maxBytes: number): string {
  let out = text;
  while (Buffer.byteLength(out) > maxBytes) out = out.slice(0, -1);
  return out;
}

/** Longer than the longest connect timeout a client may set (120 s), so no client sees the lab hang up first. */
const RAW_SOCKET_IDLE_LIMIT_MS = 130_000;

/**
 * For routes that keep a raw socket without `ws`: destroy it when the client half-closes or after the idle
 * limit, so an abandoned attempt holds no descriptor (docs/architecture.md "Threat model").
 */
function releaseWhenPeerLeaves(socket: Duplex): void {
  socket.once('end', () => socket.destroy());
  const raw = socket as Partial<Socket>;
  if (typeof raw.setTimeout === 'function') raw.setTimeout(RAW_SOCKET_IDLE_LIMIT_MS, () => socket.destroy());
}

/** Streams an announced message of `bytes` bytes; a client with a smaller limit gives up after the header. */
function serveOversized(request: IncomingMessage, socket: Duplex, bytes: number): void {
  writeSwitchingProtocols(socket, request);
  socket.write(frameHeader(bytes));
  let sent = 0;
  const pump = (): void => {
    while (sent < bytes && !socket.destroyed) {
      const chunk = bytes - sent >= OVERSIZED_CHUNK.length ? OVERSIZED_CHUNK : OVERSIZED_CHUNK.subarray(0, bytes - sent);
      sent += chunk.length;
      if (!socket.write(chunk)) {
        socket.once('drain', pump);
        return;
      }
    }
    if (sent >= bytes && !socket.destroyed) socket.end(closeFrame(1000));
  };
  // Whatever the client sends now is its close frame (1009): answer it and hang up.
  socket.once('data', () => {
    sent = bytes;
    if (!socket.destroyed) socket.end(closeFrame(1009));
  });
  pump();
}

/** Stops reading once the client starts a message, then resets the TCP connection under its pending write. */
function serveResetOnWrite(request: IncomingMessage, socket: Duplex, query: URLSearchParams, context: RouteContext): void {
  const after = intParam(query, 'after', 300, 0, 10_000);
  const idle = intParam(query, 'idle', 30_000, 100, 120_000);
  const reset = (): void => {
    if (socket.destroyed) return;
    const raw = socket as Socket;
    try {
      if (typeof raw.resetAndDestroy === 'function') raw.resetAndDestroy();
      else socket.destroy();
    } catch {
      socket.destroy();
    }
  };
  writeSwitchingProtocols(socket, request);
  socket.once('data', () => {
    socket.pause();
    context.later(after, reset);
  });
  context.later(idle, reset);
}

/** Every endpoint except the refused port and the TLS one, which the server adds itself. */
export const LAB_ROUTES: readonly LabRoute[] = [
  {
    name: 'echo',
    path: '/echo',
    description: 'Echoes every text and binary message as received; picks the first requested subprotocol.',
    handle(request, socket, head, _query, context) {
      accept(request, socket, head, context, echoEvery);
    },
  },
  {
    name: 'slow-open',
    path: '/slow-open',
    query: 'delay=800',
    reproduces: 10,
    description: 'Answers the handshake `delay` ms late, as a distant server does, then echoes: a send before the open event fails with error 10.',
    handle(request, socket, head, query, context) {
      // A loopback handshake finishes within a millisecond, so "send before open" only fails reliably when the
      // server takes a real round trip's time (docs/behaviour.md "A5 Code 10 means not open").
      context.later(intParam(query, 'delay', 800, 0, 60_000), () => {
        if (!socket.destroyed) accept(request, socket, head, context, echoEvery);
      });
    },
  },
  {
    name: 'silent',
    path: '/silent',
    reproduces: 6,
    description: 'Accepts the TCP connection and never answers the handshake: connectSocket times out (error 6).',
    handle(_request, socket) {
      // Never answers, but lets go as soon as the client gives up (no CLOSE_WAIT descriptor left behind).
      releaseWhenPeerLeaves(socket);
    },
  },
  {
    name: 'bad-accept',
    path: '/bad-accept',
    reproduces: 8,
    description: 'Answers 101 with a wrong Sec-WebSocket-Accept header (error 8).',
    handle(request, socket) {
      releaseWhenPeerLeaves(socket);
      writeSwitchingProtocols(socket, request, { accept: 'bm90IHRoZSByaWdodCBrZXk=' });
    },
  },
  {
    name: 'unrequested-protocol',
    path: '/unrequested-protocol',
    reproduces: 9,
    description: `Answers 101 choosing the subprotocol "${UNREQUESTED_PROTOCOL}", which the client did not request (error 9).`,
    handle(request, socket) {
      releaseWhenPeerLeaves(socket);
      writeSwitchingProtocols(socket, request, { extraHeaders: [`Sec-WebSocket-Protocol: ${UNREQUESTED_PROTOCOL}`] });
    },
  },
  {
    name: 'oversized',
    path: '/oversized',
    query: `bytes=${DEFAULT_SETTINGS.maxIncomingMessageBytes + 1}`,
    reproduces: 12,
    description: 'Sends one text message of `bytes` bytes (default: the default limit + 1): larger than the limit fails with error 12.',
    handle(request, socket, _head, query) {
      serveOversized(request, socket, intParam(query, 'bytes', DEFAULT_SETTINGS.maxIncomingMessageBytes + 1, 0, 1024 * 1024 * 1024 + 1));
    },
  },
  {
    name: 'drop',
    path: '/drop',
    query: 'after=200',
    reproduces: 1,
    description: 'Opens, then drops the TCP connection without a close frame after `after` ms: error 1 (connection lost), close 1006.',
    handle(request, socket, head, query, context) {
      accept(request, socket, head, context, (ws) => context.later(intParam(query, 'after', 200, 0, 60_000), () => ws.terminate()));
    },
  },
  {
    name: 'close',
    path: '/close',
    query: 'code=4000&reason=bye',
    description: 'Opens, then closes from the server with `code` (or code=none: no status, 1005) and `reason` after `after` ms.',
    handle(request, socket, head, query, context) {
      const codeText = query.get('code');
      const code = codeText === 'none' ? undefined : intParam(query, 'code', 1000, 1000, 4999);
      const reason = truncateUtf8(query.get('reason') ?? '', MAX_CLOSE_REASON_BYTES);
      accept(request, socket, head, context, (ws) =>
        context.later(intParam(query, 'after', 0, 0, 60_000), () => {
          if (code === undefined) ws.close();
          else ws.close(isSendableCloseCode(code) ? code : 1000, reason);
        }),
      );
    },
  },
  {
    name: 'flood',
    path: '/flood',
    query: 'count=1000&size=64&rate=0',
    description: 'Sends `count` frames (at most 1,000,000) of `size` bytes at `rate` frames/s (0 = as fast as possible), each starting with its sequence number; binary=1 for binary frames, close=1 to close after.',
    handle(request, socket, head, query, context) {
      accept(request, socket, head, context, (ws) => {
        void runFlood(ws, socket, {
          count: intParam(query, 'count', 1000, 1, 1_000_000),
          size: intParam(query, 'size', 64, 1, 1024 * 1024),
          rate: intParam(query, 'rate', 0, 0, 1_000_000),
          binary: flagParam(query, 'binary'),
          closeWhenDone: flagParam(query, 'close'),
        });
      });
    },
  },
  {
    name: 'reset-on-write',
    path: '/reset-on-write',
    query: 'after=300',
    reproduces: 11,
    description: 'Opens, stops reading as soon as a message starts, and resets the TCP connection `after` ms later: a large send (16 MiB) in flight fails with error 11.',
    handle(request, socket, _head, query, context) {
      serveResetOnWrite(request, socket, query, context);
    },
  },
  {
    name: 'http-503',
    path: '/http-503',
    reproduces: 1,
    description: 'Answers the upgrade with HTTP 503 Service Unavailable (error 1 with the status).',
    handle(_request, socket) {
      const body = 'lab: service unavailable\n';
      socket.end(
        `HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\nRetry-After: 5\r\nConnection: close\r\n\r\n${body}`,
      );
    },
  },
];
