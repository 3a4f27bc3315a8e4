// The mini-app's walls: from inside it, the panel's document, the bridge without its token, raw sockets,
// fetch and XHR, navigating the top away and pop-ups all fail, and `my` keeps working afterwards. In both
// modes: an HTML mini-app (the bundled demo) and a mini-program project's view page, whose logic Worker
// reaches nothing but `my` either.
import { fileURLToPath } from 'node:url';
import { expect, test } from './harness/fixtures';
import { labUrl } from './harness/lab-endpoint';
import { inMiniapp } from './harness/miniapp-eval';

const MODES = [
  { name: 'HTML mini-app', folder: undefined, shot: 'sandbox' },
  { name: 'mini-program project', folder: fileURLToPath(new URL('./fixtures/miniprogram-project', import.meta.url)), shot: 'sandbox-miniprogram' },
];

for (const mode of MODES) {
  test.describe(mode.name, () => {
    test.use({ miniappFolder: mode.folder });

    test('from inside the mini-app only `my` gets out', async ({ driver }) => {
      const frame = await driver.miniapp();
      const lab = await driver.lab();
      const echo = labUrl(lab, 'echo');
      const labHttp = echo.replace(/^ws:/, 'http:').replace(/\/echo$/, '/');
      const panelUrl = driver.panel.url();
      const miniappUrl = frame.url();
      const pagesBefore = driver.panel.context().pages().length;

      const walls = await frame.evaluate(
        async ({ echo, labHttp }) => {
          const outcome = async (attempt: () => Promise<string> | string): Promise<string> => {
            try {
              return await attempt();
            } catch (error) {
              return `blocked: ${error instanceof Error ? error.name : String(error)}`;
            }
          };
          const socketOutcome = (url: string) =>
            outcome(
              () =>
                new Promise<string>((resolve) => {
                  const socket = new WebSocket(url);
                  // A socket that CSP refuses may stay CONNECTING without any event: never opening is the wall.
                  const timer = setTimeout(() => resolve(`blocked: never opened (readyState ${socket.readyState})`), 3000);
                  socket.onopen = () => {
                    clearTimeout(timer);
                    socket.close();
                    resolve('OPENED');
                  };
                  socket.onclose = () => {
                    clearTimeout(timer);
                    resolve('blocked: closed before open');
                  };
                }),
            );
          const own = location.origin.replace(/^http/, 'ws');
          return {
            parentDocument: await outcome(() => (parent === window ? 'blocked: no parent above the mini-app' : `REACHED ${parent.document.title}`)),
            bridgeWithoutToken: await socketOutcome(`${own}/my`),
            bridgeWithWrongToken: await socketOutcome(`${own}/my?token=guess`),
            rawWebSocket: await socketOutcome(echo),
            fetchLab: await outcome(async () => `FETCHED ${(await fetch(labHttp)).status}`),
            fetchOwnOrigin: await outcome(async () => `FETCHED ${(await fetch('/')).status}`),
            xhrLab: await outcome(
              () =>
                new Promise<string>((resolve) => {
                  const xhr = new XMLHttpRequest();
                  xhr.onload = () => resolve(`LOADED ${xhr.status}`);
                  xhr.onerror = () => resolve('blocked: xhr error');
                  xhr.open('GET', labHttp);
                  xhr.send();
                }),
            ),
            popup: await outcome(() => (window.open(labHttp, '_blank') === null ? 'blocked: window.open gave null' : 'OPENED A WINDOW')),
            topNavigation: await outcome(() => {
              window.top?.location.assign(labHttp);
              return 'no exception';
            }),
            tokenInPage: document.documentElement.outerHTML.includes('token=') ? 'TOKEN VISIBLE' : 'hidden',
            globals: ['__MSD_CONFIG__', 'msdPanel', 'require', 'process', 'ipcRenderer'].filter((name) => name in window),
          };
        },
        { echo, labHttp },
      );

      expect(walls.parentDocument).toMatch(/^blocked/);
      expect(walls.bridgeWithoutToken).toMatch(/^blocked/);
      expect(walls.bridgeWithWrongToken).toMatch(/^blocked/);
      expect(walls.rawWebSocket).toMatch(/^blocked/);
      expect(walls.fetchLab).toMatch(/^blocked/);
      expect(walls.fetchOwnOrigin).toMatch(/^blocked/);
      expect(walls.xhrLab).toMatch(/^blocked/);
      expect(walls.popup).toMatch(/^blocked/);
      expect(walls.tokenInPage).toBe('hidden');
      expect(walls.globals).toEqual([]);

      // The top never left the panel, no window appeared, and the mini-app is still where it was.
      await driver.panel.waitForTimeout(1000);
      expect(driver.panel.url()).toBe(panelUrl);
      expect(driver.panel.context().pages()).toHaveLength(pagesBefore);
      const after = await driver.miniapp();
      expect(after.url()).toBe(miniappUrl);

      // The engine keeps serving: a `my` round trip through the lab still works.
      const echoed = await inMiniapp(
        after,
        (my, url) =>
          new Promise<string>((resolve) => {
            const task = my.connectSocket({ url, multiple: true });
            task.onOpen(() => task.send({ data: 'still here' }));
            task.onMessage((message) => {
              void task.close({});
              resolve(String(message.data));
            });
          }),
        echo,
      );
      expect(echoed).toBe('still here');
      await driver.screenshot(mode.shot);
    });

    test('`my` is frozen and the only thing the host added to the page', async ({ driver }) => {
      const frame = await driver.miniapp();
      const facts = await frame.evaluate(() => {
        const my = (window as unknown as { my: Record<string, unknown> }).my;
        const original = my.connectSocket;
        try {
          (window as unknown as { my: unknown }).my = {};
          my.connectSocket = () => undefined;
        } catch {
          // Strict-mode code would throw here; either way nothing may change.
        }
        return {
          frozen: Object.isFrozen(my),
          same: (window as unknown as { my: unknown }).my === my,
          connectUnchanged: my.connectSocket === original,
          shimScripts: document.querySelectorAll('script[data-msd-bridge]').length,
        };
      });
      expect(facts).toEqual({ frozen: true, same: true, connectUnchanged: true, shimScripts: 0 });
    });
  });
}

test.describe('mini-program logic', () => {
  test.use({ miniappFolder: MODES[1]?.folder });

  test('the logic Worker has no DOM, network or eval, only `my`', async ({ driver }) => {
    const frame = await driver.miniapp();
    await frame.locator('#nav-walls').click();
    await expect(frame.locator('.mp-page:visible #walls-my')).toHaveText('function');
    await expect(frame.locator('.mp-page:visible #walls-reachable')).toHaveText('none');
    await expect(frame.locator('.mp-page:visible #walls-eval')).toHaveText('EvalError');
  });
});
