import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createWriteCoalescer } from './write-coalescing';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function connectedPair(): Promise<{ client: Socket; received: () => string }> {
  let text = '';
  server = createServer((socket) => socket.on('data', (chunk) => (text += chunk.toString())));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const client = connect(address.port, '127.0.0.1');
  await new Promise((resolve) => client.once('connect', resolve));
  return { client, received: () => text };
}

describe('write coalescing', () => {
  it('holds the writes of one tick and hands them over together on the next, in order, each callback called', async () => {
    const { client, received } = await connectedPair();
    const coalescer = createWriteCoalescer(() => client);
    const written: number[] = [];
    for (let index = 0; index < 100; index += 1) {
      coalescer.beforeWrite();
      client.write(`${index},`, () => written.push(index));
    }
    expect(client.writableCorked).toBe(1);
    expect(client.writableLength).toBeGreaterThan(0);
    await new Promise((resolve) => process.nextTick(resolve));
    expect(client.writableCorked).toBe(0);
    const expected = Array.from({ length: 100 }, (_, index) => `${index},`).join('');
    while (received().length < expected.length) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(received()).toBe(expected);
    expect(written).toEqual(Array.from({ length: 100 }, (_, index) => index));
    client.destroy();
  });

  it('does nothing without a socket or on a destroyed one', async () => {
    const { client } = await connectedPair();
    createWriteCoalescer(() => undefined).beforeWrite();
    client.destroy();
    createWriteCoalescer(() => client).beforeWrite();
    expect(client.writableCorked).toBe(0);
  });
});
