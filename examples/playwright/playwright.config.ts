import { defineConfig } from '@playwright/test';
import type { MiniappTestOptions } from 'mini-socket-devtools/playwright';

// The fixtures launch Chromium themselves: CHROMIUM_PATH when set, else Playwright's own browser
// (`npx playwright install chromium`). Set `chromiumPath` here to pin one.
export default defineConfig<MiniappTestOptions>({
  testDir: 'tests',
  timeout: 60_000,
  reporter: [['list']],
});
