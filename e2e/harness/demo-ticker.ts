// The bundled demo connects on load and sends a tick every 2 s; specs that count the demo's own frames
// pause the ticker first, so the only traffic is what they cause.
import { expect, type Frame } from '@playwright/test';
import type { HostDriver } from './host-driver';

/**
 * Waits for the demo's chat to be open, then pauses its ticker (the status confirms it) and waits for the echo of
 * the last tick: one sent just before the pause is still on its way back, and would land after the caller's count.
 */
export async function pauseDemoTicker(driver: HostDriver, miniapp: Frame): Promise<void> {
  await expect(miniapp.locator('[data-part="chat"] .pill')).toHaveText('Open', { timeout: 30_000 });
  await miniapp.getByRole('button', { name: 'Pause ticker' }).click();
  const status = miniapp.locator('[data-role="ticker-status"]');
  await expect(status).toHaveText(/paused after tick #\d+/);
  const last = Number(/#(\d+)/.exec((await status.textContent()) ?? '')?.[1]);
  if (last === 0) return;
  const echo = `{"type":"tick","seq":${last},`;
  await expect
    .poll(async () => (await driver.capture()).some((entry) => entry.kind === 'frame' && entry.direction === 'in' && entry.payload?.startsWith(echo) === true), { message: `the echo of tick #${last}` })
    .toBe(true);
}

/** Tick messages as the log previews them. */
export const TICK_TEXT = '"type":"tick"';
