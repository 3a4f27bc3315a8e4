import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['scripts/**/*.test.ts', 'shared/**/*.test.ts', 'main/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'preload/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
    hookTimeout: 20000,
    // A poll waits for its condition, not a fixed time (docs/architecture.md#test-support).
    expect: { poll: { timeout: 10_000 } },
    pool: 'forks',
  },
});
