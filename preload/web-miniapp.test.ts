// The shim's transport over a real WebSocket (the `ws` client stands in for the browser's; same events).
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket as WsClient, WebSocketServer, type WebSocket as WsSocket } from 'ws';
import { unpackClientLinkMessage, type ClientMessage, type EngineMessage } from '../shared/my-wire';
import { createMy } from '../shared/my/create-my';
import { createBridgeTransport } from './web-miniapp';

let server: WebSocketServer | undefined;

afterEach(async () => {
  for (const client of server?.clients ?? []) client.terminate();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A bridge end that records every message, unpacked from its frames, and how many frames carried them. */
async function bridgeServer(): Promise<{ url: string; peers: Promise<WsSocket>; received: ClientMessage[]; frames: number[] }> {
  const received: ClientMessage[] = [];
  const frames: number[] = [];
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server?.once('listening', () => resolve()));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const peers = new Promise<WsSocket>((resolve) =>
    server?.once('connection', (socket) => {
      socket.on('message', (data) => {
        const messages = unpackClientLinkMessage(JSON.parse(data.toString())) as ClientMessage[];
        frames.push(messages.length);
        received.push(...messages);
      });
      resolve(socket);
    }),
  );
  return { url: `ws://127.0.0.1:${address.port}`, peers, received, frames };
}

function browserSocket(url: string): WebSocket {
  return new WsClient(url) as unknown as WebSocket;
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('createBridgeTransport', () => {
  it('queues what is sent before the socket opens and delivers it first, in order', async () => {
    const bridge = await bridgeServer();
    const transport = createBridgeTransport(browserSocket(bridge.url));
    const early: ClientMessage[] = [1, 2, 3].map((callId) => ({ op: 'connect', callId, target: null, options: { url: `ws://x/${callId}` } }));
    early.forEach((message) => transport.send(message));
    await bridge.peers;
    transport.send({ op: 'close', callId: 4, target: null, options: {} });
    await until(() => bridge.received.length === 4, 'four messages');
    expect(bridge.received).toEqual([...early, { op: 'close', callId: 4, target: null, options: {} }]);
  });

  it('packs what is sent within one microtask into one bridge message; a large message does not wait', async () => {
    const bridge = await bridgeServer();
    const transport = createBridgeTransport(browserSocket(bridge.url));
    await bridge.peers;
    const send = (callId: number, data = 'x'): ClientMessage => ({ op: 'send', callId, target: null, options: { data } });
    const burst = [send(1), send(2), send(3)];
    burst.forEach((message) => transport.send(message));
    await until(() => bridge.received.length === 3, 'the burst');
    const large = send(4, 'y'.repeat(2 * 1024 * 1024));
    transport.send(send(5));
    transport.send(large);
    transport.send(send(6));
    await until(() => bridge.received.length === 6, 'the rest');
    expect(bridge.received.map((message) => ('callId' in message ? message.callId : -1))).toEqual([1, 2, 3, 5, 4, 6]);
    expect(bridge.frames).toEqual([3, 2, 1]);
  });

  it('hands engine messages to createMy, which runs the callbacks', async () => {
    const bridge = await bridgeServer();
    const my = createMy(createBridgeTransport(browserSocket(bridge.url)));
    const results: unknown[] = [];
    my.connectSocket({ url: 'ws://127.0.0.1:1/', success: (r) => results.push(['success', r]), complete: () => results.push('complete') });
    const peer = await bridge.peers;
    await until(() => bridge.received.length === 1, 'the connect call');
    const call = bridge.received[0];
    if (call?.op !== 'connect') throw new Error('expected a connect call');
    peer.send('not json');
    const answer: EngineMessage = { kind: 'result', callId: call.callId, ok: true, payload: {} };
    peer.send(JSON.stringify(answer));
    await until(() => results.length === 2, 'callbacks');
    expect(results).toEqual([['success', {}], 'complete']);
  });

  it('keeps what the engine sent before anyone listened (the seed of a logic link) for the first listener', async () => {
    const bridge = await bridgeServer();
    const transport = createBridgeTransport(browserSocket(bridge.url));
    const peer = await bridge.peers;
    const seed: EngineMessage = { kind: 'seed', storage: { token: '"abc"' }, systemInfo: { platform: 'iOS' } };
    peer.send(JSON.stringify(seed));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const my = createMy(transport);
    await until(() => my.getStorageSync({ key: 'token' }).data === 'abc', 'the seeded storage');
    expect(my.getSystemInfoSync()).toEqual({ platform: 'iOS' });
  });

  it('after the bridge closes, calls fail with a clear message instead of vanishing', async () => {
    const bridge = await bridgeServer();
    const socket = browserSocket(bridge.url);
    const my = createMy(createBridgeTransport(socket));
    const peer = await bridge.peers;
    peer.close(1001, 'host stopped');
    await until(() => socket.readyState === 3, 'the bridge to close');
    const failure = await new Promise<{ error: number; errorMessage: string }>((resolve) => my.sendSocketMessage({ data: 'x', fail: resolve }));
    expect(failure).toEqual({ error: 1, errorMessage: expect.stringContaining('cannot be reached') });
  });
});
