// MQTT over WebSocket (docs/architecture.md#decoder-libraries): mqtt-packet's parser; one WebSocket message may carry several
// packets (or end in a partial one), so every whole packet is listed. MQTT 5 is tried when 3.1.1 fails.
import './buffer-global';
import mqttPacket from 'mqtt-packet';
import type { DecodedFields, FramePayload, LazyDecodeResult } from './decoder-types';
import type { Json } from '../json';
import { toJson } from './to-json';

interface ReusableParser {
  parser: ReturnType<typeof mqttPacket.parser>;
  packets: mqttPacket.Packet[];
  failure: string | undefined;
}

// Making a parser (an EventEmitter over a BufferList stream) costs more than parsing a packet, so one per
// protocol version is reused while it ends clean; one that failed or kept partial bytes is dropped.
const parsers = new Map<4 | 5, ReusableParser>();

function parserFor(protocolVersion: 4 | 5): ReusableParser {
  const cached = parsers.get(protocolVersion);
  if (cached) return cached;
  const state: ReusableParser = { parser: mqttPacket.parser({ protocolVersion }), packets: [], failure: undefined };
  state.parser.on('packet', (packet) => state.packets.push(packet));
  state.parser.on('error', (error) => {
    state.failure ??= error.message;
  });
  parsers.set(protocolVersion, state);
  return state;
}

/** Bytes a whole packet took on the wire: the fixed header byte, the remaining-length varint, the rest. */
function wireSize(packet: mqttPacket.Packet): number {
  const remaining = packet.length ?? 0;
  return 1 + (remaining < 128 ? 1 : remaining < 16_384 ? 2 : remaining < 2_097_152 ? 3 : 4) + remaining;
}

// In a page, Buffer is the `buffer` package's, which sets a prototype on every view it makes: that cost more than
// mqtt-packet's parse itself. The filter's bytes live in one reused array (transientBase64View), so its Buffer
// views are kept by length until that array changes (docs/architecture.md#decoding-cost).
const MAX_KEPT_VIEWS = 64;
let viewedArray: ArrayBufferLike | undefined;
const viewsByLength = new Map<number, Buffer>();

function bufferOf(bytes: Uint8Array): Buffer {
  if (bytes.byteOffset !== 0) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.buffer !== viewedArray) {
    viewsByLength.clear();
    viewedArray = bytes.buffer;
  }
  let view = viewsByLength.get(bytes.byteLength);
  if (view === undefined) {
    if (viewsByLength.size >= MAX_KEPT_VIEWS) viewsByLength.clear();
    view = Buffer.from(bytes.buffer, 0, bytes.byteLength);
    viewsByLength.set(bytes.byteLength, view);
  }
  return view;
}

function parseAll(bytes: Uint8Array, protocolVersion: 4 | 5): { packets: mqttPacket.Packet[]; rest: number } | { error: string } {
  const state = parserFor(protocolVersion);
  state.packets = [];
  state.failure = undefined;
  state.parser.parse(bufferOf(bytes));
  const { packets, failure } = state;
  // Bytes after the last whole packet leave the parser mid-packet: it cannot serve the next frame.
  let rest = bytes.byteLength;
  for (const packet of packets) rest -= wireSize(packet);
  if (failure !== undefined || rest !== 0) parsers.delete(protocolVersion);
  return failure !== undefined ? { error: failure } : { packets, rest };
}

function topicsOf(packet: mqttPacket.Packet): readonly string[] {
  if ('topic' in packet && typeof packet.topic === 'string') return [packet.topic];
  if (packet.cmd === 'subscribe') return packet.subscriptions.map((subscription) => subscription.topic);
  if (packet.cmd === 'unsubscribe') return packet.unsubscriptions;
  return [];
}

/** Packet types and topics, space-separated. Plain loops: this runs per frame under a live `topic:` filter. */
function fieldsOf(packets: readonly mqttPacket.Packet[]): DecodedFields {
  let type = '';
  let topic: string | undefined;
  for (const packet of packets) {
    type = type === '' ? packet.cmd : `${type} ${packet.cmd}`;
    for (const name of topicsOf(packet)) topic = topic === undefined ? name : `${topic} ${name}`;
  }
  return topic === undefined ? { type } : { type, topic };
}

export function decodeMqtt(payload: FramePayload): LazyDecodeResult {
  if (payload.kind === 'text') return { ok: false, decoder: 'mqtt', error: 'MQTT travels in binary frames; this is a text frame' };
  let parsed = parseAll(payload.bytes, 4);
  if ('error' in parsed) {
    const v5 = parseAll(payload.bytes, 5);
    if ('error' in v5) return { ok: false, decoder: 'mqtt', error: parsed.error };
    parsed = v5;
  }
  if (parsed.packets.length === 0) return { ok: false, decoder: 'mqtt', error: 'no complete MQTT packet in this frame' };
  const { packets, rest } = parsed;
  const tree = (): Json => {
    const json = toJson(packets.length === 1 ? packets[0] : { packets });
    return rest > 0 && typeof json === 'object' && json !== null && !Array.isArray(json) ? { ...json, incompleteBytes: rest } : json;
  };
  return { ok: true, decoder: 'mqtt', fields: fieldsOf(packets), tree };
}
