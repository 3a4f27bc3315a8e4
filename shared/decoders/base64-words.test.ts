// A word looked for in base64 text without decoding it (docs/architecture.md#decoding-cost): every byte string that
// holds the word, at any byte offset and in any ASCII case, has base64 text the pattern matches.
import { describe, expect, it } from 'vitest';
import { base64WordPattern, OUTSIDE_BASE64_ALPHABET } from './base64-words';

/** A small deterministic generator, so a failure names the same case every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function withRandomCase(word: string, next: () => number): string {
  return [...word].map((char) => (next() < 0.5 ? char.toUpperCase() : char)).join('');
}

describe('base64WordPattern', () => {
  it('matches the base64 of any bytes holding the word, at every offset and in any case', () => {
    const next = random(7);
    for (const word of ['alipay/orders/7', 'chat', '7', 'ab', '/topic/prices', 'x_y-z', 'zzzzzz']) {
      const pattern = base64WordPattern(word);
      for (let trial = 0; trial < 300; trial += 1) {
        const before = Buffer.from(Array.from({ length: Math.floor(next() * 7) }, () => Math.floor(next() * 256)));
        const after = Buffer.from(Array.from({ length: Math.floor(next() * 7) }, () => Math.floor(next() * 256)));
        const bytes = Buffer.concat([before, Buffer.from(withRandomCase(word, next), 'latin1'), after]);
        expect(pattern.test(bytes.toString('base64')), `${word} in ${bytes.toString('hex')}`).toBe(true);
      }
    }
  });

  it('tells the flood topics apart, whatever their offset', () => {
    const pattern = base64WordPattern('alipay/orders/7');
    for (const prefix of ['', 'x', 'xy']) {
      for (let topic = 0; topic < 16; topic += 1) {
        const text = Buffer.from(`${prefix}alipay/orders/${topic}aaaa`, 'latin1').toString('base64');
        expect(pattern.test(text), `${prefix} ${topic}`).toBe(topic === 7);
      }
    }
    expect(base64WordPattern('chat').test(Buffer.from('xxCHAtxx').toString('base64'))).toBe(true);
    expect(base64WordPattern('chat').test(Buffer.from('xxchbtxx').toString('base64'))).toBe(false);
  });

  it('does not fold a byte that is not an ASCII letter', () => {
    // "Ò" (0xd2 in one byte) differs from "r" (0x72) in more than the case bit; "@" (0x40) and "`" (0x60) differ by it.
    expect(base64WordPattern('ab').test(Buffer.from([0x61, 0x62]).toString('base64'))).toBe(true);
    expect(base64WordPattern('a@').test(Buffer.from([0x41, 0x60]).toString('base64'))).toBe(false);
    expect(base64WordPattern('7').test(Buffer.from([0x17]).toString('base64'))).toBe(false);
  });

  it('names the text it is not exact for', () => {
    expect(OUTSIDE_BASE64_ALPHABET.test('YWxp+/==')).toBe(false);
    for (const text of ['YWxp\ncGF5', 'YW xp', 'YW-p', 'YW_p']) expect(OUTSIDE_BASE64_ALPHABET.test(text), text).toBe(true);
  });
});
