// Chrome's filter-box rule: the text is tried as a case-insensitive regular expression; when it does not
// compile it is matched literally (case-insensitive), so "[" or "(" typed by a user still finds something.

/** A compiled filter text. */
export interface TextMatcher {
  /** 'regex' when the text compiled, 'literal' when it fell back, 'all' for empty text. */
  mode: 'regex' | 'literal' | 'all';
  test(text: string): boolean;
}

/** Compiles `text` by Chrome's rule (see the module comment). */
export function compileTextMatcher(text: string): TextMatcher {
  if (text === '') return { mode: 'all', test: () => true };
  try {
    const pattern = new RegExp(text, 'i');
    return { mode: 'regex', test: (candidate) => pattern.test(candidate) };
  } catch {
    const needle = text.toLowerCase();
    return { mode: 'literal', test: (candidate) => candidate.toLowerCase().includes(needle) };
  }
}
