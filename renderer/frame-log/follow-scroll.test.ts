// When a scroll event keeps the log following (docs/architecture.md#keeping-the-panels-frames-short).
import { describe, expect, it } from 'vitest';
import { stillFollowing } from './follow-scroll';

const scroller = (scrollTop: number, scrollHeight: number, clientHeight = 200) => ({ scrollTop, scrollHeight, clientHeight }) as HTMLElement;

describe('stillFollowing', () => {
  it('keeps following when our own move to the bottom is seen after the canvas grew by many rows', () => {
    expect(stillFollowing(scroller(9_800, 20_000), true, 9_800, 22)).toBe(true);
  });

  it('stops following when the user scrolled above where the log last moved itself', () => {
    expect(stillFollowing(scroller(9_000, 10_000), true, 9_800, 22)).toBe(false);
  });

  it('starts following again when the user reaches the bottom, and not before', () => {
    expect(stillFollowing(scroller(9_790, 10_000), false, 9_800, 22)).toBe(true);
    expect(stillFollowing(scroller(9_800, 20_000), false, 9_800, 22)).toBe(false);
  });

  it('answers our own move to the bottom without reading the sizes (no layout read per flood update)', () => {
    const element = {
      scrollTop: 9_800,
      get scrollHeight(): number {
        throw new Error('scrollHeight read');
      },
      get clientHeight(): number {
        throw new Error('clientHeight read');
      },
    } as unknown as HTMLElement;
    expect(stillFollowing(element, true, 9_800, 22)).toBe(true);
    expect(() => stillFollowing(element, true, 10_000, 22)).toThrow('scrollHeight read');
  });
});
