// A word looked for in base64 text without decoding it (docs/architecture.md#decoding-cost): every byte string that
// holds the word, at any byte offset and in any ASCII case, has base64 text the pattern matches.
import { describe, expect, it } from 'vitest';
import { base64Bytes } from './base64-bytes';
import { base64WordFinder, base64WordPattern, DECODED_OUTSIDE_ALPHABET } from './base64-words';
import { randomBytes, seededRandom as random, withRandomCase } from './test-support/seeded-random';

describe('base64WordPattern', () => {
  it('matches the base64 of any bytes holding the word, at every offset and in any case', () => {
    const next = random(7);
    for (const word of ['alipay/orders/7', 'chat', '7', 'ab', '/topic/prices', 'x_y-z', 'zzzzzz']) {
      const pattern = base64WordPattern(word);
      for (let trial = 0; trial < 300; trial += 1) {
        const before = randomBytes(Math.floor(next() * 7), next);
        const after = randomBytes(Math.floor(next() * 7), next);
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

  it('names the text it is not exact for: every character outside the alphabet that a decode here reads', () => {
    expect(DECODED_OUTSIDE_ALPHABET.test('YWxp+/==')).toBe(false);
    for (const text of ['YWxp\ncGF5', 'YW xp', 'YW-p', 'YW_p', 'YW\txp', 'YW\r\nxp', 'YW\u012bxp']) expect(DECODED_OUTSIDE_ALPHABET.test(text), JSON.stringify(text)).toBe(true);
    // Text with any other character is not decoded at all, so it matches no decoded-field filter.
    const read: string[] = [];
    for (let code = 0; code < 0x10000; code += 1) {
      const char = String.fromCharCode(code);
      if (/[A-Za-z0-9+/=]/.test(char)) continue;
      const texts = [`YWJj${char}YWJj`, `${char}YWJjYWJj`, `YWJjYW${char}Jj`, `YWJj${char.repeat(4)}`, `YWJjYQ=${char}`];
      if (texts.some((text) => base64Bytes(text) !== undefined)) read.push(char);
    }
    expect(read.length).toBeGreaterThan(0);
    for (const char of read) expect(DECODED_OUTSIDE_ALPHABET.test(char), `U+${char.charCodeAt(0).toString(16)}`).toBe(true);
  });
});

describe('base64WordFinder', () => {
  const words = ['alipay/orders/7', 'chat', '7', 'ab', '/topic/prices', 'x_y-z', 'zzzzzz', 'orders/', 'message', '0123456789'];

  it('answers as the pattern does on text in the standard alphabet, with the word at every offset and in any case', () => {
    const next = random(11);
    for (const word of words) {
      const pattern = base64WordPattern(word);
      const find = base64WordFinder(word);
      let found = 0;
      for (let trial = 0; trial < 600; trial += 1) {
        const bytes = randomBytes(Math.floor(next() * 40), next);
        const at = Math.floor(next() * (bytes.length + 1));
        const held = next() < 0.5 ? Buffer.concat([bytes.subarray(0, at), Buffer.from(withRandomCase(word, next), 'latin1'), bytes.subarray(at)]) : bytes;
        const text = held.toString('base64');
        const verdict = find(text);
        expect(verdict, `${word} in ${held.toString('hex')}`).toBe(pattern.test(text) ? 'found' : 'absent');
        if (verdict === 'found') found += 1;
      }
      expect(found, word).toBeGreaterThan(200);
    }
  });

  it('says irregular when a character a decode reads outside the alphabet comes before any run', () => {
    const next = random(5);
    for (const word of words) {
      const find = base64WordFinder(word);
      for (let trial = 0; trial < 200; trial += 1) {
        const text = randomBytes(1 + Math.floor(next() * 30), next).toString('base64');
        const at = Math.floor(next() * (text.length + 1));
        const odd = `${text.slice(0, at)}${' \n\t-_\u012b'[Math.floor(next() * 6)]}${text.slice(at)}`;
        const verdict = find(odd);
        // Never absent: a run before the odd character is found; with no run at all the text says nothing.
        expect(verdict, `${word} in ${JSON.stringify(odd)}`).not.toBe('absent');
        if (base64WordPattern(word).test(odd.slice(0, at))) expect(verdict).toBe('found');
        if (!base64WordPattern(word).test(odd)) expect(verdict).toBe('irregular');
      }
    }
  });

  it('tells the flood topics apart, whatever their offset', () => {
    const find = base64WordFinder('alipay/orders/7');
    for (const prefix of ['', 'x', 'xy', 'xyz']) {
      for (let topic = 0; topic < 16; topic += 1) {
        const text = Buffer.from(`${prefix}alipay/orders/${topic}aaaa`, 'latin1').toString('base64');
        expect(find(text), `${prefix} ${topic}`).toBe(topic === 7 ? 'found' : 'absent');
      }
    }
  });
});
