// The bundled demo connects on load and sends a tick every 2 s; specs that count the demo's own frames
// pause the ticker first, so the only traffic is what they cause.
import { expect, type Frame } from '@playwright/test';

/** Waits for the demo's chat to be open, then pauses its ticker (the status confirms it). */
export async function pauseDemoTicker(miniapp: Frame): Promise<void> {
  await expect(miniapp.locator('[data-part="chat"] .pill')).toHaveText('Open', { timeout: 30_000 });
  await miniapp.getByRole('button', { name: 'Pause ticker' }).click();
  await expect(miniapp.locator('[data-role="ticker-status"]')).toHaveText(/paused/);
}

/** Tick messages as the log previews them. */
export const TICK_TEXT = '"type":"tick"';
