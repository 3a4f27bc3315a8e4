import { describe, expect, it } from 'vitest';
import { base64FormFinder } from './base64-form-finder';

function found(fragments: string[], base64: string): boolean {
  const finder = base64FormFinder(fragments);
  if (finder === undefined) throw new Error('no forms');
  const bytes = Buffer.from(base64, 'latin1');
  finder.load(bytes, bytes.length);
  return finder.find(0) !== Infinity;
}

describe('base64 forms of required fragments', () => {
  it('finds a fragment in the base64 of bytes holding it at any offset, in any ASCII case, standard or URL-safe', () => {
    const noise = Buffer.from([0xfb, 0xff, 0x3e, 0x00, 0x9c, 0x41, 0xbf, 0xfe]);
    for (const [fragment, written] of [['hello', 'HeLLo'], ['0000:', '0000:'], ['支付', '支付'], ['a/b?', 'A/B?']] as const) {
      for (let offset = 0; offset < 6; offset += 1) {
        const bytes = Buffer.concat([noise.subarray(0, offset), Buffer.from(written), noise]);
        const base64 = bytes.toString('base64');
        expect(found([fragment], base64)).toBe(true);
        expect(found([fragment], base64.replace(/\+/g, '-').replace(/\//g, '_'))).toBe(true);
        expect(found(['xyz9', fragment], base64)).toBe(true);
      }
      expect(found([fragment], Buffer.concat([noise, Buffer.from('other text'), noise]).toString('base64'))).toBe(false);
    }
  });

  it('has no forms for a fragment of under 3 bytes, and tells base64 characters from the rest', () => {
    expect(base64FormFinder(['ab'])).toBeUndefined();
    expect(base64FormFinder(['ok', 'hello'])).toBeUndefined();
    const finder = base64FormFinder(['hello']);
    const bytes = Buffer.from('aGVs bG8=|aGVsbG8=', 'latin1');
    finder?.load(bytes, bytes.length);
    expect(finder?.isPlain(0, 9)).toBe(false);
    expect(finder?.isPlain(10, 18)).toBe(true);
  });
});
