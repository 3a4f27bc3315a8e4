// Chrome's filter-box rule: the text is tried as a case-insensitive regular expression; when it does not
// compile it is matched literally (case-insensitive), so "[" or "(" typed by a user still finds something.

/** A compiled filter text. */
export interface TextMatcher {
  /** 'regex' when the text compiled, 'literal' when it fell back, 'all' for empty text. */
  mode: 'regex' | 'literal' | 'all';
  /** Pure: the answer depends only on `text` (no 'g'/'y' state), so callers may memoize it. */
  test(text: string): boolean;
}

/** Compiles `text` by Chrome's rule (see the module comment). */
export function compileTextMatcher(text: string): TextMatcher {
  if (text === '') return { mode: 'all', test: () => true };
  let pattern: RegExp;
  try {
    pattern = new RegExp(text, 'i');
  } catch {
    return { mode: 'literal', test: literalTest(text.toLowerCase()) };
  }
  return { mode: 'regex', test: (candidate) => pattern.test(candidate) };
}

/** A case-insensitive plain-text test for `text` (Find's rule: never a regular expression). */
export function compileLiteralMatcher(text: string): (candidate: string) => boolean {
  return literalTest(text.toLowerCase());
}

/**
 * `candidate.toLowerCase().includes(needle)`, without lower-casing (allocating) every candidate: for an
 * ASCII needle the same answer comes from a case-insensitive RegExp of the escaped needle, which V8 scans
 * several times faster. Exact because only two non-ASCII characters lower-case to ASCII: the Kelvin
 * sign (→ "k") and "İ" (→ "i" + a combining dot, so it can only end a match); the RegExp admits them
 * there. Any other needle keeps the plain rule.
 */
function literalTest(needle: string): (candidate: string) => boolean {
  // eslint-disable-next-line no-control-regex -- the ASCII range itself
  if (!/^[\x00-\x7f]*$/.test(needle)) return (candidate) => candidate.toLowerCase().includes(needle);
  let source = '';
  for (let at = 0; at < needle.length; at += 1) {
    const char = needle[at] as string;
    if (char === 'k') source += '[k\\u212a]';
    else if (char === 'i' && at === needle.length - 1) source += '[i\\u0130]';
    else source += /[\\^$.*+?()[\]{}|/-]/.test(char) ? `\\${char}` : char;
  }
  const pattern = new RegExp(source, 'i');
  return (candidate) => pattern.test(candidate);
}
