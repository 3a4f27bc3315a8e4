// One frame of the capture through the decoder of its connection (docs/architecture.md#protocol-decoders): the payload as the
// wire carried it, the size bound, then the library decoder. Never throws. Filters ask for the fields only; the
// tree is built when the inspector or an export asks for it (docs/architecture.md#decoding-cost).
import type { CaptureEntry } from '../capture';
import type { DecodeFailure, DecodeResult, DecodedFields, DecoderChoice, FramePayload, LazyDecodeResult } from './decoder-types';
import { MAX_DECODED_BYTES } from './decoder-types';
import { base64Bytes, transientBase64View } from './base64-bytes';
import { decodeMqtt } from './mqtt';
import { decodeMsgpack } from './msgpack';
import { decodeProtobuf } from './protobuf';
import { decodeSocketIo } from './socket-io';
import { decodeStomp } from './stomp';

/** True for the entries a decoder reads: data frames in either direction. */
export function isDecodable(entry: CaptureEntry): boolean {
  return entry.kind === 'frame' && entry.direction !== 'none' && (entry.opcode === 1 || entry.opcode === 2 || entry.opcode === undefined) && typeof entry.payload === 'string';
}

/**
 * A payload as the capture keeps it (text, or binary as base64) as decoder input, or why it is not decoded.
 * `transient`: the bytes may live in a buffer the next call reuses, for a caller that keeps nothing of the decode
 * (the fields; docs/architecture.md#decoding-cost).
 */
function payloadOf(data: string, binary: boolean | undefined, transient = false): FramePayload | string {
  if (!binary) return data.length > MAX_DECODED_BYTES ? `frame over ${MAX_DECODED_BYTES} bytes is not decoded` : { kind: 'text', text: data };
  if ((data.length * 3) / 4 > MAX_DECODED_BYTES) return `frame over ${MAX_DECODED_BYTES} bytes is not decoded`;
  const bytes = transient ? transientBase64View(data) : base64Bytes(data);
  return bytes === undefined ? 'payload is not valid base64' : { kind: 'binary', bytes };
}

function failure(choice: DecoderChoice, error: unknown): DecodeFailure {
  return { ok: false, decoder: choice.decoder, error: error instanceof Error ? error.message : String(error) };
}

function decodeLazy(payload: FramePayload, choice: DecoderChoice): LazyDecodeResult {
  try {
    switch (choice.decoder) {
      case 'socket.io':
        return decodeSocketIo(payload);
      case 'mqtt':
        return decodeMqtt(payload);
      case 'stomp':
        return decodeStomp(payload);
      case 'msgpack':
        return decodeMsgpack(payload);
      case 'protobuf':
        return decodeProtobuf(payload, choice.proto, choice.messageType);
    }
  } catch (error) {
    return failure(choice, error);
  }
}

/** The fields and the tree of one payload. */
export function decodePayload(payload: FramePayload, choice: DecoderChoice): DecodeResult {
  const result = decodeLazy(payload, choice);
  if (!result.ok) return result;
  try {
    return { ok: true, decoder: result.decoder, fields: result.fields, tree: result.tree() };
  } catch (error) {
    return failure(choice, error);
  }
}

/** Decodes a frame entry (whose payload is complete, not a preview) with a connection's decoder. */
export function decodeEntry(entry: CaptureEntry, choice: DecoderChoice): DecodeResult {
  const payload = payloadOf(entry.payload ?? '', entry.binary);
  if (typeof payload === 'string') return { ok: false, decoder: choice.decoder, error: payload };
  return decodePayload(payload, choice);
}

/** Only the fields filters match on, or undefined when the frame does not decode: no tree is built. */
export function decodeEntryFields(entry: CaptureEntry, choice: DecoderChoice): DecodedFields | undefined {
  return decodeFrameFields(entry.payload ?? '', entry.binary, choice);
}

/** The fields of a frame's payload (text, or binary as base64), as breakpoint rules read a frame on its way. */
export function decodeFrameFields(data: string, binary: boolean | undefined, choice: DecoderChoice): DecodedFields | undefined {
  // Only the fields leave this function (strings), never the decoder's objects, so the bytes may be reused.
  const payload = payloadOf(data, binary, true);
  if (typeof payload === 'string') return undefined;
  const result = decodeLazy(payload, choice);
  return result.ok ? result.fields : undefined;
}
