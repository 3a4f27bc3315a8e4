// The decoders on real traffic (docs/architecture.md#protocol-decoders): a real `ws` server on 127.0.0.1 sends frames made by each
// protocol's own encoder, the engine captures them from a real socket, and the captured entries decode.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
import mqttPacket from 'mqtt-packet';
import { Encoder } from 'socket.io-parser';
import { encodePacket } from 'engine.io-parser';
import { FrameImpl } from '@stomp/stompjs';
import { encode as msgpackEncode } from '@msgpack/msgpack';
import protobuf from 'protobufjs';
import { createEngine } from '../../main/core/engine';
import type { Engine } from '../../main/core/ports';
import { attachWireTestClient } from '../../main/core/test-support/wire-test-client';
import type { CaptureEntry } from '../capture';
import { decodeEntry, decodeEntryFields, decodePayload, isDecodable } from './decode-frame';
import { base64Bytes } from './base64-bytes';
import { detectFromOpen } from './connection-decoder';
import { captureToHar } from '../har-export';
import { harToCapture } from '../har-import';

type Frames = (string | Buffer)[];
let server: WebSocketServer;
let engine: Engine | undefined;
const scripts = new Map<string, Frames>();

beforeAll(async () => {
  server = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: (protocols) => [...protocols][0] ?? false });
  server.on('connection', (socket, request) => {
    for (const frame of scripts.get(new URL(request.url ?? '/', 'http://x').pathname) ?? []) socket.send(frame);
  });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(async () => {
  await engine?.shutdown();
  engine = undefined;
});

/** Connects through the engine and returns the captured incoming frames and the open step. */
async function capture(path: string, frames: Frames, protocols?: string[]): Promise<{ frames: CaptureEntry[]; open: CaptureEntry | undefined }> {
  scripts.set(path.split('?')[0] ?? path, frames);
  engine = createEngine();
  const client = attachWireTestClient(engine);
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  await client.result(client.call('connect', { url, ...(protocols ? { protocols } : {}) }));
  await client.waitFor(() => client.trace().filter((t) => t === 'message').length === frames.length);
  const entries = [...engine.capture.from(0)];
  return { frames: entries.filter(isDecodable), open: entries.find((e) => e.kind === 'lifecycle' && e.name === 'open') };
}

function sioFrame(packet: Parameters<Encoder['encode']>[0]): string {
  let out = '';
  encodePacket({ type: 'message', data: new Encoder().encode(packet)[0] as string }, false, (encoded) => {
    out = encoded as string;
  });
  return out;
}

