// The lab's /flood through the mini-app's own my.connectSocket (a SocketTask), as the large-session specs
// drive it: `frames` small text frames, then the server closes; resolves with how many the app received.
import type { HostDriver } from './host-driver';
import { inMiniapp } from './miniapp-eval';

/** More than the engine's and the panel's ring (200,000 entries each), so both evict their oldest entries. */
export const FRAMES_BEYOND_THE_RING = 230_000;

export async function floodThroughMiniapp(driver: HostDriver, frames: number): Promise<number> {
  const flood = (await driver.lab()).find((endpoint) => endpoint.name === 'flood');
  const url = new URL(flood?.url ?? '');
  url.search = new URLSearchParams({ count: String(frames), size: '16', close: '1' }).toString();
  return inMiniapp(
    await driver.miniapp(),
    (my, arg) =>
      new Promise<number>((resolve) => {
        let messages = 0;
        const task = my.connectSocket({ url: arg.url, multiple: true });
        task.onMessage(() => {
          messages += 1;
        });
        task.onClose(() => resolve(messages));
      }),
    { url: url.toString() },
  );
}
