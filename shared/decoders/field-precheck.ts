// A cheap necessary condition for a decoded-field filter (docs/architecture.md#decoding-cost). Every match of the
// filter's pattern contains certain words (required-words.ts: `alipay/orders` itself, `alipay/` and `/7` in
// `^alipay/.*/7$`, `orders/` and `7` or `07` in `orders/(7|07)$`); when the decoder carries that field verbatim in
// the frame (MQTT topics, STOMP destinations, Socket.IO event names), a frame whose raw text lacks them cannot
// match: it is passed over undecoded.
import type { CaptureEntry } from '../capture';
import { transientBase64Bytes } from './base64-bytes';
import { base64WordFinder, type Base64WordVerdict } from './base64-words';
import type { DecodedFields, DecoderId } from './decoder-types';
import { keepWords, requirementTest, requiresNothing, wordRequirement, wordsOf } from './required-words';

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
 * such cheap test is exact (no required word, a pattern structure not read, a field the wire does not carry as is).
 */
export function rawTextPrecheck(field: keyof DecodedFields, pattern: string, decoder: DecoderId): ((entry: CaptureEntry) => boolean) | undefined {
  if (!VERBATIM[field].includes(decoder)) return undefined;
  // Some JSON encoders write `/` as `\/`: a Socket.IO event name's words with a slash are not carried verbatim.
  const read = wordRequirement(pattern);
  const requirement = read && keepWords(read, (word) => decoder !== 'socket.io' || !word.includes('/'));
  if (!requirement || requiresNothing(requirement)) return undefined;
  // Words are letters, digits, `_`, `-`, `/`: each is its own regex, found case-insensitively as the filter finds it.
  const words = wordsOf(requirement);
  const inText = requirementTest(requirement, (word) => {
    const regex = new RegExp(word, 'i');
    return (text: string) => regex.test(text);
  });
  const base64Finders = new Map(words.map((word) => [word, base64WordFinder(word)]));
  // Set when a word's scan met a character a decode reads outside the base64 alphabet: its runs then say nothing.
  let irregular = false;
  const inBase64 = requirementTest(requirement, (word) => {
    const find = base64Finders.get(word) as (text: string) => Base64WordVerdict;
    return (text: string) => {
      const verdict = find(text);
      if (verdict === 'irregular') irregular = true;
      return verdict !== 'absent';
    };
  });
  const inBytes = requirementTest(requirement, (word) => {
    const bytes = Uint8Array.from(word, (char) => char.charCodeAt(0));
    return (raw: { bytes: Uint8Array; length: number }) => bytesContainWord(raw.bytes, raw.length, bytes);
  });
  return (entry) => {
    if (entry.payload === undefined) return true;
    const { payload } = entry;
    if (!entry.binary) return inText(payload);
    // The base64 text is read as it is; only text the patterns are not exact for is decoded (docs/architecture.md#decoding-cost).
    // A word found absent was scanned to the end without such a character (text with any other one does not decode),
    // so a `false` is exact.
    irregular = false;
    if (!inBase64(payload)) return false;
    if (!irregular) return true;
    // Unreadable base64 passes: the decode reports it.
    const raw = transientBase64Bytes(payload);
    return raw === undefined || inBytes(raw);
  };
}