describe('decoders on captured real frames', () => {
  it('Socket.IO: detected from /socket.io/?EIO=4, event name and args from socket.io-parser', async () => {
    const { frames, open } = await capture('/socket.io/?EIO=4&transport=websocket', ['0{"sid":"abc","upgrades":[],"pingInterval":25000,"pingTimeout":20000}', sioFrame({ type: 2, nsp: '/', data: ['chat', { text: '你好' }, 3] }), '2']);
    const choice = detectFromOpen(open);
    expect(choice).toEqual({ decoder: 'socket.io' });
    const decoded = frames.map((frame) => decodeEntry(frame, choice ?? { decoder: 'socket.io' }));
    expect(decoded[0]).toMatchObject({ ok: true, fields: { type: 'engine.io open' } });
    expect(decoded[1]).toEqual({ ok: true, decoder: 'socket.io', fields: { type: 'EVENT', event: 'chat' }, tree: { engineIo: 'message', type: 'EVENT', nsp: '/', event: 'chat', args: [{ text: '你好' }, 3] } });
    expect(decoded[2]).toMatchObject({ ok: true, fields: { type: 'engine.io ping' } });
  });

  it('MQTT: detected from the mqtt subprotocol; two packets in one WebSocket message are both listed', async () => {
    const publish = mqttPacket.generate({ cmd: 'publish', topic: 'alipay/orders', payload: Buffer.from('{"id":7}'), qos: 1, messageId: 42, retain: false, dup: false });
    const pingresp = mqttPacket.generate({ cmd: 'pingresp' });
    const connack = mqttPacket.generate({ cmd: 'connack', returnCode: 0, sessionPresent: false });
    const { frames, open } = await capture('/mqtt', [connack, Buffer.concat([publish, pingresp])], ['mqtt']);
    const choice = detectFromOpen(open);
    expect(choice).toEqual({ decoder: 'mqtt' });
    const [first, second] = frames.map((frame) => decodeEntry(frame, { decoder: 'mqtt' }));
    expect(first).toMatchObject({ ok: true, fields: { type: 'connack' } });
    expect(second).toMatchObject({ ok: true, fields: { type: 'publish pingresp', topic: 'alipay/orders' } });
    expect(second?.ok && second.tree).toMatchObject({ packets: [{ cmd: 'publish', topic: 'alipay/orders', messageId: 42, qos: 1, payload: '{"id":7}' }, { cmd: 'pingresp' }] });
  });

  it('STOMP: detected from v12.stomp; command, headers, destination and body from the stompjs parser', async () => {
    const message = new FrameImpl({ command: 'MESSAGE', headers: { destination: '/topic/prices', 'message-id': '1', subscription: 'sub-0' }, body: '{"p":1}' }).serialize() as string;
    const { frames, open } = await capture('/stomp', [message], ['v12.stomp']);
    expect(detectFromOpen(open)).toEqual({ decoder: 'stomp' });
    expect(decodeEntry(frames[0] as CaptureEntry, { decoder: 'stomp' })).toEqual({
      ok: true,
      decoder: 'stomp',
      fields: { type: 'MESSAGE', topic: '/topic/prices' },
      tree: { command: 'MESSAGE', headers: { destination: '/topic/prices', 'message-id': '1', subscription: 'sub-0', 'content-length': '7' }, body: '{"p":1}' },
    });
  });

  it('msgpack and protobuf are never guessed; chosen per connection they decode, and a wrong type says why', async () => {
    const root = protobuf.parse('syntax = "proto3"; package demo; message Tick { string symbol = 1; int64 price = 2; repeated string tags = 3; }').root;
    const Tick = root.lookupType('demo.Tick');
    const tick = Buffer.from(Tick.encode(Tick.create({ symbol: 'ANT', price: 9007199254740993n.toString(), tags: ['a', 'b'] })).finish());
    const packed = Buffer.from(msgpackEncode({ op: 'quote', px: [1.5, 2] }));
    const { frames, open } = await capture('/binary', [packed, tick]);
    expect(detectFromOpen(open)).toBeUndefined();
    expect(decodeEntry(frames[0] as CaptureEntry, { decoder: 'msgpack' })).toEqual({ ok: true, decoder: 'msgpack', fields: { type: 'map' }, tree: { op: 'quote', px: [1.5, 2] } });
    const proto = 'syntax = "proto3"; package demo; message Tick { string symbol = 1; int64 price = 2; repeated string tags = 3; }';
    expect(decodeEntry(frames[1] as CaptureEntry, { decoder: 'protobuf', proto, messageType: 'demo.Tick' })).toEqual({
      ok: true,
      decoder: 'protobuf',
      fields: { type: 'demo.Tick' },
      tree: { symbol: 'ANT', price: '9007199254740993', tags: ['a', 'b'] },
    });
    expect(decodeEntry(frames[1] as CaptureEntry, { decoder: 'protobuf', proto, messageType: 'demo.Nope' })).toMatchObject({ ok: false, error: expect.stringContaining('no such type') });
    expect(decodeEntry(frames[1] as CaptureEntry, { decoder: 'protobuf', proto: 'message {', messageType: 'x' })).toMatchObject({ ok: false, error: expect.stringContaining('.proto:') });
  });

  it('malformed frames end in a reason, never a throw', async () => {
    const { frames } = await capture('/garbage', [Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff]), 'hello world', Buffer.from([0xc1])]);
    for (const decoder of ['socket.io', 'mqtt', 'stomp', 'msgpack'] as const) {
      for (const frame of frames) {
        const result = decodeEntry(frame, { decoder });
        if (!result.ok) expect(result.error.length).toBeGreaterThan(3);
      }
    }
    expect(decodeEntry(frames[0] as CaptureEntry, { decoder: 'mqtt' }).ok).toBe(false);
    expect(decodeEntry(frames[1] as CaptureEntry, { decoder: 'socket.io' }).ok).toBe(false);
    expect(decodeEntry(frames[2] as CaptureEntry, { decoder: 'msgpack' }).ok).toBe(false);
    // The MQTT parser is reused between frames: a failed or partial frame must not spoil the next one.
    const pingreq = new Uint8Array(mqttPacket.generate({ cmd: 'pingreq' }));
    expect(decodePayload({ kind: 'binary', bytes: pingreq.subarray(0, 1) }, { decoder: 'mqtt' }).ok).toBe(false);
    expect(decodePayload({ kind: 'binary', bytes: pingreq }, { decoder: 'mqtt' })).toMatchObject({ ok: true, fields: { type: 'pingreq' } });
  });
});

