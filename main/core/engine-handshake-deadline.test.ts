// The handshake deadline: a server that answers the upgrade one byte at a time keeps `ws`'s idle
// handshakeTimeout from firing; the engine's overall deadline still ends the attempt with error 6.
import { createHash } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaptureEntry } from '../../shared/capture';
import type { EngineSettings } from '../../shared/settings';
import { startLabServer } from '../lab/lab-server';
import { createEngine } from './engine';
import type { Engine } from './ports';
import { attachWireTestClient } from './test-support/wire-test-client';

const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
/** One byte every this many ms: far below any idle timeout used here, so only an overall deadline ends it. */
const TRICKLE_INTERVAL_MS = 100;

interface TrickleServer {
  url: string;
  /** Bytes of the 101 answer written so far, over all connections. */
  bytesWritten(): number;
  /** Resolves once a client connection closed (the attempt was given up). */
  clientGone(): Promise<void>;
  close(): Promise<void>;
}

/** A raw TCP server on 127.0.0.1 that answers every upgrade with a valid 101, one byte per interval. */
async function startTrickleServer(): Promise<TrickleServer> {
  const sockets = new Set<Socket>();
  let written = 0;
  let resolveGone: () => void = () => undefined;
  const gone = new Promise<void>((resolve) => {
    resolveGone = resolve;
  });
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    let request = '';
    let timer: NodeJS.Timeout | undefined;
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      clearInterval(timer);
      sockets.delete(socket);
      resolveGone();
    });
    socket.on('data', (chunk) => {
      if (timer) return;
      request += chunk.toString('latin1');
      const key = /^sec-websocket-key:\s*(\S+)\s*$/im.exec(request)?.[1];
      if (!request.includes('\r\n\r\n') || !key) return;
      const accept = createHash('sha1').update(key + WEBSOCKET_GUID).digest('base64');
      const answer = Buffer.from(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`, 'latin1');
      let next = 0;
      // Bounded: the answer is about 130 bytes, so the loop ends by itself after at most ~13 s.
      timer = setInterval(() => {
        if (next >= answer.length || socket.destroyed) {
          clearInterval(timer);
          return;
        }
        socket.write(answer.subarray(next, next + 1));
        next += 1;
        written += 1;
      }, TRICKLE_INTERVAL_MS);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/trickle`,
    bytesWritten: () => written,
    clientGone: () => gone,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let engine: Engine | undefined;
let trickle: TrickleServer | undefined;

afterEach(async () => {
  await engine?.shutdown();
  await trickle?.close();
  engine = undefined;
  trickle = undefined;
});

function setup(settings: Partial<EngineSettings> = {}) {
  const created = createEngine({ settings });
  engine = created;
  return { client: attachWireTestClient(created), entries: (): CaptureEntry[] => [...created.capture.from(0)] };
}

describe('handshake deadline', () => {
  it('a server trickling its 101 answer byte by byte still times out: success, error 6, close 1006', async () => {
    trickle = await startTrickleServer();
    const { client, entries } = setup();
    const callId = client.call('connect', { url: trickle.url, timeout: 1000 });
    const closed = await client.event(null, 'close', 15_000);
    expect(closed.payload).toEqual({ event: 'close', code: 1006, reason: '' });
    expect(client.trace()).toEqual([`ok#${callId}`, 'error:6', 'close:1006']);
    const error = client.messages.find((message) => message.kind === 'event' && message.payload.event === 'error');
    expect(error?.kind === 'event' && error.payload).toMatchObject({ errorMessage: 'Connection timed out. (Opening handshake has timed out)' });

    // The server was still answering when the deadline hit: bytes arrived, and not all of them.
    expect(trickle.bytesWritten()).toBeGreaterThan(0);
    expect(trickle.bytesWritten()).toBeLessThan(100);
    await trickle.clientGone();

    const errorEntry = entries().find((entry) => entry.kind === 'error');
    expect(errorEntry).toMatchObject({ errorCode: 6, cause: expect.stringContaining('within 1000 ms') });
    const closedEntry = entries().find((entry) => entry.name === 'closed');
    expect(closedEntry?.detail).toMatchObject({ codeReceived: 1006, closedFirstBy: 'engine', neverOpened: true });
    expect(engine?.state().connections[0]?.state).toBe('CLOSED');
  });

  it('without a timeout argument the settings timeout is the deadline', async () => {
    trickle = await startTrickleServer();
    const { client } = setup({ connectTimeoutMs: 800 });
    const callId = client.call('connect', { url: trickle.url });
    await client.event(null, 'close', 15_000);
    expect(client.trace()).toEqual([`ok#${callId}`, 'error:6', 'close:1006']);
  });

  it('a task gets the same deadline and the single slot is untouched', async () => {
    trickle = await startTrickleServer();
    const { client } = setup();
    const callId = client.call('connect', { url: trickle.url, timeout: 700 }, 'task-1');
    await client.event('task-1', 'close', 15_000);
    expect(client.trace('task-1')).toEqual([`ok#${callId}`, 'error:6', 'close:1006']);
    expect(client.trace(null)).toEqual([]);
  });

  it('a handshake that finishes in time is not cut off later by the deadline', async () => {
    const { client } = setup();
    const lab = await startLabServer();
    try {
      const callId = client.call('connect', { url: lab.url('echo'), timeout: 300 });
      await client.event(null, 'open');
      await new Promise((resolve) => setTimeout(resolve, 600));
      const sendId = client.call('send', { data: 'still open' });
      await client.event(null, 'message');
      expect(client.trace()).toEqual([`ok#${callId}`, 'open', `ok#${sendId}`, 'message']);
    } finally {
      await engine?.shutdown();
      await lab.close();
    }
  });
});
