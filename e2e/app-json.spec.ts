// The previewed mini-app's app.json (docs/behaviour.md#a17-default-of-multiple-from-appjson, docs/behaviour.md#a22-which-connect-timeout-applies), end to end: the fixture's app.json makes `multiple`
// default to true and sets networkTimeout.connectSocket to 1500 ms; `my` in the page, the engine's capture
// and the panel all follow it.
import { fileURLToPath } from 'node:url';
import { expect, test } from './harness/fixtures';
import { labUrl } from './harness/lab-endpoint';
import { SCREENSHOT_DIR } from './harness/browser-host-driver';
import { inMiniapp } from './harness/miniapp-eval';

const APP_JSON_MINIAPP = fileURLToPath(new URL('./fixtures/app-json-miniapp', import.meta.url));
test.use({ miniappFolder: APP_JSON_MINIAPP });


test('connectSocket without multiple returns a SocketTask that opens (connectSocketDefaultMultiple)', async ({ driver }) => {
  const frame = await driver.miniapp();
  const steps = await inMiniapp(
    frame,
    (my, url) =>
      new Promise<string[]>((resolve) => {
        const steps: string[] = [];
        my.onSocketOpen(() => steps.push('global open'));
        const task = my.connectSocket({ url, success: () => steps.push('success') });
        steps.push(task === undefined ? 'no task' : 'task');
        task?.onOpen(() => {
          steps.push('task open');
          task.close({ complete: () => resolve(steps) });
        });
      }),
    labUrl(await driver.lab(), 'echo'),
  );
  expect(steps).toEqual(['task', 'success', 'task open']);
});

test('a connect to the silent endpoint fails with 6 after the app.json timeout, recorded on its capture entry', async ({ driver }) => {
  const frame = await driver.miniapp();
  const silent = labUrl(await driver.lab(), 'silent');
  const steps = await inMiniapp(
    frame,
    (my, url) =>
      new Promise<string[]>((resolve) => {
        const steps: string[] = [];
        const task = my.connectSocket({ url });
        task?.onError((error) => steps.push(`error:${error.error}`));
        task?.onClose(() => resolve(steps));
      }),
    silent,
  );
  expect(steps).toEqual(['error:6']);
  const capture = await driver.capture();
  const connecting = capture.find((entry) => entry.name === 'connecting' && String(entry.detail?.url).startsWith(silent));
  expect(connecting?.detail).toMatchObject({ timeoutMs: 1500, timeoutFrom: 'app.json' });
  expect(capture.some((entry) => entry.connectionId === connecting?.connectionId && entry.errorCode === 6)).toBe(true);
  expect(capture.filter((entry) => entry.name === 'app-json-invalid')).toEqual([]);
});

test('the panel shows what app.json set, under the mini-app', async ({ driver }) => {
  await driver.miniapp();
  const note = driver.panel.getByTestId('app-json-note');
  await expect(note).toHaveText('app.json: multiple by default, connect timeout 1\u00a0500 ms');
  await driver.panel.locator('.miniapp-preview').screenshot({ path: `${SCREENSHOT_DIR}app-json-note.png` });
});
