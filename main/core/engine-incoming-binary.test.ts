// Incoming binary as an ArrayBuffer (docs/behaviour.md#a14-incoming-binary-as-arraybuffer) end to end: the real engine against a real `ws` echo
// server on 127.0.0.1, seen through the real `my` object. The wire and the capture keep base64.
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MySocketApi } from '../../shared/my';
import type { EngineSettings } from '../../shared/settings';
import { createEngine } from './engine';
import type { Engine } from './ports';
import { attachWireTestClient } from './test-support/wire-test-client';
import { attachMyClient } from './test-support/attach-my';

let echo: WebSocketServer;
let echoUrl: string;
let engine: Engine | undefined;

/** Bytes a UTF-8 round trip would spoil (0x80–0xff, lone continuation bytes). */
const BYTES = Buffer.from([0, 1, 127, 128, 200, 255, 0xc3, 0x28]);

beforeAll(async () => {
  echo = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => echo.once('listening', () => resolve()));
  echoUrl = `ws://127.0.0.1:${(echo.address() as AddressInfo).port}/`;
  echo.on('connection', (socket) => socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary })));
});
afterAll(async () => {
  echo.clients.forEach((client) => client.terminate());
  await new Promise<void>((resolve) => echo.close(() => resolve()));
});
afterEach(async () => {
  await engine?.shutdown();
  engine = undefined;
});

function attachMy(settings: Partial<EngineSettings>): MySocketApi {
  engine = createEngine({ settings });
  return attachMyClient(engine).my;
}

async function until<T>(read: () => T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Opens a single-mode connection and a SocketTask to the echo, sends text then binary on each, and returns what each listener got. */
async function echoThroughMy(my: MySocketApi): Promise<{ global: { data: unknown; isBuffer: boolean }[]; task: { data: unknown; isBuffer: boolean }[] }> {
  const global: { data: unknown; isBuffer: boolean }[] = [];
  const task: { data: unknown; isBuffer: boolean }[] = [];
  my.onSocketMessage((event) => global.push(event));
  my.onSocketOpen(() => {
    void my.sendSocketMessage({ data: 'text stays text' });
    void my.sendSocketMessage({ data: BYTES.toString('base64'), isBuffer: true });
  });
  my.connectSocket({ url: echoUrl });
  const socketTask = my.connectSocket({ url: echoUrl, multiple: true });
  socketTask.onMessage((event) => task.push(event));
  socketTask.onOpen(() => {
    void socketTask.send({ data: 'text stays text' });
    void socketTask.send({ data: BYTES.toString('base64'), isBuffer: true });
  });
  await until(() => (global.length === 2 && task.length === 2 ? true : undefined), 'both echoes on both connections');
  return { global, task };
}

function bytesOf(data: unknown): number[] {
  expect(data).toBeInstanceOf(ArrayBuffer);
  return [...new Uint8Array(data as ArrayBuffer)];
}

describe('incoming binary setting (A14)', () => {
  it("with 'arraybuffer', global and task listeners get the echoed bytes as an ArrayBuffer; text is unchanged", async () => {
    const { global, task } = await echoThroughMy(attachMy({ incomingBinary: 'arraybuffer' }));
    for (const received of [global, task]) {
      expect(received[0]).toMatchObject({ data: 'text stays text', isBuffer: false });
      expect(received[1]?.isBuffer).toBe(true);
      expect(bytesOf(received[1]?.data)).toEqual([...BYTES]);
    }
  });

  it("with the default 'base64', binary arrives as base64 as today", async () => {
    const { global, task } = await echoThroughMy(attachMy({}));
    for (const received of [global, task]) {
      expect(received[1]).toMatchObject({ data: BYTES.toString('base64'), isBuffer: true });
    }
  });

  it('keeps the wire and the capture in base64, and applies a change of the setting to a live connection', async () => {
    engine = createEngine();
    const client = attachWireTestClient(engine);
    client.call('connect', { url: echoUrl });
    await client.event(null, 'open');
    const binaryMessages = () => client.messages.filter((m) => m.kind === 'event' && m.payload.event === 'message' && m.payload.isBuffer);

    client.call('send', { data: BYTES.toString('base64'), isBuffer: true });
    await until(() => binaryMessages()[0], 'the first binary echo');
    engine.updateSettings({ incomingBinary: 'arraybuffer' });
    client.call('send', { data: BYTES.toString('base64'), isBuffer: true });
    client.call('send', { data: 'text' });
    await until(() => client.messages.find((m) => m.kind === 'event' && m.payload.event === 'message' && !m.payload.isBuffer), 'the text echo');

    expect(binaryMessages().map((m) => m.kind === 'event' && m.payload)).toEqual([
      { event: 'message', data: BYTES.toString('base64'), isBuffer: true },
      { event: 'message', data: BYTES.toString('base64'), isBuffer: true, asArrayBuffer: true },
    ]);
    const textEvent = client.messages.find((m) => m.kind === 'event' && m.payload.event === 'message' && !m.payload.isBuffer);
    expect(textEvent?.kind === 'event' && textEvent.payload).toEqual({ event: 'message', data: 'text', isBuffer: false });
    const incoming = [...engine.capture.from(0)].filter((e) => e.kind === 'frame' && e.direction === 'in' && e.name === 'binary');
    expect(incoming.map((e) => e.payload)).toEqual([BYTES.toString('base64'), BYTES.toString('base64')]);
  });
});
