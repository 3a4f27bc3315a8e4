// Socket.IO over Engine.IO (docs/architecture.md#decoder-libraries): engine.io-parser reads the Engine.IO packet of one
// WebSocket frame, socket.io-parser the Socket.IO packet inside a `message`.
import { decodePacket } from 'engine.io-parser';
import { Decoder, PacketType } from 'socket.io-parser';
import type { FramePayload, LazyDecodeResult } from './decoder-types';
import { toJson } from './to-json';

function socketIoPacket(data: string): { packet: unknown } | { error: string } {
  const decoder = new Decoder();
  let packet: unknown;
  decoder.on('decoded', (decoded: unknown) => {
    packet = decoded;
  });
  try {
    decoder.add(data);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  } finally {
    decoder.destroy();
  }
  // A binary event's header waits for its attachments, which arrive as the next binary frames.
  return packet === undefined ? { error: 'binary packet header: its attachments follow in the next binary frames' } : { packet };
}

export function decodeSocketIo(payload: FramePayload): LazyDecodeResult {
  if (payload.kind === 'binary') {
    return { ok: true, decoder: 'socket.io', fields: { type: 'binary attachment' }, tree: () => ({ engineIo: 'message (binary)', attachment: { bytes: payload.bytes.length } }) };
  }
  const engine = decodePacket(payload.text);
  if (engine.type === 'error') return { ok: false, decoder: 'socket.io', error: `not an Engine.IO packet: ${JSON.stringify(payload.text.slice(0, 40))}` };
  if (engine.type !== 'message' || typeof engine.data !== 'string') {
    return { ok: true, decoder: 'socket.io', fields: { type: `engine.io ${engine.type}` }, tree: () => toJson({ engineIo: engine.type, data: engine.data }) };
  }
  const inner = socketIoPacket(engine.data);
  if ('error' in inner) return { ok: false, decoder: 'socket.io', error: inner.error };
  const packet = inner.packet as { type: PacketType; nsp: string; id?: number; data?: unknown };
  const typeName = PacketType[packet.type] ?? String(packet.type);
  const event = (packet.type === PacketType.EVENT || packet.type === PacketType.BINARY_EVENT) && Array.isArray(packet.data) && typeof packet.data[0] === 'string' ? packet.data[0] : undefined;
  const args = event !== undefined && Array.isArray(packet.data) ? packet.data.slice(1) : undefined;
  const tree = () => toJson({ engineIo: 'message', type: typeName, nsp: packet.nsp, id: packet.id, ...(event !== undefined ? { event, args } : { data: packet.data }) });
  return { ok: true, decoder: 'socket.io', fields: { type: typeName, ...(event !== undefined ? { event } : {}) }, tree };
}
