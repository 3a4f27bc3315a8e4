// MessagePack (docs/architecture.md#decoder-libraries): @msgpack/msgpack; a frame may hold several concatenated values.
import { decodeMulti } from '@msgpack/msgpack';
import type { FramePayload, LazyDecodeResult } from './decoder-types';
import { toJson } from './to-json';

function typeOf(value: unknown): string {
  if (value === null) return 'nil';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Uint8Array) return 'bin';
  if (value instanceof Map) return 'map';
  return typeof value === 'object' ? 'map' : typeof value;
}

export function decodeMsgpack(payload: FramePayload): LazyDecodeResult {
  if (payload.kind === 'text') return { ok: false, decoder: 'msgpack', error: 'MessagePack travels in binary frames; this is a text frame' };
  try {
    const values = [...decodeMulti(payload.bytes, { useBigInt64: true })];
    if (values.length === 0) return { ok: false, decoder: 'msgpack', error: 'empty frame' };
    return { ok: true, decoder: 'msgpack', fields: { type: values.map(typeOf).join(' ') }, tree: () => toJson(values.length === 1 ? values[0] : values) };
  } catch (error) {
    return { ok: false, decoder: 'msgpack', error: error instanceof Error ? error.message : String(error) };
  }
}
