// The words every match of a filter regex must contain (docs/architecture.md#decoding-cost), for the raw-text
// pre-check of decoded-field filters: `alipay/.*/7$` cannot match a field without "alipay/" and "/7". Only
// patterns whose structure is plain are read: alternation, groups and lookarounds (any `|`, `(` or `)`) give
// none. A word is a run of literal letters, digits, `_`, `-`, `/` (escaped or not) with no quantifier on any of
// them; anything else ends a run, which can only drop requirements, never add a wrong one.

const WORD_CHAR = /^[A-Za-z0-9_\-/]$/;
const ALNUM = /^[A-Za-z0-9]$/;
const QUANTIFIERS = new Set(['?', '*', '+', '{']);

/** Index of the `]` closing the class opened at `open`, or -1. */
function classEnd(pattern: string, open: number): number {
  for (let at = open + 1; at < pattern.length; at += 1) {
    if (pattern[at] === '\\') at += 1;
    else if (pattern[at] === ']' && at > open + 1) return at;
  }
  return -1;
}

/**
 * The words (lower-case) every match of `pattern`, as a case-insensitive regex, contains; undefined when the
 * pattern does not compile (the filter then matches it literally) or its structure is not plain.
 */
export function requiredWords(pattern: string): string[] | undefined {
  try {
    new RegExp(pattern, 'i');
  } catch {
    return undefined;
  }
  if (/[|()]/.test(pattern)) return undefined;
  const words: string[] = [];
  let run = '';
  const endRun = (): void => {
    if (run !== '') words.push(run.toLowerCase());
    run = '';
  };
  for (let at = 0; at < pattern.length; at += 1) {
    const char = pattern[at] as string;
    if (QUANTIFIERS.has(char)) {
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
  endRun();
  return words;
}
