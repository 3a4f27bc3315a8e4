// A mini-app that reads its Authorization from empty storage sends `null` on every my.request: Problems shows
// that misuse as one row with its count, while the capture and the HAR keep every request and warning; a
// listener registered again and again is one row too, whose text says the newest count
// (docs/behaviour.md#problems-grouping).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { MyApi } from '../shared/my';
import { expect, test } from './harness/fixtures';
import { inMiniapp } from './harness/miniapp-eval';

test.use({ miniappFolder: fileURLToPath(new URL('./fixtures/blank-miniapp', import.meta.url)) });

let server: Server;
let base = '';
test.beforeAll(async () => {
  server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));


/** The one Problems row a problem seen three times folds into, opened: its detail says how often. */
async function openGroupedRow(panel: Page, title: RegExp) {
  const row = panel.getByRole('listbox', { name: 'Problems, newest last' }).getByRole('option', { name: title });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('×3');
  await row.click();
  const region = panel.getByRole('region', { name: 'Warnings and errors' });
  await expect(region).toContainText('Seen 3 times');
  return { row, region };
}
test('three requests with a null header read as one Problems row ×3; the capture keeps all three', async ({ driver }) => {
  const { panel } = driver;
  const frame = await driver.miniapp();
  const statuses = await inMiniapp(
    frame,
    async (my, url: string) => {
      const request = (my as unknown as MyApi).request;
      const out: number[] = [];
      for (let i = 0; i < 3; i += 1) out.push(((await request({ url: `${url}/profile?n=${i}`, headers: { Authorization: null } })) as { status: number }).status);
      return out;
    },
    base,
  );
  expect(statuses).toEqual([200, 200, 200]);

  const { region } = await openGroupedRow(panel, /A my\.request header was dropped/);
  await expect(region).toContainText('Authorization (its value is null, not a string)');
  await driver.screenshot('problems-grouped-header-dropped');

  const warnings = (await driver.capture()).filter((entry) => entry.kind === 'warning' && entry.name === 'request-header-dropped');
  expect(warnings).toHaveLength(3);
  expect(new Set(warnings.map((entry) => entry.connectionId)).size).toBe(3);
  const har = JSON.parse(await driver.captureHar()) as { log: { entries: Array<{ request: { url: string } }> } };
  expect(har.log.entries.filter((entry) => entry.request.url.startsWith(`${base}/profile`))).toHaveLength(3);
});

test('the same listener registered 4 times reads as one Problems row with the newest count; the capture keeps each warning', async ({ driver }) => {
  const { panel } = driver;
  const frame = await driver.miniapp();
  await inMiniapp(
    frame,
    (my, times: number) => {
      const onMessage = (): void => undefined;
      for (let i = 0; i < times; i += 1) my.onSocketMessage(onMessage);
    },
    4,
  );

  const { row, region } = await openGroupedRow(panel, /The same listener is registered several times/);
  await expect(row).toContainText('registered 4 times');
  await expect(row).toContainText('2–4');
  await expect(region).toContainText('Registrations 2–4, newest 4.');
  await driver.screenshot('problems-grouped-listener-pileup');

  const warnings = (await driver.capture()).filter((entry) => entry.kind === 'warning' && entry.name === 'listener-pileup');
  expect(warnings.map((entry) => entry.detail?.sameFunctionCount)).toEqual([2, 3, 4]);
});
