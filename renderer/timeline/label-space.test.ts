import { describe, expect, it } from 'vitest';
import { LabelSpace } from './label-space';

describe('LabelSpace', () => {
  it('refuses a label overlapping one on the same lane (within the gap), and allows it on another lane', () => {
    const space = new LabelSpace();
    expect(space.claim(0, 10, 30)).toBe(true);
    expect(space.claim(0, 25, 45)).toBe(false);
    expect(space.claim(0, 31, 50)).toBe(false);
    expect(space.claim(0, 33, 50)).toBe(true);
    expect(space.claim(1, 10, 30)).toBe(true);
    expect(space.claim(0, 0, 9)).toBe(false);
    expect(space.claim(0, 0, 7)).toBe(true);
  });
});
