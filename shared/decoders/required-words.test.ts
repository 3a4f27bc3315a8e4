// The words every match of a filter regex contains (docs/architecture.md#decoding-cost): what is read, and
// where nothing is claimed because a wrong word would hide matching frames.
import { describe, expect, it } from 'vitest';
import { requiredWords } from './required-words';

describe('requiredWords', () => {
  it('reads literal runs, lower-cased, and leaves out what a quantifier makes optional', () => {
    expect(requiredWords('alipay/orders')).toEqual(['alipay/orders']);
    expect(requiredWords('^Alipay/Orders/7$')).toEqual(['alipay/orders/7']);
    expect(requiredWords('alipay/.*/7$')).toEqual(['alipay/', '/7']);
    expect(requiredWords('al?ipay')).toEqual(['a', 'ipay']);
    expect(requiredWords('a{2}b+c*d')).toEqual(['d']);
    expect(requiredWords('orders\\/7')).toEqual(['orders/7']);
    expect(requiredWords('[ab]cd[^]ef')).toEqual(['cd', 'ef']);
    expect(requiredWords('é/orders')).toEqual(['/orders']);
  });

  it('never takes the letters or digits of an escape for literal text', () => {
    expect(requiredWords('x\\d+y')).toEqual(['x', 'y']);
    expect(requiredWords('\\x41bc')).toEqual([]);
    expect(requiredWords('\\u0041bc')).toEqual([]);
    expect(requiredWords('\\cJab')).toEqual([]);
    expect(requiredWords('a\\.b')).toEqual(['a', 'b']);
    expect(requiredWords('\\bchat\\b')).toEqual([]);
  });

  it('claims nothing for alternation, groups and lookarounds, or a pattern that does not compile', () => {
    for (const pattern of ['a|b', '(ab)c', 'ab(?=c)', '(?:ab)?c', 'a[', 'ab)', '*a']) expect(requiredWords(pattern), pattern).toBeUndefined();
  });

  it('gives words that every string the regex matches contains', () => {
    const samples: [string, string[]][] = [
      ['alipay/.*/7$', ['alipay/orders/7', 'ALIPAY//7', 'x alipay/a/b/7']],
      ['al?ipay', ['aipay', 'ALIPAY']],
      ['a{2}b+c*d', ['aabd', 'aabbbcccd']],
      ['x\\d+y', ['x1y', 'X42Y']],
    ];
    for (const [pattern, matches] of samples) {
      const regex = new RegExp(pattern, 'i');
      for (const text of matches) {
        expect(regex.test(text), `${pattern} ${text}`).toBe(true);
        for (const word of requiredWords(pattern) ?? []) expect(text.toLowerCase(), `${pattern} ${word}`).toContain(word);
      }
    }
  });
});
