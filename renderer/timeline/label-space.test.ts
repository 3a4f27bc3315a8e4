import { describe, expect, it } from 'vitest';
import { LabelSpace } from './label-space';

const box = (lane: number, left: number, right: number, top = 0, bottom = 10) => ({ lane, left, right, top, bottom });

describe('LabelSpace', () => {
  it('refuses a label overlapping one on the same lane (within the gap), and allows it on another lane', () => {
    const space = new LabelSpace();
    expect(space.claim(box(0, 10, 30))).toBe(true);
    expect(space.claim(box(0, 25, 45))).toBe(false);
    expect(space.claim(box(0, 31, 50))).toBe(false);
    expect(space.claim(box(0, 33, 50))).toBe(true);
    expect(space.claim(box(1, 10, 30))).toBe(true);
    expect(space.claim(box(0, 0, 9))).toBe(false);
    expect(space.claim(box(0, 0, 7))).toBe(true);
  });

  it('allows a label above or below another one when their boxes keep the gap up and down', () => {
    const space = new LabelSpace();
    space.take(box(0, 0, 40, 10, 20));
    expect(space.claim(box(0, 5, 20, 0, 9))).toBe(false);
    expect(space.claim(box(0, 5, 20, -10, 8))).toBe(true);
    expect(space.claim(box(0, 5, 20, 22, 30))).toBe(true);
    expect(space.fits(box(0, 5, 20, 12, 18))).toBe(false);
  });
});
