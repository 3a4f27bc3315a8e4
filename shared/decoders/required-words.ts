// The words every match of a filter regex must contain (docs/architecture.md#decoding-cost), for the raw-text
// pre-check of decoded-field filters: `alipay/.*/7$` cannot match a field without "alipay/" and "/7", and
// `orders/(7|07)$` not one without "orders/" and either "7" or "07". A word is a run of literal letters, digits,
// `_`, `-`, `/` (escaped or not) with no quantifier on any of them; anything else ends a run, which can only drop
// requirements, never add a wrong one. Alternation splits a pattern or a group into branches, each with words of
// its own; a quantified group, a lookaround and a branch with no word require nothing.

/** Words that must all be there, and lists of branches of which at least one must hold. */
export interface WordRequirement {
  readonly words: readonly string[];
  readonly oneOf: readonly (readonly WordRequirement[])[];
}

const WORD_CHAR = /^[A-Za-z0-9_\-/]$/;
const ALNUM = /^[A-Za-z0-9]$/;
const QUANTIFIERS = new Set(['?', '*', '+', '{']);
const LOOKAROUNDS = ['(?=', '(?!', '(?<=', '(?<!'];

/** Index of the `]` closing the class opened at `open`, or -1. */
function classEnd(pattern: string, open: number): number {
  for (let at = open + 1; at < pattern.length; at += 1) {
    if (pattern[at] === '\\') at += 1;
    else if (pattern[at] === ']' && at > open + 1) return at;
  }
  return -1;
}

/** Where a group's own pattern starts (after `(`, `(?:`, `(?<name>` or a lookaround's opening), or -1 for a form not read (modifiers). */
function groupBodyStart(pattern: string, open: number): number {
  const lookaround = LOOKAROUNDS.find((opening) => pattern.startsWith(opening, open));
  if (lookaround) return open + lookaround.length;
  if (pattern.startsWith('(?:', open)) return open + 3;
  if (pattern.startsWith('(?<', open)) return pattern.indexOf('>', open) + 1;
  return pattern[open + 1] === '?' ? -1 : open + 1;
}

function isEmpty(requirement: WordRequirement): boolean {
  return requirement.words.length === 0 && requirement.oneOf.length === 0;
}

/** Branches as a requirement: nothing when one branch requires nothing. */
function alternation(branches: WordRequirement[]): WordRequirement {
  if (branches.length === 1) return branches[0] as WordRequirement;
  return branches.some(isEmpty) ? { words: [], oneOf: [] } : { words: [], oneOf: [branches] };
}

/** Reads `pattern` from `start` to the `)` closing the current group (or the end); returns the requirement and where it stopped. */
function readAlternation(pattern: string, start: number): { requirement: WordRequirement; end: number } | undefined {
  const branches: WordRequirement[] = [];
  let words: string[] = [];
  let oneOf: (readonly WordRequirement[])[] = [];
  let run = '';
  const endRun = (): void => {
    if (run !== '') words.push(run.toLowerCase());
    run = '';
  };
  const endBranch = (): void => {
    endRun();
    branches.push({ words, oneOf });
    words = [];
    oneOf = [];
  };
  let at = start;
  for (; at < pattern.length; at += 1) {
    const char = pattern[at] as string;
    if (char === ')') break;
    if (char === '|') endBranch();
    else if (char === '(') {
      endRun();
      const lookaround = LOOKAROUNDS.some((opening) => pattern.startsWith(opening, at));
      const bodyStart = groupBodyStart(pattern, at);
      const inner = bodyStart < 0 ? undefined : readAlternation(pattern, bodyStart);
      if (!inner || pattern[inner.end] !== ')') return undefined;
      at = inner.end;
      // A quantified group may be absent; a lookaround's text is not part of the match.
      if (!lookaround && !QUANTIFIERS.has(pattern[at + 1] ?? '')) {
        words.push(...inner.requirement.words);
        oneOf.push(...inner.requirement.oneOf);
      }
    } else if (QUANTIFIERS.has(char)) {
      // The quantified atom (the run's last char, if it was one) may be absent or repeated.
      run = run.slice(0, -1);
      endRun();
      if (char === '{') at = Math.max(at, pattern.indexOf('}', at));
    } else if (char === '\\') {
      const escaped = pattern[at + 1] ?? '';
      at += 1;
      if (escaped === '/' || escaped === '-' || escaped === '_') run += escaped;
      else {
        endRun();
        // `\d`, `\b`, `\x41`, `\u0041`, `\cJ`, `\01`…: the letters and digits after the backslash are the escape's.
        while (ALNUM.test(escaped) && ALNUM.test(pattern[at + 1] ?? '')) at += 1;
      }
    } else if (char === '[') {
      endRun();
      const end = classEnd(pattern, at);
      if (end < 0) return undefined;
      at = end;
    } else if (WORD_CHAR.test(char)) run += char;
    else endRun();
  }
  endBranch();
  return { requirement: alternation(branches), end: at };
}

/**
 * What every match of `pattern`, as a case-insensitive regex, contains (words lower-case); undefined when the
 * pattern does not compile (the filter then matches it literally) or its groups are not read.
 */
export function wordRequirement(pattern: string): WordRequirement | undefined {
  try {
    new RegExp(pattern, 'i');
  } catch {
    return undefined;
  }
  const read = readAlternation(pattern, 0);
  return read && read.end >= pattern.length ? read.requirement : undefined;
}

/** The requirement without the words `keep` refuses (a refused word is no longer required). */
export function keepWords(requirement: WordRequirement, keep: (word: string) => boolean): WordRequirement {
  const oneOf = requirement.oneOf.map((branches) => branches.map((branch) => keepWords(branch, keep)));
  return { words: requirement.words.filter(keep), oneOf: oneOf.filter((branches) => !branches.some(isEmpty)) };
}

/** Whether the requirement asks for nothing (no cheap test exists). */
export function requiresNothing(requirement: WordRequirement): boolean {
  return isEmpty(requirement);
}

/** Every word the requirement names (each once). */
export function wordsOf(requirement: WordRequirement): string[] {
  const words = new Set(requirement.words);
  for (const branches of requirement.oneOf) for (const branch of branches) for (const word of wordsOf(branch)) words.add(word);
  return [...words];
}

/**
 * The requirement as one test of a value, `testOf(word)` telling whether a value holds a word. Built once per
 * filter: a test runs per frame under a live filter, so it makes no closure or array per call
 * (docs/architecture.md#decoding-cost).
 */
export function requirementTest<T>(requirement: WordRequirement, testOf: (word: string) => (value: T) => boolean): (value: T) => boolean {
  const all = requirement.words.map(testOf);
  const oneOf = requirement.oneOf.map((branches) => branches.map((branch) => requirementTest(branch, testOf)));
  return (value) => {
    for (const holds of all) if (!holds(value)) return false;
    for (const branches of oneOf) {
      let met = false;
      for (const branch of branches) {
        if (branch(value)) {
          met = true;
          break;
        }
      }
      if (!met) return false;
    }
    return true;
  };
}
