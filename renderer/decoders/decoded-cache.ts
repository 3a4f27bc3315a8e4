// Decoding in the panel is lazy (docs/architecture.md#decoding-cost): a frame is decoded when the inspector shows it or a
// decoded-field filter tests it, never as it arrives, and the result is kept per entry in a bounded cache.
// protobuf is decoded in main (its library generates code, which the panel's CSP forbids).
import type { DecodeResult, DecoderChoice } from '../../shared/decoders/decoder-types';
import { decodeEntry, isDecodable } from '../../shared/decoders/decode-frame';
import type { RingEntry } from '../capture/entry-ring';

const CACHE_SIZE = 20_000;
const cache = new Map<string, DecodeResult>();

function keyOf(seq: number, choice: DecoderChoice): string {
  return choice.decoder === 'protobuf' ? `${seq}|protobuf|${choice.messageType}|${choice.proto.length}` : `${seq}|${choice.decoder}`;
}

/** The decoded view of a frame in the panel, or why there is none; undefined when it is not a data frame. */
export function decodeInPanel(entry: RingEntry, choice: DecoderChoice): DecodeResult | undefined {
  if (!isDecodable(entry)) return undefined;
  if (entry.previewOnly) return { ok: false, decoder: choice.decoder, error: 'only a preview of this frame is held in the panel' };
  if (choice.decoder === 'protobuf') return undefined;
  const key = keyOf(entry.seq, choice);
  const hit = cache.get(key);
  if (hit) return hit;
  const result = decodeEntry(entry, choice);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, result);
  return result;
}
