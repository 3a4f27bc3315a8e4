import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineMessage } from '../../shared/my-wire';
import { createEngine } from './engine';
import { DEFAULT_WRITE_BACKLOG } from './write-backlog';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A WebSocket server on 127.0.0.1 that accepts and then reads nothing until `resume`; it counts what it read. */
async function stalledServer(): Promise<{ url: string; resume(): void; bytesRead(): number; end(): void }> {
  let socket: Duplex | undefined;
  let read = 0;
  server = createServer();
  server.on('upgrade', (request, upgraded: Duplex) => {
    const accept = createHash('sha1').update(`${String(request.headers['sec-websocket-key'])}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    upgraded.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    upgraded.pause();
    upgraded.on('data', (chunk: Buffer) => (read += chunk.length));
    socket = upgraded;
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { url: `ws://127.0.0.1:${address.port}/`, resume: () => socket?.resume(), bytesRead: () => read, end: () => socket?.destroy() };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('write backlog (flow control from a slow server back to the page)', () => {
  it('asks the host to hold calls while sends wait for a server that does not read, and lets go once it reads; every send succeeds, in order', async () => {
    const slow = await stalledServer();
    const engine = createEngine();
    const messages: EngineMessage[] = [];
    const holds: boolean[] = [];
    const session = engine.attachClient({ origin: 'http://miniapp.test', send: (message) => messages.push(message), holdCalls: (hold) => holds.push(hold) });
    session.receive({ op: 'connect', callId: 1, target: null, options: { url: slow.url } });
    await until(() => messages.some((message) => message.kind === 'event' && message.payload.event === 'open'), 'open');
    const sends = 2000;
    const data = 'x'.repeat(8 * 1024);
    // 16 MiB against a bound of 4 MiB: far beyond what the kernel's socket buffers take.
    for (let callId = 2; callId < 2 + sends; callId += 1) {
      session.receive({ op: 'send', callId, target: null, options: { data } });
      if (holds.at(-1) === true) break;
    }
    expect(holds).toEqual([true]);
    const held = messages.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(messages.length).toBe(held);
    slow.resume();
    await until(() => holds.length === 2, 'the release');
    expect(holds).toEqual([true, false]);
    const callIds = messages.flatMap((message) => (message.kind === 'result' && message.callId > 1 ? [message.callId] : []));
    expect(callIds.length).toBeGreaterThan(DEFAULT_WRITE_BACKLOG.maxBytes / data.length);
    expect(callIds).toEqual(callIds.map((_, index) => 2 + index));
    expect(messages.every((message) => message.kind !== 'result' || message.ok)).toBe(true);
    await until(() => slow.bytesRead() >= callIds.length * data.length, 'the server to read every frame');
    slow.end();
    await engine.shutdown();
  });
});
