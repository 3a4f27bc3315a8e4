// How long the property-based fuzz tests run, and how they wait (docs/architecture.md#fuzz-tests). By default a
// fixed seed and a small number of runs, so the suite is reproducible and each property stays within a few
// seconds on a loaded machine; FUZZ_RUNS and FUZZ_SEED (a number, or `random`) make a longer or different local
// run.
import type { Parameters } from 'fast-check';

/** The seed every property uses unless FUZZ_SEED says otherwise. */
export const DEFAULT_FUZZ_SEED = 20_261_207;

function seedFromEnvironment(): number {
  const text = process.env['FUZZ_SEED'];
  if (text === undefined || text === '') return DEFAULT_FUZZ_SEED;
  if (text === 'random') return Math.floor(Math.random() * 2 ** 31);
  const seed = Number(text);
  if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be an integer or "random", not "${text}"`);
  return seed;
}

function runsFromEnvironment(defaultRuns: number): number {
  const text = process.env['FUZZ_RUNS'];
  if (text === undefined || text === '') return defaultRuns;
  const runs = Number(text);
  if (!Number.isSafeInteger(runs) || runs < 1) throw new Error(`FUZZ_RUNS must be a positive integer, not "${text}"`);
  return runs;
}

/**
 * fast-check parameters for one property: `defaultRuns` runs (FUZZ_RUNS overrides), the fixed or chosen
 * seed; a failure's report carries the seed and the shrunk counterexample's path to replay it.
 */
export function fuzzParameters<T>(defaultRuns: number): Parameters<T> {
  return { numRuns: runsFromEnvironment(defaultRuns), seed: seedFromEnvironment() };
}

/** The test timeout for a property of `defaultRuns`: scaled with FUZZ_RUNS so a long local run is not cut. */
export function fuzzTimeout(defaultRuns: number, msAtDefault = 20_000): number {
  return Math.ceil((msAtDefault * runsFromEnvironment(defaultRuns)) / defaultRuns);
}

/**
 * Waits for `condition`, polled every 2 ms (a property runs it hundreds of times, so a coarser poll would
 * dominate the run), failing after 10 s with `what` and, when given, what the test had seen by then.
 */
export async function untilTrue(condition: () => boolean, what: string, seen: () => string = () => ''): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) {
      const detail = seen();
      throw new Error(`timed out waiting for ${what}${detail === '' ? '' : `; ${detail}`}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
