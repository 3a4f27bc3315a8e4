// A cheap necessary condition for a decoded-field filter (docs/architecture.md#decoding-cost). When the filter's pattern is a
// plain word (letters, digits, `_`, `-`, `/`: as a case-insensitive regex it means "contains this word"), maybe
// anchored (`^word`, `word$`, `^word$`: the field starts with, ends with or is the word, so contains it), and the
// decoder carries that field verbatim in the frame (MQTT topics, STOMP destinations, Socket.IO event names), a
// frame whose raw text does not contain the word cannot match: it is passed over without being decoded.
import type { CaptureEntry } from '../capture';
import { transientBase64Bytes } from './base64-bytes';
import type { DecodedFields, DecoderId } from './decoder-types';

/** A plain word, maybe anchored at either end; group 1 is the word. */
const PLAIN_WORD = /^\^?([A-Za-z0-9_\-/]+)\$?$/;
const VERBATIM: Readonly<Record<keyof DecodedFields, readonly DecoderId[]>> = { topic: ['mqtt', 'stomp'], event: ['socket.io'], type: [] };
const ASCII_A = 0x41;
const ASCII_Z = 0x5a;
const TO_LOWER = 0x20;

/**
 * Whether `bytes[0, length)` hold `word` (lower-case ASCII) with ASCII letters in any case: what a case-insensitive
 * regex finds in the bytes read one char per byte (a byte over 0x7f is never an ASCII letter, in any case). Scanning
 * the bytes spares a string and a regex per frame.
 */
export function bytesContainWord(bytes: Uint8Array, length: number, word: Uint8Array): boolean {
  const last = length - word.length;
  for (let start = 0; start <= last; start += 1) {
    let at = 0;
    while (at < word.length) {
      const byte = bytes[start + at] as number;
      if ((byte >= ASCII_A && byte <= ASCII_Z ? byte | TO_LOWER : byte) !== word[at]) break;
      at += 1;
    }
    if (at === word.length) return true;
  }
  return false;
}

/**
 * A test that is false only for frames that cannot match `pattern` on `field` with `decoder`; undefined when no
 * such cheap test is exact (a regex, or a field the wire does not carry as is).
 */
export function rawTextPrecheck(field: keyof DecodedFields, pattern: string, decoder: DecoderId): ((entry: CaptureEntry) => boolean) | undefined {
  const plain = PLAIN_WORD.exec(pattern)?.[1];
  if (plain === undefined || !VERBATIM[field].includes(decoder)) return undefined;
  // Some JSON encoders write `/` as `\/`: a Socket.IO event name with a slash is not carried verbatim.
  if (decoder === 'socket.io' && plain.includes('/')) return undefined;
  const word = new RegExp(plain, 'i');
  const wordBytes = Uint8Array.from(plain.toLowerCase(), (char) => char.charCodeAt(0));
  return (entry) => {
    if (entry.payload === undefined) return true;
    if (!entry.binary) return word.test(entry.payload);
    // Unreadable base64 passes: the decode reports it.
    const raw = transientBase64Bytes(entry.payload);
    return raw === undefined || bytesContainWord(raw.bytes, raw.length, wordBytes);
  };
}
