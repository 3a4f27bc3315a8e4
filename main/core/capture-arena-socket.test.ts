// Incoming frames' payloads held as bytes in the ring's off-heap arena (docs/architecture.md#capture-cpu), end
// to end: a real `ws` server on 127.0.0.1 sends text and binary frames to the real engine; the app gets the
// same data as before, and every held entry reads back as the frame sent (text, base64, cut at the cap), also
// after the ring evicted, the arena wrapped and frames too large for it fell back to their strings.
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureEntry } from '../../shared/capture';
import { createCaptureLog } from './capture-log';
import { createEngine } from './engine';
import type { CaptureLog, Engine } from './ports';
import { attachMyClient } from './test-support/attach-my';

const PAYLOAD_CAP = 64;
const CAPACITY = 40;
const ARENA_BYTES = 600;

/** 150 frames: ASCII, multi-byte and BOM text, empty frames, bytes that are no UTF-8, some over the cap or the arena. */
const FRAMES: { data: Buffer; binary: boolean }[] = Array.from({ length: 150 }, (_, i) => {
  const binary = i % 3 === 0;
  if (binary) return { data: Buffer.from(Array.from({ length: (i * 7) % 90 }, (_, b) => (b * 37 + i) % 256)), binary };
  const texts = [`frame ${i}`, `\uFEFF拒绝 ${i} 😀`, '', 'é'.repeat(i % 70), `${i}`.repeat(200)];
  return { data: Buffer.from(texts[i % texts.length] as string), binary };
});

let server: WebSocketServer;
let url: string;
let engine: Engine | undefined;

beforeAll(async () => {
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  server.on('connection', (socket) => FRAMES.forEach((frame) => socket.send(frame.data, { binary: frame.binary })));
});
afterAll(async () => {
  server.clients.forEach((client) => client.terminate());
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
afterEach(async () => {
  await engine?.shutdown();
  engine = undefined;
});

/** The payload, cut and size the capture logs for a frame (docs/behaviour.md keeps them as before). */
function expected(frame: { data: Buffer; binary: boolean }): Pick<CaptureEntry, 'payload' | 'size' | 'binary' | 'truncated'> {
  const whole = frame.binary ? frame.data.toString('base64') : frame.data.toString();
  const cut = whole.length > PAYLOAD_CAP;
  return { payload: cut ? whole.slice(0, PAYLOAD_CAP) : whole, size: frame.data.length, binary: frame.binary, ...(cut ? { truncated: true } : {}) };
}

async function receiveAll(capture: CaptureLog): Promise<unknown[]> {
  engine = createEngine({ capture });
  const { my } = attachMyClient(engine);
  const delivered: unknown[] = [];
  const socketTask = my.connectSocket({ url, multiple: true });
  socketTask.onMessage((event) => delivered.push(event.data));
  const deadline = Date.now() + 15_000;
  while (delivered.length < FRAMES.length) {
    if (Date.now() > deadline) throw new Error(`got ${delivered.length} of ${FRAMES.length} frames`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return delivered;
}

describe('incoming payloads held in the arena', () => {
  it('delivers every frame whole and logs each held one as the frame sent, after evictions and the arena wrapping', async () => {
    const capture = createCaptureLog({ capacity: CAPACITY, payloadCap: PAYLOAD_CAP, payloadArenaBytes: ARENA_BYTES });
    const delivered = await receiveAll(capture);
    expect(delivered).toStrictEqual(FRAMES.map((frame) => (frame.binary ? frame.data.toString('base64') : frame.data.toString())));
    const held = [...capture.from(0)].filter((entry) => entry.kind === 'frame' && entry.direction === 'in');
    expect(held.length).toBeGreaterThan(10);
    const sent = FRAMES.slice(-held.length);
    expect(held.map((entry) => ({ payload: entry.payload, size: entry.size, binary: entry.binary, ...(entry.truncated ? { truncated: true } : {}) }))).toStrictEqual(sent.map(expected));
    expect(held.map((entry) => entry.name)).toStrictEqual(sent.map((frame) => (frame.binary ? 'binary' : 'text')));
    expect(held.map((entry) => capture.fields.payloadLength(entry.seq))).toStrictEqual(sent.map((frame) => (expected(frame).payload as string).length));
  });

  it('logs the same entries and counts the same bytes as a ring whose arena holds nothing', async () => {
    const frames = (log: CaptureLog) => [...log.from(0)].map(({ seq: _s, wallTime: _w, monoTime: _m, clientId: _c, connectionId: _i, detail: _d, ...rest }) => rest);
    const arena = createCaptureLog({ capacity: CAPACITY, payloadCap: PAYLOAD_CAP, payloadArenaBytes: ARENA_BYTES });
    await receiveAll(arena);
    const [arenaFrames, arenaBytes] = [frames(arena), arena.heldBytes()];
    await engine?.shutdown();
    const strings = createCaptureLog({ capacity: CAPACITY, payloadCap: PAYLOAD_CAP, payloadArenaBytes: 0 });
    await receiveAll(strings);
    expect(arenaFrames).toStrictEqual(frames(strings));
    expect(arenaBytes).toBe(strings.heldBytes());
  });
});
