// What text every entry the panel's filter finds must hold, as bytes of the session file: one of a few
// fragments, each a run of characters whose case variants are known exactly, that a match needs in one
// searched field (docs/architecture.md#whole-session-filter). The whole-session
// filter looks for them in the file before it decodes a record.
import { wordRequirement, type WordRequirement } from '../../../shared/decoders/required-words';
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

/** The characters with a meaning of their own in a pattern (ECMAScript's SyntaxCharacter). */
const REGEX_SYNTAX = /[\\^$.*+?()[\]{}|]/;

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

/**
 * Fragments of which a match holds at least one, from the words the pattern requires
 * (shared/decoders/required-words.ts, the decoded-field filters' pre-check): its longest word, else one
 * word per branch of its first alternation; [] when a branch requires nothing.
 */
function anyOf(requirement: WordRequirement): string[] {
  const longest = requirement.words.reduce((best, word) => (word.length > best.length ? word : best), '');
  if (longest !== '') return [longest];
  const branches = requirement.oneOf[0];
  if (branches === undefined) return [];
  const fragments = branches.map(anyOf);
  return fragments.some((branch) => branch.length === 0) ? [] : fragments.flat();
}

/**
 * Fragments (ASCII letters in any case) of which every match of the filter `text`, compiled to `mode`,
 * holds at least one in one searched field; [] when nothing is known to be required (then every record is
 * decoded).
 */
export function requiredFragments(text: string, mode: TextMatcher['mode']): string[] {
  if (mode === 'all') return [];
  if (mode === 'literal') {
    const run = longestExactRun(literalCodes(text.toLowerCase()));
    return run === '' ? [] : [run];
  }
  if (!REGEX_SYNTAX.test(text)) {
    // Every character matches itself (ASCII letters in either case): the text's own longest exact run,
    // CJK words included (the required words are ASCII only).
    const run = longestExactRun(Array.from({ length: text.length }, (_, at) => text.charCodeAt(at)));
    return run === '' ? [] : [run];
  }
  const requirement = wordRequirement(text);
  return requirement === undefined ? [] : anyOf(requirement);
}
