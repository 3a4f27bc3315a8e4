// Decoded views in a live export that has outgrown the ring (docs/session-storage.md "Exports"): a real `ws` server on
// 127.0.0.1 sends MQTT (detected from the subprotocol) and protobuf frames (decoded with the user's .proto, sent with
// the export request); the engine's capture (a ring of 50) is recorded into a real session on disk, and the export
// streamed from that session carries `_decoder` and `_decoded` on every frame, the same as the in-memory HAR of all
// the session's entries would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import mqttPacket from 'mqtt-packet';
import protobuf from 'protobufjs';
import type { Har, HarEntry } from '../../shared/har';
import { captureToHar } from '../../shared/har-export';
import type { PanelMessage } from '../../shared/panel-wire';
import { createCaptureLog } from './capture-log';
import { createEngine } from './engine';
import { createPanelSession } from './panel-session';
import { recordCapture } from './session-store/capture-recorder';
import { openSessionStore } from './session-store/session-store';
import { withTempDir } from './session-store/test-support/entries';
import { attachWireTestClient } from './test-support/wire-test-client';

const PROTO = 'syntax = "proto3"; package demo; message Tick { string symbol = 1; int32 n = 2; }';
const MQTT_FRAMES = 200;
const TICK_FRAMES = 100;
const Tick = protobuf.parse(PROTO).root.lookupType('demo.Tick');

let server: WebSocketServer;
let port = 0;
beforeAll(async () => {
  server = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: (protocols) => [...protocols][0] ?? false });
  server.on('connection', (socket, request) => {
    if (request.url === '/mqtt') {
      for (let i = 0; i < MQTT_FRAMES; i += 1) socket.send(mqttPacket.generate({ cmd: 'publish', topic: `orders/${i}`, payload: Buffer.from(`${i}`), qos: 0, retain: false, dup: false }));
    } else {
      for (let i = 0; i < TICK_FRAMES; i += 1) socket.send(Tick.encode(Tick.create({ symbol: 'ANT', n: i })).finish());
    }
  });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function replyBody(received: PanelMessage[], requestId: number): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const reply = received.find((m): m is Extract<PanelMessage, { kind: 'reply' }> => m.kind === 'reply' && m.requestId === requestId);
    if (reply) {
      if (!reply.ok || typeof reply.body !== 'string') throw new Error(`reply ${requestId} failed: ${reply.ok ? 'not text' : reply.error}`);
      return reply.body;
    }
    if (Date.now() > deadline) throw new Error(`no reply ${requestId}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const entryFor = (har: Har, path: string): HarEntry | undefined => har.log.entries.find((entry) => entry.request.url.endsWith(path));
const received = (entry: HarEntry | undefined) => entry?._webSocketMessages.filter((message) => message.type === 'receive') ?? [];

describe('live export beyond the ring', () => {
  it('streams decoded views from the session on disk: detected MQTT, protobuf with the user\'s .proto', async () => {
    await withTempDir(async (dir) => {
      const store = await openSessionStore({ dir });
      const capture = createCaptureLog({ capacity: 50 });
      const engine = createEngine({ capture });
      const recorder = recordCapture(capture, store, '/apps/decoded');
      const messages: PanelMessage[] = [];
      const panel = createPanelSession(engine, (message) => void messages.push(message), { sessions: { store, live: () => ({ id: recorder.sessionId, fromSeq: recorder.liveFromSeq() }) } });
      let frames = 0;
      const allArrived = new Promise<void>((resolve) => {
        capture.onChange(() => {
          const last = capture.get(capture.nextSeq() - 1);
          if (last?.kind === 'frame' && last.direction === 'in' && ++frames === MQTT_FRAMES + TICK_FRAMES) resolve();
        });
      });
      const client = attachWireTestClient(engine);
      client.call('connect', { url: `ws://127.0.0.1:${port}/mqtt`, protocols: ['mqtt'] }, 'task-mqtt');
      client.call('connect', { url: `ws://127.0.0.1:${port}/tick` }, 'task-tick');
      await allArrived;
      expect(capture.get(recorder.liveFromSeq())).toBeUndefined();

      const tickId = engine.state().connections.find((connection) => connection.url.endsWith('/tick'))?.connectionId;
      expect(tickId).toBeDefined();
      const choice = { decoder: 'protobuf' as const, proto: PROTO, messageType: 'demo.Tick' };
      panel.receive({ kind: 'export', requestId: 1, format: 'har', decoders: { [tickId as string]: choice } });
      const har = JSON.parse(await replyBody(messages, 1)) as Har;

      const mqtt = entryFor(har, '/mqtt');
      expect(mqtt?._decoder).toEqual({ decoder: 'mqtt' });
      expect(received(mqtt).map((message) => message._decoded?.fields.topic)).toEqual(Array.from({ length: MQTT_FRAMES }, (_, i) => `orders/${i}`));
      const ticks = entryFor(har, '/tick');
      expect(ticks?._decoder).toEqual({ decoder: 'protobuf', messageType: 'demo.Tick', proto: PROTO });
      expect(received(ticks).map((message) => message._decoded?.tree)).toEqual(Array.from({ length: TICK_FRAMES }, (_, i) => (i === 0 ? { symbol: 'ANT' } : { symbol: 'ANT', n: i })));

      // The same document the in-memory export makes of every entry the session holds.
      const all = await store.readRange(recorder.sessionId, { fromSeq: recorder.liveFromSeq() }, 100_000);
      const inMemory = captureToHar(all, { creator: har.log.creator, decoders: new Map([[tickId as string, choice]]) });
      expect(har.log.entries).toEqual(inMemory.log.entries);

      // The inspector's protobuf decode (done in main) reaches a frame the ring evicted too.
      const firstTick = all.find((entry) => entry.connectionId === tickId && entry.kind === 'frame');
      expect(firstTick && capture.get(firstTick.seq)).toBeUndefined();
      panel.receive({ kind: 'decode', requestId: 4, seq: firstTick?.seq ?? -1, choice });
      expect(JSON.parse(await replyBody(messages, 4))).toEqual({ ok: true, decoder: 'protobuf', fields: { type: 'demo.Tick' }, tree: { symbol: 'ANT' } });

      // Without the user's choice the protobuf connection is not guessed; a saved session is decoded by detection.
      const mqttId = engine.state().connections.find((connection) => connection.url.endsWith('/mqtt'))?.connectionId ?? '';
      panel.receive({ kind: 'export', requestId: 2, format: 'har', decoders: { [mqttId]: null } });
      const detectedOnly = JSON.parse(await replyBody(messages, 2)) as Har;
      // "none" chosen for the detected MQTT connection: no decoded views there either.
      expect(entryFor(detectedOnly, '/mqtt')?._decoder).toBeUndefined();
      expect(entryFor(detectedOnly, '/tick')?._decoder).toBeUndefined();
      expect(received(entryFor(detectedOnly, '/tick')).some((message) => message._decoded !== undefined)).toBe(false);
      await recorder.stop();
      panel.receive({ kind: 'session-export', requestId: 3, id: recorder.sessionId, format: 'har' });
      const saved = JSON.parse(await replyBody(messages, 3)) as Har;
      expect(entryFor(saved, '/mqtt')?._decoder).toEqual({ decoder: 'mqtt' });
      expect(received(entryFor(saved, '/mqtt')).every((message) => message._decoded?.fields.type === 'publish')).toBe(true);

      panel.close();
      await engine.shutdown();
      await store.close();
    });
  });
});
