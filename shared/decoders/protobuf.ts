// Protocol Buffers (docs/architecture.md#decoder-libraries): protobufjs parses the user's `.proto` text and decodes each
// binary frame as the chosen message type. Parsed schemas are cached per (proto, type).
import protobuf from 'protobufjs';
import type { FramePayload, LazyDecodeResult } from './decoder-types';
import { toJson } from './to-json';

const schemas = new Map<string, protobuf.Type | string>();
const MAX_SCHEMAS = 16;

/** The message type, or why the `.proto` or the type name is unusable. */
export function loadMessageType(proto: string, messageType: string): protobuf.Type | string {
  const key = `${messageType}\u0000${proto}`;
  const cached = schemas.get(key);
  if (cached !== undefined) return cached;
  let result: protobuf.Type | string;
  try {
    result = protobuf.parse(proto, { keepCase: true }).root.lookupType(messageType);
  } catch (error) {
    result = error instanceof Error ? error.message : String(error);
  }
  if (schemas.size >= MAX_SCHEMAS) schemas.delete(schemas.keys().next().value as string);
  schemas.set(key, result);
  return result;
}

export function decodeProtobuf(payload: FramePayload, proto: string, messageType: string): LazyDecodeResult {
  if (payload.kind === 'text') return { ok: false, decoder: 'protobuf', error: 'protobuf travels in binary frames; this is a text frame' };
  const type = loadMessageType(proto, messageType);
  if (typeof type === 'string') return { ok: false, decoder: 'protobuf', error: `.proto: ${type}` };
  try {
    const message = type.decode(payload.bytes);
    const tree = () => toJson(type.toObject(message, { longs: String, enums: String, bytes: String, defaults: false }));
    return { ok: true, decoder: 'protobuf', fields: { type: type.fullName.replace(/^\./, '') }, tree };
  } catch (error) {
    return { ok: false, decoder: 'protobuf', error: error instanceof Error ? error.message : String(error) };
  }
}
