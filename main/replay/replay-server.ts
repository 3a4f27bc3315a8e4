// The lab's replay endpoints: a loopback HTTP server on which each registered recording answers WebSocket
// upgrades at /replay/<id> and plays itself to every client that connects (replay-player.ts). It listens
// only once the first replay is registered, and never keeps the process alive by itself.
import { loopbackRefusal, SECURITY_HEADERS } from '../core/loopback-request';
import type { RefusedRequestReporter } from '../core/rejected-request-warnings';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import type { ReplayEndpoint, ReplayOptions, ReplayRecording } from '../../shared/replay';
import type { ReplayRegistry } from '../core/replay-registry';
import { decodePathComponent, parseRequestTarget, refusalResponse } from '../core/request-target';
import type { ReplayPlayer } from './replay-player';
import { playRecording } from './replay-player';

const HOST = '127.0.0.1';
/** Replays kept at once; registering one more drops the oldest. */
export const MAX_REPLAYS = 16;
/** Clients one replay serves at the same time; more are answered 503. */
export const MAX_PLAYS_PER_REPLAY = 8;
const PATH_PREFIX = '/replay/';

interface Registered {
  endpoint: ReplayEndpoint;
  recording: ReplayRecording;
  /** The clients connected now, each with its play. */
  players: Map<WebSocket, ReplayPlayer>;
}

/**
 * The replay endpoints on their own loopback port (`port` 0 or absent = any free port); `reportRefused`
 * hears of each request refused for its Host or Origin.
 */
export function createReplayServer(options: { port?: number; reportRefused?: RefusedRequestReporter } = {}): ReplayRegistry {
  const replays = new Map<string, Registered>();
  const listeners = new Set<() => void>();
  const sockets = new Set<Duplex>();
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 64 * 1024 * 1024, handleProtocols: chooseProtocol });
  let server: Server | undefined;
  let listening: Promise<number> | undefined;
  let closing: Promise<void> | undefined;

  function changed(): void {
    listeners.forEach((listener) => listener());
  }

  /** The recorded subprotocol when the client offers it, else the first offered, else none. */
  function chooseProtocol(offered: Set<string>, request: IncomingMessage): string | false {
    const recorded = registeredFor(request)?.recording.protocol ?? '';
    if (recorded && offered.has(recorded)) return recorded;
    const [first] = offered;
    return first ?? false;
  }

  function registeredFor(request: IncomingMessage): Registered | undefined {
    const path = parseRequestTarget(request.url, `http://${HOST}`)?.pathname;
    if (path === undefined || !path.startsWith(PATH_PREFIX)) return undefined;
    const id = decodePathComponent(path.slice(PATH_PREFIX.length));
    return id === undefined ? undefined : replays.get(id);
  }

  function refuse(socket: Duplex, status: number, reason: string): void {
    socket.end(refusalResponse(status, reason));
  }

  function onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    // Like every loopback server: no DNS-rebound Host, no foreign page (docs/architecture.md#threat-model).
    const refusal = loopbackRefusal(request);
    if (refusal !== undefined) {
      options.reportRefused?.('replay server', request, refusal);
      return refuse(socket, 403, 'Forbidden');
    }
    const registered = registeredFor(request);
    if (!registered) return refuse(socket, 404, 'Not Found');
    if (registered.players.size >= MAX_PLAYS_PER_REPLAY) return refuse(socket, 503, 'Service Unavailable');
    wss.handleUpgrade(request, socket, head, (ws) => {
      ws.on('error', () => undefined);
      const { endpoint } = registered;
      endpoint.plays += 1;
      const player = playRecording(ws, registered.recording, endpoint.options, (play) => {
        endpoint.lastPlay = play;
        changed();
      });
      registered.players.set(ws, player);
      ws.on('close', () => registered.players.delete(ws));
      endpoint.lastPlay = player.state();
      changed();
    });
  }

  function listen(): Promise<number> {
    listening ??= new Promise<number>((resolve, reject) => {
      const http = createServer((_request, response) => {
        response.writeHead(426, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
        response.end('Replay endpoints answer WebSocket upgrades only.\n');
      });
      http.on('upgrade', onUpgrade);
      http.once('error', reject);
      http.listen(options.port ?? 0, HOST, () => {
        http.off('error', reject);
        http.unref();
        server = http;
        resolve((http.address() as AddressInfo).port);
      });
    });
    return listening;
  }

  /** Unregisters a replay and disconnects its clients (a stopped replay plays no more). */
  function drop(registered: Registered): void {
    registered.players.forEach((player, client) => {
      player.stop();
      client.terminate();
    });
    registered.players.clear();
    replays.delete(registered.endpoint.id);
  }

  return {
    async start(recording: ReplayRecording, replayOptions: ReplayOptions): Promise<ReplayEndpoint> {
      if (closing) throw new Error('the replay server is closed');
      const port = await listen();
      const id = randomBytes(6).toString('base64url');
      const endpoint: ReplayEndpoint = {
        id,
        url: `ws://${HOST}:${port}${PATH_PREFIX}${id}`,
        label: recording.label,
        recordedUrl: recording.url,
        serverMessages: recording.steps.filter((step) => step.direction === 'in').length,
        appMessages: recording.steps.filter((step) => step.direction === 'out').length,
        truncated: recording.steps.filter((step) => step.truncated).length,
        end: recording.end,
        options: { ...replayOptions },
        plays: 0,
      };
      replays.set(id, { endpoint, recording, players: new Map() });
      while (replays.size > MAX_REPLAYS) drop(replays.values().next().value as Registered);
      changed();
      return { ...endpoint };
    },
    stop(id) {
      const registered = replays.get(id);
      if (!registered) return false;
      drop(registered);
      changed();
      return true;
    },
    list: () => [...replays.values()].map(({ endpoint }) => ({ ...endpoint, ...(endpoint.lastPlay ? { lastPlay: { ...endpoint.lastPlay } } : {}) })),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closing ??= (async () => {
        [...replays.values()].forEach(drop);
        sockets.forEach((socket) => socket.destroy());
        if (server) {
          const open = server;
          await new Promise<void>((resolve) => {
            open.close(() => resolve());
            open.closeAllConnections();
          });
        }
        await new Promise<void>((resolve) => wss.close(() => resolve()));
      })();
      return closing;
    },
  };
}
