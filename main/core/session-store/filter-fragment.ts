// What text every entry the panel's filter finds must hold, as bytes of the session file: the longest
// run of characters that a match needs in one searched field, taken only from characters whose case
// variants are known exactly (docs/session-storage.md#the-whole-session-filter-reads-bytes-first-s22).
// The whole-session filter then looks for these bytes in the file before it decodes a record.
import { RegExpParser } from '@eslint-community/regexpp';
import type { Alternative, Character, Element } from '@eslint-community/regexpp/ast';
import type { TextMatcher } from '../../../shared/text-matcher';

/**
 * Characters matched byte for byte (ASCII letters in either case): printable ASCII, whose only other
 * form under the regex's case-insensitive rule is the other ASCII case, and CJK punctuation, kana,
 * ideographs and Hangul syllables, which have no case at all (filter-fragment.test.ts checks both
 * claims over every code point). The literal rule lower-cases the candidate, where the Kelvin sign
 * becomes "k" and "İ" becomes "i" and a combining dot: see literalCodes.
 */
const EXACT_RANGES: readonly (readonly [number, number])[] = [
  [0x3000, 0x30ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7a3],
];

export function isExactCharacter(code: number): boolean {
  return (code >= 0x20 && code < 0x7f) || EXACT_RANGES.some(([first, last]) => code >= first && code <= last);
}

const LOWER_K = 0x6b;
const LOWER_I = 0x69;

/**
 * The literal needle's characters, with "k" (the Kelvin sign could stand there) and an "i" that is not
 * followed by another printable ASCII character ("İ" could stand there) marked as ending a run.
 */
function literalCodes(needle: string): (number | undefined)[] {
  return Array.from({ length: needle.length }, (_, at) => {
    const code = needle.charCodeAt(at);
    const next = needle.charCodeAt(at + 1); // NaN past the end
    if (code === LOWER_K || (code === LOWER_I && !(next >= 0x20 && next < 0x7f))) return undefined;
    return code;
  });
}

/** The longest run of exact characters ('' when there is none). */
function longestExactRun(codes: readonly (number | undefined)[]): string {
  let best = '';
  let run = '';
  for (const code of codes) {
    if (code !== undefined && isExactCharacter(code)) {
      run += String.fromCharCode(code);
      if (run.length > best.length) best = run;
    } else run = '';
  }
  return best;
}

/** Characters written as themselves or as an escaped syntax character: read the same by every regex parser. */
const PLAIN_ESCAPES = '^$\\.*+?()[]|/';

function plainCharacter(node: Character): number | undefined {
  const char = String.fromCharCode(node.value);
  if (node.value > 0xffff || '{}]'.includes(char)) return undefined;
  if (node.raw === char && char !== '\\') return node.value;
  return node.raw.length === 2 && node.raw[0] === '\\' && PLAIN_ESCAPES.includes(char) && node.raw[1] === char ? node.value : undefined;
}

/** The characters one alternative must match in a row; undefined marks anything else (it ends a run). */
function sequenceOf(alternative: Alternative): (number | undefined)[] {
  const codes: (number | undefined)[] = [];
  const add = (element: Element): void => {
    if (element.type === 'Character') codes.push(plainCharacter(element));
    else if ((element.type === 'Group' || element.type === 'CapturingGroup') && element.alternatives.length === 1) {
      // An unquantified group of one alternative is its characters in place.
      for (const inner of (element.alternatives[0] as Alternative).elements) add(inner);
    } else codes.push(undefined);
  };
  for (const element of alternative.elements) add(element);
  return codes;
}

/** What a regex-mode pattern requires: its one top-level alternative's longest exact run. */
function regexFragment(source: string): string {
  let alternatives: Alternative[];
  try {
    alternatives = new RegExpParser({ strict: false }).parsePattern(source, 0, source.length, { unicode: false }).alternatives;
  } catch {
    return ''; // a pattern the parser does not know (newer syntax): no fragment, every record is decoded
  }
  return alternatives.length === 1 ? longestExactRun(sequenceOf(alternatives[0] as Alternative)) : '';
}

/**
 * The text every match of the filter `text` (compiled to `mode`) holds in one searched field, ASCII
 * letters in any case; '' when nothing is known to be required (then every record is decoded).
 */
export function requiredFragment(text: string, mode: TextMatcher['mode']): string {
  if (mode === 'all') return '';
  if (mode === 'literal') return longestExactRun(literalCodes(text.toLowerCase()));
  return regexFragment(text);
}
