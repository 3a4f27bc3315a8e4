// A real `ws` server on 127.0.0.1 for the debugging tests: records what it receives (with arrival times),
// and lets a test send from the server side.
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { WebSocket } from 'ws';
import { WebSocketServer } from 'ws';

export interface LoopbackServer {
  readonly url: string;
  /** Paths of the upgrade requests, in order. */
  readonly paths: string[];
  /** Messages received from clients: text, or binary as hex; with their arrival time (performance.now). */
  readonly received: { data: string; at: number }[];
  readonly sockets: WebSocket[];
  /** Resolves once `count` messages arrived. */
  receivedCount(count: number, timeoutMs?: number): Promise<void>;
  connection(index: number): Promise<WebSocket>;
  close(): Promise<void>;
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

export async function startLoopbackServer(): Promise<LoopbackServer> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const paths: string[] = [];
  const received: { data: string; at: number }[] = [];
  const sockets: WebSocket[] = [];
  server.on('connection', (socket, request) => {
    paths.push(request.url ?? '');
    sockets.push(socket);
    socket.on('message', (data, isBinary) => received.push({ data: isBinary ? Buffer.from(data as Buffer).toString('hex') : data.toString(), at: performance.now() }));
  });
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`,
    paths,
    received,
    sockets,
    receivedCount: (count, timeoutMs = 10_000) => until(() => received.length >= count, timeoutMs, `${count} messages at the server`),
    async connection(index) {
      await until(() => sockets.length > index, 10_000, `connection ${index}`);
      return sockets[index] as WebSocket;
    },
    async close() {
      sockets.forEach((socket) => socket.terminate());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
