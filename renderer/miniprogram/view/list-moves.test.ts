// Which `a:for` items a keyed reorder moved (docs/miniprogram-runtime.md#moved): the fewest, the rest keeping their order.
import { describe, expect, it } from 'vitest';
import { movedKeys } from './list-moves';

const moved = (before: string, after: string): string => [...movedKeys([...before], [...after])].join('');

describe('movedKeys', () => {
  it('nothing moves when the order holds, items are added or removed', () => {
    expect(moved('abcd', 'abcd')).toBe('');
    expect(moved('abcd', 'xabycd')).toBe('');
    expect(moved('abcd', 'acd')).toBe('');
    expect(moved('', 'ab')).toBe('');
  });

  it('one item taken elsewhere is the only one moved', () => {
    expect(moved('abcd', 'dabc')).toBe('d');
    expect(moved('abcd', 'bcda')).toBe('a');
    expect(moved('abcde', 'abdce')).toBe('d');
    expect(moved('abcd', 'xdbc')).toBe('d');
  });

  it('a reversal moves all but one; a swap of the ends moves one end and the middle it passed', () => {
    expect(moved('abcd', 'dcba').length).toBe(3);
    expect(moved('abc', 'cba')).toBe('cb');
  });
});
