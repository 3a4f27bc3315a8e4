import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket, WebSocketServer } from 'ws';
import type { PanelMessage, PanelRequest } from '../../shared/panel-wire';
import type { LinkState } from './panel-link';
import { createWebSocketTransport, parsePanelMessage } from './websocket-transport';

const servers: WebSocketServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A real bridge stand-in on 127.0.0.1 that records what the panel sent. */
async function startBridge(onConnection: (socket: NodeWebSocket, received: unknown[]) => void) {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  const received: unknown[] = [];
  server.on('connection', (socket) => {
    socket.on('message', (data) => received.push(JSON.parse(String(data))));
    onConnection(socket, received);
  });
  const address = server.address();
  if (typeof address === 'string' || address === null) throw new Error('no port');
  return { url: `ws://127.0.0.1:${address.port}/panel?token=t`, received };
}

const openNodeSocket = (url: string) => new NodeWebSocket(url) as unknown as WebSocket;

function until(predicate: () => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (predicate()) {
        clearInterval(timer);
        resolve();
      } else if (Date.now() - started > 10_000) {
        clearInterval(timer);
        reject(new Error(`timed out waiting for ${what}`));
      }
    }, 10);
  });
}

describe('websocket transport', () => {
  it('queues requests until open, sends them in order, and delivers panel messages', async () => {
    const bridge = await startBridge((socket) => {
      socket.send('not json');
      socket.send(JSON.stringify({ kind: 'unknown' }));
      socket.send(JSON.stringify({ kind: 'cleared', stats: { total: 1, dropped: 0, held: 0, capacity: 10, cleared: 1 } }));
    });
    const link = createWebSocketTransport(bridge.url, openNodeSocket);
    const statuses: LinkState[] = [];
    link.onStatus((status) => statuses.push(status));
    const messages: PanelMessage[] = [];
    link.onMessage((message) => messages.push(message));
    const requests: PanelRequest[] = [{ kind: 'subscribe' }, { kind: 'ack', seq: 3 }, { kind: 'clear' }];
    requests.forEach((request) => link.send(request));
    expect(link.status()).toBe('connecting');
    await until(() => bridge.received.length === 3 && messages.length === 1, 'the queued requests and the message');
    expect(bridge.received).toEqual(requests);
    expect(messages.map((message) => message.kind)).toEqual(['cleared']);
    expect(statuses).toEqual(['open']);
    link.close();
    await until(() => link.status() === 'closed', 'the close');
  });

  it('reports a bridge that goes away with its reason', async () => {
    const bridge = await startBridge((socket) => socket.close(1001, 'host stopped'));
    const link = createWebSocketTransport(bridge.url, openNodeSocket);
    const closes: string[] = [];
    link.onStatus((status, detail) => status === 'closed' && closes.push(detail));
    await until(() => closes.length === 1, 'the closed status');
    expect(closes).toEqual(['host stopped']);
    link.send({ kind: 'subscribe' }); // after close: dropped, no throw
  });

  it('reports a URL it cannot open instead of throwing', async () => {
    const link = createWebSocketTransport('not a url', (url) => {
      throw new SyntaxError(`invalid url ${url}`);
    });
    const details: string[] = [];
    link.onStatus((_status, detail) => details.push(detail));
    await until(() => details.length === 1, 'the status');
    expect(link.status()).toBe('closed');
    expect(details[0]).toContain('invalid url not a url');
  });
});

describe('parsePanelMessage', () => {
  it('accepts panel messages and refuses everything else', () => {
    expect(parsePanelMessage('{"kind":"state","state":{}}')).toMatchObject({ kind: 'state' });
    expect(parsePanelMessage('{"kind":"batch","entries":"x"}')).toBeUndefined();
    expect(parsePanelMessage('{"kind":"other"}')).toBeUndefined();
    expect(parsePanelMessage('null')).toBeUndefined();
    expect(parsePanelMessage('{')).toBeUndefined();
    expect(parsePanelMessage(new ArrayBuffer(2))).toBeUndefined();
  });
});
