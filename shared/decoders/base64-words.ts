// A word's bytes looked for in the base64 text of a binary frame, without decoding it (docs/architecture.md#decoding-cost).
// Base64 writes 3 bytes as 4 characters of 6 bits each, so a word starting at byte offset 0, 1 or 2 of a 3-byte
// group shows as one of three character runs. Where a character's bits come partly from the bytes around the word,
// or from an ASCII letter's case bit (0x20: each letter byte's case bit lands in exactly one character), it is a
// class of the characters those bits allow. A frame that contains the word, in any ASCII case, contains one of
// the three runs: the pattern is a necessary condition, exact for text in the standard alphabet only.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ASCII_CASE_BIT = 0x20;
const ALL_BITS = 0x3f;

/**
 * The characters outside the standard alphabet that a decode here may still read (base64-bytes.ts): ASCII
 * whitespace, which `Uint8Array.fromBase64` (the panel) skips; `-` `_`, which Node's `Buffer` reads as the URL-safe
 * alphabet, and characters beyond Latin-1, which it reads by their low byte. In text holding one the runs are not
 * exact; text with any other character outside the alphabet does not decode at all, so it matches no filter
 * whatever the runs say. This class is scanned about 5 times faster than the alphabet's complement, and its
 * range beyond Latin-1 costs nothing on the one-byte strings payloads are (docs/architecture.md#decoding-cost).
 */
export const DECODED_OUTSIDE_ALPHABET = /[\t\n\v\f\r _\-\u0100-\uffff]/;

/** The 6-bit value of character `char` (0–3) of a group, from the group's 3 bytes. */
function sextet(char: number, b0: number, b1: number, b2: number): number {
  if (char === 0) return b0 >> 2;
  if (char === 1) return ((b0 & 0x03) << 4) | (b1 >> 4);
  if (char === 2) return ((b1 & 0x0f) << 2) | (b2 >> 6);
  return b2 & 0x3f;
}

/** One character of a run: the bits the word fixes (`mask`) and their values; the other bits may be anything. */
interface RunChar {
  mask: number;
  value: number;
}

function escaped(char: string): string {
  return char === '+' || char === '/' ? `\\${char}` : char;
}

/** A run character as a regex atom: one character or a class (in the alphabet's order). */
function atom({ mask, value }: RunChar): string {
  const chars: string[] = [];
  for (let sixBits = 0; sixBits < 64; sixBits += 1) if ((sixBits & mask) === value) chars.push(escaped(ALPHABET[sixBits] as string));
  return chars.length === 1 ? (chars[0] as string) : `[${chars.join('')}]`;
}

/**
 * The characters of `word` (lower-case ASCII) starting at byte `offset` (0–2) of a group. A byte of the word fixes
 * all its bits but a letter's case bit; a byte around it fixes none, and a character it fixes no bit of says nothing.
 */
function alignedRun(word: Uint8Array, offset: number): RunChar[] {
  const end = offset + word.length;
  const fixedBits = (at: number): number => {
    if (at < offset || at >= end) return 0;
    const byte = word[at - offset] as number;
    return byte >= 0x61 && byte <= 0x7a ? 0xff & ~ASCII_CASE_BIT : 0xff;
  };
  const fixedValue = (at: number): number => (at < offset || at >= end ? 0 : (word[at - offset] as number) & fixedBits(at));
  const run: RunChar[] = [];
  for (let group = 0; group * 3 < end; group += 1) {
    const at = group * 3;
    for (let char = 0; char < 4; char += 1) {
      const mask = sextet(char, fixedBits(at), fixedBits(at + 1), fixedBits(at + 2));
      if (mask !== 0) run.push({ mask, value: sextet(char, fixedValue(at), fixedValue(at + 1), fixedValue(at + 2)) });
    }
  }
  return run;
}

function alignedRuns(word: string): RunChar[][] {
  const bytes = Uint8Array.from(word, (char) => char.charCodeAt(0));
  return [0, 1, 2].map((offset) => alignedRun(bytes, offset));
}

/** A regex that the base64 text (standard alphabet) of any bytes holding `word` (lower-case ASCII, any case in the bytes) matches. */
export function base64WordPattern(word: string): RegExp {
  return new RegExp(alignedRuns(word).map((run) => run.map(atom).join('')).join('|'));
}

/**
 * What base64 text says about a word: `found` (one of its runs is there: the bytes may hold it), `absent` (no run
 * and nothing that decodes outside the standard alphabet: they cannot), `irregular` (such a character came first:
 * the runs say nothing, decode it).
 */
export type Base64WordVerdict = 'found' | 'absent' | 'irregular';

/** A run's longest stretch of characters the word fixes wholly, as plain text, and where it starts in the run. */
interface RunCore {
  core: string;
  start: number;
  /** The whole run, tried only where its core was found. */
  run: RegExp;
}

/** Cores shorter than this are found in too much base64 to spare the regex anything. */
const MIN_CORE_CHARS = 2;

function coreOf(run: readonly RunChar[]): RunCore {
  let best = { start: 0, length: 0 };
  for (let start = 0; start < run.length; start += 1) {
    let length = 0;
    while (run[start + length]?.mask === ALL_BITS) length += 1;
    if (length > best.length) best = { start, length };
  }
  const core = run.slice(best.start, best.start + best.length).map(({ value }) => ALPHABET[value] as string).join('');
  return { core, start: best.start, run: new RegExp(run.map(atom).join(''), 'y') };
}

/**
 * A test of base64 text for `word` (lower-case ASCII), with the same answer as `base64WordPattern` on text in the
 * standard alphabet. Most of a run's characters are fixed by the word alone (the case bit and the bytes around it
 * make classes of the rest), so each run's longest fixed stretch is searched as plain text, together with the
 * characters a decode reads outside the alphabet, in one scan; the run's regex is tried only where its core is. A
 * word whose runs have no such stretch is searched with the pattern, and the text checked for those characters after.
 */
export function base64WordFinder(word: string): (text: string) => Base64WordVerdict {
  const cores = alignedRuns(word).map(coreOf);
  if (cores.some(({ core }) => core.length < MIN_CORE_CHARS)) {
    const pattern = base64WordPattern(word);
    return (text) => (pattern.test(text) ? 'found' : DECODED_OUTSIDE_ALPHABET.test(text) ? 'irregular' : 'absent');
  }
  const scan = new RegExp(`${cores.map(({ core }) => core.replace(/[+/]/g, '\\$&')).join('|')}|${DECODED_OUTSIDE_ALPHABET.source}`, 'g');
  return (text) => {
    scan.lastIndex = 0;
    for (let hit = scan.exec(text); hit !== null; hit = scan.exec(text)) {
      const at = hit.index;
      let aCore = false;
      for (const { core, start, run } of cores) {
        if (!text.startsWith(core, at)) continue;
        aCore = true;
        run.lastIndex = at - start;
        if (at >= start && run.test(text)) return 'found';
      }
      if (!aCore) return 'irregular';
      scan.lastIndex = at + 1;
    }
    return 'absent';
  };
}
