// Finds where a binary payload's base64, as written in the session file, may decode to bytes holding one of
// the filter's fragments (filter-fragment.ts), without decoding anything: a fragment starting at byte
// offset 3q + r of the decoded bytes fixes the base64 characters whose 6 bits all come from its bytes, so
// each fragment gives three sequences of characters (r = 0, 1, 2), searched by one RegExp over the chunk
// read as latin1 (fragment-finder.ts). ASCII letters may be either case: a character then is any of the
// values its bytes' cases give (a superset: a hit is only a record worth decoding), and its URL-safe twin.
// The forms are contiguous only in a payload of base64 characters alone (isPlainBase64): whitespace, which
// the panel skips, could split one, and allowing it between characters made the search ~8× slower
// (docs/architecture.md#whole-session-filter).
import { latin1PatternFinder, type FragmentFinder } from './fragment-finder';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL_SAFE: Readonly<Record<number, string>> = { 62: '-', 63: '_' };
/** The byte's forms: both cases for an ASCII letter. */
function byteForms(byte: number): number[] {
  const lower = byte | 0x20;
  return lower >= 0x61 && lower <= 0x7a ? [lower & ~0x20, lower] : [byte];
}

function bitOf(byte: number, bitInByte: number): number {
  return (byte >> (7 - bitInByte)) & 1;
}

/** The character class of the 6 bits at `bit` (relative to the fragment's first byte), which lie inside it. */
function sextetClass(forms: readonly number[][], bit: number): string {
  const first = Math.floor(bit / 8);
  const last = Math.floor((bit + 5) / 8);
  const values = new Set<number>();
  for (const a of forms[first] as number[]) {
    for (const b of forms[last] as number[]) {
      let value = 0;
      for (let at = bit; at < bit + 6; at += 1) value = (value << 1) | bitOf(Math.floor(at / 8) === first ? a : b, at % 8);
      values.add(value);
    }
  }
  const chars = [...values].flatMap((value) => [ALPHABET[value] as string, URL_SAFE[value] ?? '']).join('');
  // A lone character as itself: V8 then searches the sequence by its literal characters, several times faster.
  return chars.length === 1 ? chars.replace(/[+/]/, '\\$&') : `[${chars.replace(/[-\\\]^/]/g, '\\$&')}]`;
}

/** The classes of the base64 characters a fragment starting at byte `r` of a 3-byte group fixes. */
function formAt(fragment: Buffer, r: number): string[] {
  const forms = Array.from(fragment, byteForms);
  const classes: string[] = [];
  // Sextets start at multiples of 6 bits from the group's start, 8r bits before the fragment.
  for (let start = Math.ceil((8 * r) / 6) * 6 - 8 * r; start + 6 <= 8 * fragment.length; start += 6) classes.push(sextetClass(forms, start));
  return classes;
}

/** Sequences shorter than this match too much random base64 to spare any decoding. */
const MIN_FORM_CHARS = 3;

/** Base64 characters (standard or URL-safe) and "=", from lastIndex on. */
const PLAIN_RUN = /[A-Za-z0-9+/=_-]*/y;

export interface Base64FormFinder extends FragmentFinder {
  /**
   * True when the loaded bytes [from, end) are base64 characters and "=" only. In such a payload that the
   * panel decodes ("=" only at its end), a decoded byte's 6-bit groups are consecutive characters.
   */
  isPlain(from: number, end: number): boolean;
}

/** A finder of the fragments' base64 forms, or undefined when a fragment is too short to have them. */
export function base64FormFinder(fragments: readonly string[]): Base64FormFinder | undefined {
  const forms = fragments.flatMap((fragment) => [0, 1, 2].map((r) => formAt(Buffer.from(fragment, 'utf8'), r)));
  if (forms.some((form) => form.length < MIN_FORM_CHARS)) return undefined;
  // Fewest characters first: at one offset the alternation then takes the shortest (FragmentScreen's rule).
  forms.sort((a, b) => a.length - b.length);
  const search = latin1PatternFinder(new RegExp(forms.map((form) => form.join('')).join('|'), 'g'));
  return Object.assign(search, {
    isPlain(from: number, end: number) {
      PLAIN_RUN.lastIndex = from;
      PLAIN_RUN.test(search.text);
      return PLAIN_RUN.lastIndex >= end;
    },
  });
}
