// A word's bytes looked for in the base64 text of a binary frame, without decoding it (docs/architecture.md#decoding-cost).
// Base64 writes 3 bytes as 4 characters of 6 bits each, so a word starting at byte offset 0, 1 or 2 of a 3-byte
// group shows as one of three character runs. Where a character's bits come partly from the bytes around the word,
// or from an ASCII letter's case bit (0x20: each letter byte's case bit lands in exactly one character), it is a
// class of the characters those bits allow. A frame that contains the word, in any ASCII case, contains one of
// the three runs: the pattern is a necessary condition, exact for text in the standard alphabet only.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ANY_BYTE = Array.from({ length: 256 }, (_, byte) => byte);
const ASCII_CASE_BIT = 0x20;

/** A character outside the standard alphabet and its padding: the text may still decode (whitespace, URL-safe), so the patterns are not exact. */
export const OUTSIDE_BASE64_ALPHABET = /[^A-Za-z0-9+/=]/;

/** The 6-bit value of character `char` (0–3) of a group, from the group's 3 bytes. */
function sextet(char: number, b0: number, b1: number, b2: number): number {
  if (char === 0) return b0 >> 2;
  if (char === 1) return ((b0 & 0x03) << 4) | (b1 >> 4);
  if (char === 2) return ((b1 & 0x0f) << 2) | (b2 >> 6);
  return b2 & 0x3f;
}

/** The bytes each character of a group reads. */
const SOURCES: readonly (readonly number[])[] = [[0], [0, 1], [1, 2], [2]];

function escaped(char: string): string {
  return char === '+' || char === '/' ? `\\${char}` : char;
}

/** `values` (6-bit) as a regex atom: one character or a class. */
function atom(values: ReadonlySet<number>): string {
  const chars = [...values].sort((a, b) => a - b).map((value) => escaped(ALPHABET[value] as string));
  return chars.length === 1 ? (chars[0] as string) : `[${chars.join('')}]`;
}

/** The character run of `word` (lower-case ASCII) starting at byte `offset` (0–2) of a group. */
function alignedRun(word: Uint8Array, offset: number): string {
  const end = offset + word.length;
  const inWord = (at: number | undefined): boolean => at !== undefined && at >= offset && at < end;
  const choicesAt = (at: number): readonly number[] => {
    if (!inWord(at)) return ANY_BYTE;
    const byte = word[at - offset] as number;
    return byte >= 0x61 && byte <= 0x7a ? [byte, byte ^ ASCII_CASE_BIT] : [byte];
  };
  const atoms: string[] = [];
  for (let group = 0; group * 3 < end; group += 1) {
    for (let char = 0; char < 4; char += 1) {
      const [first, second] = (SOURCES[char] as readonly number[]).map((at) => group * 3 + at) as [number, number | undefined];
      // A character none of whose bits come from the word, before or after it, says nothing: skipped without
      // enumerating its 256 or 65 536 byte combinations (that made a filter's first test of a connection take 20–190 ms).
      if (!inWord(first) && !inWord(second)) continue;
      const values = new Set<number>();
      for (const a of choicesAt(first)) {
        for (const b of second === undefined ? [0] : choicesAt(second)) {
          const bytes = [0, 0, 0];
          bytes[first - group * 3] = a;
          if (second !== undefined) bytes[second - group * 3] = b;
          values.add(sextet(char, bytes[0] as number, bytes[1] as number, bytes[2] as number));
        }
      }
      // A character the word has no bits in, before or after it, says nothing.
      if (values.size < 64) atoms.push(atom(values));
    }
  }
  return atoms.join('');
}

/** A regex that the base64 text (standard alphabet) of any bytes holding `word` (lower-case ASCII, any case in the bytes) matches. */
export function base64WordPattern(word: string): RegExp {
  const bytes = Uint8Array.from(word, (char) => char.charCodeAt(0));
  return new RegExp([0, 1, 2].map((offset) => alignedRun(bytes, offset)).join('|'));
}
