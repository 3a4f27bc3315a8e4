// A `ws` server on 127.0.0.1 whose test writes raw bytes to each accepted connection's socket, under `ws`,
// so it can send what no `ws` sender would: invalid UTF-8, reserved bits, masked or oversize frames, a
// socket destroyed mid-frame. Used by the frame fuzz test (docs/architecture.md#fuzz-tests).
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';

export interface RawFrameServer {
  readonly url: string;
  /** The next connection's socket, once its handshake is done. */
  nextSocket(): Promise<Socket>;
  close(): Promise<void>;
}

export async function startRawFrameServer(): Promise<RawFrameServer> {
  const http = createServer();
  const wss = new WebSocketServer({ noServer: true });
  const accepted: Socket[] = [];
  const waiting: ((socket: Socket) => void)[] = [];
  http.on('upgrade', (request, duplex: Duplex, head: Buffer) => {
    const socket = duplex as Socket;
    socket.on('error', () => undefined);
    wss.handleUpgrade(request, socket, head, (ws) => {
      // The client's replies (close, pong) are read and answered by `ws`; its own errors are the test's input.
      ws.on('error', () => undefined);
      const waiter = waiting.shift();
      if (waiter) waiter(socket);
      else accepted.push(socket);
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    url: `ws://127.0.0.1:${(http.address() as AddressInfo).port}/hostile`,
    nextSocket: () => {
      const ready = accepted.shift();
      return ready ? Promise.resolve(ready) : new Promise((resolve) => waiting.push(resolve));
    },
    async close() {
      wss.clients.forEach((client) => client.terminate());
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
