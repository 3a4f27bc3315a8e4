// The fragment a filter requires, and the case facts it rests on, checked over every code point.
import { describe, expect, it } from 'vitest';
import { isExactCharacter, requiredFragment } from './filter-fragment';

function eachCodePoint(visit: (char: string, code: number) => void): void {
  for (let code = 0; code <= 0x10ffff; code += 1) if (code < 0xd800 || code > 0xdfff) visit(String.fromCodePoint(code), code);
}

describe('required fragment', () => {
  it('takes the longest run of plain characters of a regex with one alternative, groups of one alternative inlined', () => {
    expect(requiredFragment('^\\d*0000:', 'regex')).toBe('0000:');
    expect(requiredFragment('hello', 'regex')).toBe('hello');
    expect(requiredFragment('(abc)d(?:ef)', 'regex')).toBe('abcdef');
    expect(requiredFragment('a\\.b\\(c', 'regex')).toBe('a.b(c');
    expect(requiredFragment('xy{2}zz', 'regex')).toBe('zz');
    expect(requiredFragment('\\u0041BC', 'regex')).toBe('BC');
    expect(requiredFragment('kik', 'regex')).toBe('kik');
    expect(requiredFragment('支付宝.', 'regex')).toBe('支付宝');
  });

  it('requires nothing where a match may avoid every character: alternatives, classes, quantifiers, cased non-ASCII', () => {
    expect(requiredFragment('ab|cd', 'regex')).toBe('');
    expect(requiredFragment('(ab|cd)', 'regex')).toBe('');
    expect(requiredFragment('[ab]\\d+.', 'regex')).toBe('');
    expect(requiredFragment('(?:ab)?c', 'regex')).toBe('c');
    expect(requiredFragment('éé', 'regex')).toBe('');
    expect(requiredFragment('', 'all')).toBe('');
  });

  it('leaves out "k" and an "i" not followed by ASCII from a literal (the Kelvin sign and "İ" lower-case to them)', () => {
    expect(requiredFragment('Kilo(', 'literal')).toBe('ilo(');
    expect(requiredFragment('wifi(', 'literal')).toBe('wifi(');
    expect(requiredFragment('(wifi', 'literal')).toBe('(wif');
    expect(requiredFragment('[支付 ok', 'literal')).toBe('[支付 o');
  });

  it('rests on facts true of every code point', () => {
    const asciiUnderRegexCase: number[] = [];
    const lowerToAscii: number[] = [];
    const intoExactRanges: number[] = [];
    const casedExact: number[] = [];
    const anyPrintableAscii = /[\x20-\x7e]/i;
    eachCodePoint((char, code) => {
      if (code >= 0x80 && anyPrintableAscii.test(char)) asciiUnderRegexCase.push(code);
      if (code >= 0x80 && /[\x20-\x7e]/.test(char.toLowerCase())) lowerToAscii.push(code);
      if (code >= 0x80 && isExactCharacter(code) && (char.toLowerCase() !== char || char.toUpperCase() !== char)) casedExact.push(code);
      for (const mapped of [char.toLowerCase(), char.toUpperCase()]) {
        for (const other of mapped) if (other !== char && other.codePointAt(0)! >= 0x80 && isExactCharacter(other.codePointAt(0)!)) intoExactRanges.push(code);
      }
    });
    expect(asciiUnderRegexCase).toEqual([]); // the filter's RegExp has 'i' without 'u'
    expect(lowerToAscii).toEqual([0x130, 0x212a]);
    expect(intoExactRanges).toEqual([]);
    expect(casedExact).toEqual([]);
  });
});
