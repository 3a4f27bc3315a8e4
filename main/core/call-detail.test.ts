import { describe, expect, it } from 'vitest';
import { MAX_SUMMARY_BREADTH, summarizeOptions } from './call-detail';
import { copyPrefix } from './string-copy';

describe('call summaries', () => {
  it('cut long strings to a preview, wide arrays and objects to their first items, and say how much is left out', () => {
    const wide = Array.from({ length: 20_000 }, (_, index) => index);
    const keys = Object.fromEntries(Array.from({ length: 100 }, (_, index) => [`k${index}`, index]));
    const summary = summarizeOptions({ data: 'z'.repeat(5000), wide, keys }) as { data: string; wide: unknown[]; keys: Record<string, unknown> };
    expect(summary.data).toBe(`${'z'.repeat(256)}… (5000 chars)`);
    expect(summary.wide).toHaveLength(MAX_SUMMARY_BREADTH + 1);
    expect(summary.wide.at(-1)).toBe(`… (${20_000 - MAX_SUMMARY_BREADTH} more items)`);
    expect(Object.keys(summary.keys)).toHaveLength(MAX_SUMMARY_BREADTH + 1);
    expect(summary.keys['…']).toBe(`${100 - MAX_SUMMARY_BREADTH} more keys`);
  });

  it('copies prefixes code unit for code unit, lone surrogates included', () => {
    expect(copyPrefix('a\uD800b😀c', 4)).toBe('a\uD800b\uD83D');
    expect(copyPrefix('short', 100)).toBe('short');
  });
});
