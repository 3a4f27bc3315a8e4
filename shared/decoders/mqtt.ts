// MQTT over WebSocket (docs/architecture.md#decoder-libraries): mqtt-packet's parser; one WebSocket message may carry several
// packets (or end in a partial one), so every whole packet is listed. MQTT 5 is tried when 3.1.1 fails.
import './buffer-global';
import mqttPacket from 'mqtt-packet';
import type { DecodeResult, FramePayload } from './decoder-types';
import { toJson } from './to-json';

function parseAll(bytes: Uint8Array, protocolVersion: 4 | 5): { packets: mqttPacket.Packet[]; rest: number } | { error: string } {
  const parser = mqttPacket.parser({ protocolVersion });
  const packets: mqttPacket.Packet[] = [];
  let failure: string | undefined;
  parser.on('packet', (packet) => packets.push(packet));
  parser.on('error', (error) => {
    failure ??= error.message;
  });
  const rest = parser.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return failure !== undefined ? { error: failure } : { packets, rest };
}

function topicsOf(packet: mqttPacket.Packet): string[] {
  if ('topic' in packet && typeof packet.topic === 'string') return [packet.topic];
  if (packet.cmd === 'subscribe') return packet.subscriptions.map((subscription) => subscription.topic);
  if (packet.cmd === 'unsubscribe') return [...packet.unsubscriptions];
  return [];
}

export function decodeMqtt(payload: FramePayload): DecodeResult {
  if (payload.kind === 'text') return { ok: false, decoder: 'mqtt', error: 'MQTT travels in binary frames; this is a text frame' };
  let parsed = parseAll(payload.bytes, 4);
  if ('error' in parsed) {
    const v5 = parseAll(payload.bytes, 5);
    if ('error' in v5) return { ok: false, decoder: 'mqtt', error: parsed.error };
    parsed = v5;
  }
  if (parsed.packets.length === 0) return { ok: false, decoder: 'mqtt', error: 'no complete MQTT packet in this frame' };
  const topics = parsed.packets.flatMap(topicsOf);
  const tree = toJson(parsed.packets.length === 1 ? parsed.packets[0] : { packets: parsed.packets });
  const withRest = parsed.rest > 0 && typeof tree === 'object' && tree !== null && !Array.isArray(tree) ? { ...tree, incompleteBytes: parsed.rest } : tree;
  return { ok: true, decoder: 'mqtt', fields: { type: parsed.packets.map((packet) => packet.cmd).join(' '), ...(topics.length > 0 ? { topic: topics.join(' ') } : {}) }, tree: withRest };
}
