// Decoding in the panel is lazy (docs/architecture.md#decoding-cost): a frame is decoded when the inspector shows it or a
// decoded-field filter tests it, never as it arrives. A filter needs only the fields (no tree is built), kept per
// entry in a bounded cache of small records; the inspector's trees are few, kept in a small cache of their own.
// protobuf is decoded in main (its library generates code, which the panel's CSP forbids).
import type { DecodeResult, DecodedFields, DecoderChoice } from '../../shared/decoders/decoder-types';
import { decodeEntry, decodeEntryFields, isDecodable } from '../../shared/decoders/decode-frame';
import type { RingEntry } from '../capture/entry-ring';

/** Fields kept per decoder: a live filter over a flood adds one per frame. */
export const FIELDS_CACHE_SIZE = 20_000;
/** Dropped at once when a fields cache is full, so the eviction's cost is spread over this many frames. */
const FIELDS_EVICTED_AT_ONCE = 2_000;
const TREE_CACHE_SIZE = 200;
/** Fields by decoder, then by entry seq (number keys: no key string per frame); null = the frame does not decode with it. */
const fieldsCaches = new Map<DecoderChoice['decoder'], Map<number, DecodedFields | null>>();
const treeCache = new Map<string, DecodeResult>();

function keyOf(seq: number, choice: DecoderChoice): string {
  return choice.decoder === 'protobuf' ? `${seq}|protobuf|${choice.messageType}|${choice.proto.length}` : `${seq}|${choice.decoder}`;
}

function remember<T>(cache: Map<string, T>, size: number, key: string, value: T): T {
  if (cache.size >= size) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
  return value;
}

/** The decoded view of a frame in the panel (fields and tree), or why there is none; undefined when it is not a data frame. */
export function decodeInPanel(entry: RingEntry, choice: DecoderChoice): DecodeResult | undefined {
  if (!isDecodable(entry)) return undefined;
  if (entry.previewOnly) return { ok: false, decoder: choice.decoder, error: 'only a preview of this frame is held in the panel' };
  if (choice.decoder === 'protobuf') return undefined;
  const key = keyOf(entry.seq, choice);
  return treeCache.get(key) ?? remember(treeCache, TREE_CACHE_SIZE, key, decodeEntry(entry, choice));
}

function fieldsCacheOf(decoder: DecoderChoice['decoder']): Map<number, DecodedFields | null> {
  let cache = fieldsCaches.get(decoder);
  if (!cache) fieldsCaches.set(decoder, (cache = new Map()));
  return cache;
}

/** The fields a decoded-field filter tests; undefined when the frame is not decoded (preview, not data, does not decode). */
export function decodedFieldsInPanel(entry: RingEntry, choice: DecoderChoice): DecodedFields | undefined {
  if (!isDecodable(entry) || entry.previewOnly || choice.decoder === 'protobuf') return undefined;
  const cache = fieldsCacheOf(choice.decoder);
  const hit = cache.get(entry.seq);
  if (hit !== undefined) return hit ?? undefined;
  if (cache.size >= FIELDS_CACHE_SIZE) {
    let evicted = 0;
    for (const seq of cache.keys()) {
      if (evicted++ === FIELDS_EVICTED_AT_ONCE) break;
      cache.delete(seq);
    }
  }
  const fields = decodeEntryFields(entry, choice);
  cache.set(entry.seq, fields ?? null);
  return fields;
}
