// A cheap necessary condition for a decoded-field filter (docs/architecture.md#decoding-cost). When the filter's pattern is a
// plain word (letters, digits, `_`, `-`, `/`: as a case-insensitive regex it means "contains this word") and the
// decoder carries that field verbatim in the frame (MQTT topics, STOMP destinations, Socket.IO event names), a
// frame whose raw text does not contain the word cannot match: it is passed over without being decoded.
import type { CaptureEntry } from '../capture';
import { base64Bytes } from './base64-bytes';
import type { DecodedFields, DecoderId } from './decoder-types';

const PLAIN_WORD = /^[A-Za-z0-9_\-/]+$/;
const VERBATIM: Readonly<Record<keyof DecodedFields, readonly DecoderId[]>> = { topic: ['mqtt', 'stomp'], event: ['socket.io'], type: [] };
// Bytes as one char each: ASCII stays itself, every other byte becomes a non-ASCII char, so an ASCII word is found
// exactly where its bytes are.
const latin1 = new TextDecoder('latin1');

/** The frame's payload as text (binary: one char per byte); undefined when it is not readable. */
function rawText(entry: CaptureEntry): string | undefined {
  if (entry.payload === undefined) return undefined;
  if (!entry.binary) return entry.payload;
  const bytes = base64Bytes(entry.payload);
  return bytes && latin1.decode(bytes);
}

/**
 * A test that is false only for frames that cannot match `pattern` on `field` with `decoder`; undefined when no
 * such cheap test is exact (a regex, or a field the wire does not carry as is).
 */
export function rawTextPrecheck(field: keyof DecodedFields, pattern: string, decoder: DecoderId): ((entry: CaptureEntry) => boolean) | undefined {
  if (!PLAIN_WORD.test(pattern) || !VERBATIM[field].includes(decoder)) return undefined;
  // Some JSON encoders write `/` as `\/`: a Socket.IO event name with a slash is not carried verbatim.
  if (decoder === 'socket.io' && pattern.includes('/')) return undefined;
  const word = new RegExp(pattern, 'i');
  return (entry) => {
    const text = rawText(entry);
    return text === undefined || word.test(text);
  };
}
