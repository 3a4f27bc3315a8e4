import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SOCKET_ERRORS, isSocketErrorCode, socketError } from './error-codes';

const seedPath = new URL('../../shared/seed/000_e3af7e6fac867f01.txt', import.meta.url);
// The seed document lives beside the checkout (../shared/seed), not in it: a clone elsewhere cannot compare,
// and says so in the test's name instead of passing.
const seedFound = existsSync(seedPath);
const withSeed = seedFound ? it : it.skip;
if (!seedFound) console.warn(`[error codes] SKIPPED the seed wording check: ${seedPath.pathname} is not beside this checkout`);

describe('error code table', () => {
  it('has exactly the codes 1 to 12', () => {
    expect([...SOCKET_ERRORS.keys()]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(isSocketErrorCode(12)).toBe(true);
    expect(isSocketErrorCode(13)).toBe(false);
    expect(() => socketError(0 as never)).toThrow(RangeError);
  });

  withSeed(`uses the seed document wording for every description and solution${seedFound ? '' : ' (SKIPPED: ../shared/seed is not beside this checkout)'}`, () => {
    const seed = readFileSync(seedPath, 'utf8').replace(/\s+/g, ' ');
    for (const info of SOCKET_ERRORS.values()) {
      expect(seed).toContain(`${info.code}${info.description}`);
      if (info.solution !== '-') expect(seed).toContain(info.solution.replace(/\s+/g, ' '));
    }
  });
});
