import { defineConfig } from '@playwright/test';

// A deliberately failing test, run by the repository's `npm run test:example` to check that a failed test
// carries the capture (sockets.har) in its report.
export default defineConfig({ testDir: 'failing', timeout: 30_000 });
