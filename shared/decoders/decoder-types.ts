// The protocol decoders' common shapes (docs/architecture.md#protocol-decoders): a frame goes in as text or bytes, a JSON tree and the
// fields filters match on come out, or a reason it could not be decoded.
import type { Json } from '../json';

export const DECODER_IDS = ['socket.io', 'mqtt', 'stomp', 'msgpack', 'protobuf'] as const;
export type DecoderId = (typeof DECODER_IDS)[number];

/** One frame's payload as the wire carried it. */
export type FramePayload = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'binary'; readonly bytes: Uint8Array };

/** The fields filters match on (docs/architecture.md#decoded-field-filters). */
export interface DecodedFields {
  /** Socket.IO event name. */
  event?: string;
  /** MQTT topic(s) or STOMP destination. */
  topic?: string;
  /** Protocol message type: MQTT packet type, STOMP command, Socket.IO packet type, protobuf message type. */
  type?: string;
}

export type DecodeFailure = { readonly ok: false; readonly decoder: DecoderId; readonly error: string };
export type DecodeResult = { readonly ok: true; readonly decoder: DecoderId; readonly fields: DecodedFields; readonly tree: Json } | DecodeFailure;
/** What each decoder returns: the fields at once, the tree only when asked (filters never ask; docs/architecture.md#decoding-cost). */
export type LazyDecodeResult = { readonly ok: true; readonly decoder: DecoderId; readonly fields: DecodedFields; tree(): Json } | DecodeFailure;

/** What a connection is decoded with: a decoder, and for protobuf the user's `.proto` and message type. */
export type DecoderChoice = { readonly decoder: Exclude<DecoderId, 'protobuf'> } | { readonly decoder: 'protobuf'; readonly proto: string; readonly messageType: string };

/** Frames larger than this are not decoded: work per frame stays bounded (docs/architecture.md#decoding-cost). */
export const MAX_DECODED_BYTES = 1024 * 1024;
