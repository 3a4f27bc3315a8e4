// The bench harness's own tests (`npx vitest run --config bench/vitest.config.ts`): the root config only
// collects the product's folders, and the benchmarks themselves are not tests.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['bench/**/*.test.ts'],
    root: new URL('..', import.meta.url).pathname,
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