describe('the fields-only path of decoded-field filters (docs/architecture.md#decoding-cost)', () => {
  it('gives the same fields as the full decode for every decoder, and nothing where the full decode fails', async () => {
    const stomp = new FrameImpl({ command: 'SEND', headers: { destination: '/queue/a' }, body: 'hi' }).serialize() as string;
    const publish = mqttPacket.generate({ cmd: 'publish', topic: 'a/b', payload: Buffer.from('x'), qos: 0, retain: false, dup: false });
    const { frames } = await capture('/fields', [sioFrame({ type: 2, nsp: '/', data: ['chat', 1] }), stomp, publish, Buffer.from(msgpackEncode([1, 2])), Buffer.from([0xc1])]);
    for (const decoder of ['socket.io', 'mqtt', 'stomp', 'msgpack'] as const) {
      for (const frame of frames) {
        const full = decodeEntry(frame, { decoder });
        expect(decodeEntryFields(frame, { decoder })).toEqual(full.ok ? full.fields : undefined);
      }
    }
    expect(decodeEntryFields(frames[2] as CaptureEntry, { decoder: 'mqtt' })).toEqual({ type: 'publish', topic: 'a/b' });
  });

  it('reads base64 natively and still says when a binary payload is not base64', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 253]);
    expect([...(base64Bytes(bytes.toString('base64')) ?? [])]).toEqual([...bytes]);
    expect(base64Bytes('')).toEqual(new Uint8Array());
    for (const bad of ['AAA', 'A!AA', 'AA=A', 'AAAA AAA']) expect(base64Bytes(bad)).toBeUndefined();
    const frame: CaptureEntry = { seq: 1, monoTime: 0, wallTime: 0, clientId: 'c', connectionId: 't1', kind: 'frame', name: 'binary', direction: 'in', opcode: 2, size: 3, binary: true, payload: '%%%%' };
    expect(decodeEntry(frame, { decoder: 'msgpack' })).toEqual({ ok: false, decoder: 'msgpack', error: 'payload is not valid base64' });
    expect(decodeEntryFields(frame, { decoder: 'msgpack' })).toBeUndefined();
  });
});

describe('decoded views in the HAR export (docs/architecture.md#decoded-views-in-har)', () => {
  it('auto-detected connections get _decoder and _decoded on each frame; a chosen decoder overrides; JSONL-free entries are untouched', async () => {
    const publish = mqttPacket.generate({ cmd: 'publish', topic: 't/1', payload: Buffer.from('x'), qos: 0, retain: false, dup: false });
    await capture('/mqtt-har', [publish], ['mqtt']);
    const entries = [...(engine as Engine).capture.from(0)];
    const har = captureToHar(entries, { creator: { name: 't', version: '1' } });
    const harEntry = har.log.entries[0];
    expect(harEntry?._decoder).toEqual({ decoder: 'mqtt' });
    const received = harEntry?._webSocketMessages.find((message) => message.type === 'receive');
    expect(received?._decoded?.fields).toEqual({ type: 'publish', topic: 't/1' });
    const chosen = captureToHar(entries, { creator: { name: 't', version: '1' }, decoders: new Map([[harEntry?._connectionId ?? '', { decoder: 'msgpack' as const }]]) });
    const asMsgpack = chosen.log.entries[0]?._webSocketMessages.find((message) => message.type === 'receive');
    expect(asMsgpack?._decoded ?? asMsgpack?._decodeError).toBeDefined();
    expect(chosen.log.entries[0]?._decoder).toEqual({ decoder: 'msgpack' });
    expect(harToCapture(JSON.stringify(har)).entries.length).toBe(entries.length);
    // The user chose "none" for a detected connection: no decoded views.
    const none = captureToHar(entries, { creator: { name: 't', version: '1' }, decoders: new Map([[harEntry?._connectionId ?? '', null]]) });
    expect(none.log.entries[0]?._decoder).toBeUndefined();
    expect(none.log.entries[0]?._webSocketMessages.some((message) => message._decoded !== undefined || message._decodeError !== undefined)).toBe(false);
  });
});
