// The fragment a filter requires, and the case facts it rests on, checked over every code point.
import { describe, expect, it } from 'vitest';
import { isExactCharacter, requiredFragments } from './filter-fragment';

function eachCodePoint(visit: (char: string, code: number) => void): void {
  for (let code = 0; code <= 0x10ffff; code += 1) if (code < 0xd800 || code > 0xdfff) visit(String.fromCodePoint(code), code);
}

describe('required fragment', () => {
  it('takes the longest word a regex requires (shared/decoders/required-words.ts)', () => {
    expect(requiredFragments('^\\d*0000:', 'regex')).toEqual(['0000']);
    expect(requiredFragments('^Hello', 'regex')).toEqual(['hello']);
    expect(requiredFragments('(abc)d.ef', 'regex')).toEqual(['abc']);
    expect(requiredFragments('kik', 'regex')).toEqual(['kik']);
    expect(requiredFragments('\\bkik', 'regex')).toEqual([]); // the escape's letters are never taken
  });

  it('takes the longest exact run of a regex without syntax characters, CJK included', () => {
    expect(requiredFragments('支付宝 Pay: ok', 'regex')).toEqual(['支付宝 Pay: ok']);
    expect(requiredFragments('éa-b,c/dé', 'regex')).toEqual(['a-b,c/d']);
    expect(requiredFragments('Kelvin', 'regex')).toEqual(['Kelvin']);
  });

  it('takes one word per branch of an alternation, and nothing when a branch requires nothing', () => {
    expect(requiredFragments('error|time-out', 'regex')).toEqual(['error', 'time-out']);
    expect(requiredFragments('x.(ab|cde)', 'regex')).toEqual(['x']);
    expect(requiredFragments('.(ab|cde)', 'regex')).toEqual(['ab', 'cde']);
    expect(requiredFragments('ab|\\d+', 'regex')).toEqual([]);
    expect(requiredFragments('[ab]\\d+.', 'regex')).toEqual([]);
    expect(requiredFragments('', 'all')).toEqual([]);
  });

  it('takes the longest run of a literal of exact characters, leaving out "k" and an "i" not followed by ASCII (the Kelvin sign and "İ" lower-case to them)', () => {
    expect(requiredFragments('Kilo(', 'literal')).toEqual(['ilo(']);
    expect(requiredFragments('wifi(', 'literal')).toEqual(['wifi(']);
    expect(requiredFragments('(wifi', 'literal')).toEqual(['(wif']);
    expect(requiredFragments('[支付 ok', 'literal')).toEqual(['[支付 o']);
    expect(requiredFragments('éé(', 'literal')).toEqual(['(']);
    expect(requiredFragments('éé', 'literal')).toEqual([]);
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
