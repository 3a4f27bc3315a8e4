// The words every match of a filter regex contains (docs/architecture.md#decoding-cost): what is read, and
// where nothing is claimed because a wrong word would hide matching frames.
import { describe, expect, it } from 'vitest';
import { keepWords, requirementTest, wordRequirement, type WordRequirement } from './required-words';

/** The words of a pattern without alternation (undefined when it has branches or is not read). */
function requiredWords(pattern: string): readonly string[] | undefined {
  const requirement = wordRequirement(pattern);
  return requirement && requirement.oneOf.length === 0 ? requirement.words : undefined;
}

const all = (...words: string[]): WordRequirement => ({ words, oneOf: [] });

describe('wordRequirement', () => {
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

  it('reads each branch of an alternation and of a group, and what a group requires outside it', () => {
    expect(wordRequirement('orders/(7|07)$')).toEqual({ words: ['orders/'], oneOf: [[all('7'), all('07')]] });
    expect(wordRequirement('chat|join')).toEqual({ words: [], oneOf: [[all('chat'), all('join')]] });
    expect(wordRequirement('(ab)c')).toEqual(all('ab', 'c'));
    expect(wordRequirement('x(?:a(b|cd)|e)y')).toEqual({ words: ['x', 'y'], oneOf: [[{ words: ['a'], oneOf: [[all('b'), all('cd')]] }, all('e')]] });
    expect(wordRequirement('(?<n>ab)')).toEqual(all('ab'));
  });

  it('requires nothing of an optional or quantified group, a lookaround, or an alternation with an empty branch', () => {
    expect(wordRequirement('(?:ab)?c')).toEqual(all('c'));
    expect(wordRequirement('(ab)+c')).toEqual(all('c'));
    expect(wordRequirement('ab(?=cd)(?<!x)')).toEqual(all('ab'));
    expect(wordRequirement('ab(|cd)')).toEqual(all('ab'));
    expect(wordRequirement('a|.*')).toEqual(all());
  });

  it('claims nothing for a pattern that does not compile or a group form it does not read', () => {
    for (const pattern of ['a[', 'ab)', '*a', '(ab', '(?i:ab)']) expect(wordRequirement(pattern), pattern).toBeUndefined();
  });

  it('drops refused words, and a branch list once one branch is left with none', () => {
    expect(keepWords(wordRequirement('room/(1|2)x') as WordRequirement, (word) => !word.includes('/'))).toEqual({ words: ['x'], oneOf: [[all('1'), all('2')]] });
    expect(keepWords(wordRequirement('a(b/|c)') as WordRequirement, (word) => !word.includes('/'))).toEqual(all('a'));
  });

  it('gives words that every string the regex matches contains', () => {
    const samples: [string, string[]][] = [
      ['alipay/.*/7$', ['alipay/orders/7', 'ALIPAY//7', 'x alipay/a/b/7']],
      ['al?ipay', ['aipay', 'ALIPAY']],
      ['a{2}b+c*d', ['aabd', 'aabbbcccd']],
      ['x\\d+y', ['x1y', 'X42Y']],
      ['orders/(7|07)$', ['alipay/orders/7', 'ORDERS/07']],
      ['^(chat|jo(in|ined))-(?:a|b)$', ['chat-a', 'JOINED-b', 'join-B']],
      ['x(?:a(b|cd)|e)y', ['xaby', 'XACDY', 'xey']],
      ['(ab)*c(?=d)', ['cd', 'ababcd']],
    ];
    for (const [pattern, matches] of samples) {
      const regex = new RegExp(pattern, 'i');
      const requirement = wordRequirement(pattern) as WordRequirement;
      for (const text of matches) {
        expect(regex.test(text), `${pattern} ${text}`).toBe(true);
        expect(requirementTest(requirement, (word) => (value: string) => value.toLowerCase().includes(word))(text), `${pattern} ${text}`).toBe(true);
      }
    }
  });

  it('tests a value against the requirement: every word, and one branch of each alternation', () => {
    const holds = (pattern: string, text: string) => requirementTest(wordRequirement(pattern) as WordRequirement, (word) => (value: string) => value.includes(word))(text);
    expect(holds('alipay/.*/7$', 'alipay/orders/7')).toBe(true);
    expect(holds('alipay/.*/7$', 'alipay/orders/8')).toBe(false);
    expect(holds('orders/(7|07)$', 'orders/07')).toBe(true);
    expect(holds('orders/(7|07)$', 'orders/8')).toBe(false);
    expect(holds('orders/(7|07)$', 'order 7')).toBe(false);
  });
});
