// A send with no socket open, from the mini-app: it fails with code 10 (docs/behaviour.md#a5-code-10-means-not-open),
// the error the timeline specs look for.
import type { HostDriver } from './host-driver';
import { inMiniapp } from './miniapp-eval';

/** Resolves with the error code of the failed send. */
export async function failSendBeforeOpen(driver: HostDriver): Promise<number> {
  return inMiniapp(
    await driver.miniapp(),
    (my) => new Promise<number>((resolve) => my.sendSocketMessage({ data: 'too early', fail: (result: { error: number }) => resolve(result.error) })),
    null,
  );
}
