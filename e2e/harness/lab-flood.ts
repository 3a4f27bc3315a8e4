// The lab's /flood through the mini-app's own my.connectSocket (a SocketTask), as the large-session specs
// drive it: `frames` small text frames, then the server closes; resolves with how many the app received.
import type { HostDriver } from './host-driver';
import { inMiniapp } from './miniapp-eval';

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
