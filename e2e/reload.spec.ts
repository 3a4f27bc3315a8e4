// Page lifecycles: reloading the mini-app ends its page session (its sockets close with 1001 and nothing
// of the old page survives in the new one); reloading the panel loses nothing of the capture.
import type { EngineState } from '../shared/panel-wire';
import { BLANK_MINIAPP, expect, test } from './harness/fixtures';
import { labUrl } from './harness/lab-endpoint';
import { inMiniapp } from './harness/miniapp-eval';

// The blank mini-app: no socket or listener of its own, so every one the specs count is theirs.
test.use({ miniappFolder: BLANK_MINIAPP });

const liveConnections = (state: EngineState) => state.connections.filter((c) => c.state === 'OPEN' || c.state === 'CONNECTING');

test('reloading the mini-app closes its sockets with 1001 and the new page starts with no listeners of the old one', async ({ driver }) => {
  const frame = await driver.miniapp();
  const echo = labUrl(await driver.lab(), 'echo');
  await inMiniapp(
    frame,
    (my, url) =>
      new Promise<void>((resolve) => {
        for (let i = 0; i < 3; i += 1) my.onSocketMessage(() => undefined);
        const task = my.connectSocket({ url, multiple: true });
        task.onMessage(() => undefined);
        let opened = 0;
        const opens = () => (opened += 1) === 2 && resolve();
        task.onOpen(opens);
        my.onSocketOpen(opens);
        my.connectSocket({ url });
      }),
    echo,
  );
  const before = await driver.engineState((state) => liveConnections(state).length === 2);
  const pageClients = new Set(liveConnections(before).map((c) => c.clientId));
  const oldClient = before.clients.find((client) => pageClients.has(client.clientId));
  expect(oldClient?.listeners['single:message']).toBe(3);
  const oldConnections = liveConnections(before).map((c) => c.connectionId);

  const reloaded = await driver.reloadMiniapp();

  const after = await driver.engineState((state) => !state.clients.some((client) => client.clientId === oldClient?.clientId) && state.clients.length > 0);
  expect(after.connections.filter((c) => oldConnections.includes(c.connectionId) && c.state !== 'CLOSED')).toEqual([]);
  const capture = await driver.capture();
  for (const connectionId of oldConnections) {
    const closeFrame = capture.find((entry) => entry.connectionId === connectionId && entry.kind === 'frame' && entry.name === 'close' && entry.direction === 'out');
    expect(closeFrame?.detail, connectionId).toMatchObject({ code: 1001 });
  }
  const detached = capture.find((entry) => entry.clientId === oldClient?.clientId && entry.name === 'client-detached');
  expect(detached?.detail?.reason).toBeTruthy();

  // `my` works in the new page, and its listeners are the two it registered: none of the old page's.
  const echoed = await inMiniapp(
    reloaded,
    (my, url) =>
      new Promise<string>((resolve) => {
        my.onSocketOpen(() => my.sendSocketMessage({ data: 'after reload' }));
        my.onSocketMessage((message) => resolve(String(message.data)));
        my.connectSocket({ url });
      }),
    echo,
  );
  expect(echoed).toBe('after reload');
  const isNewClient = (clientId: string) => clientId !== oldClient?.clientId && clientId !== 'panel';
  const settled = await driver.engineState((state) => state.clients.some((client) => isNewClient(client.clientId)));
  const newClient = settled.clients.find((client) => isNewClient(client.clientId));
  expect(Object.entries(newClient?.listeners ?? {}).filter(([, count]) => count > 0).sort()).toEqual([
    ['single:message', 1],
    ['single:open', 1],
  ]);
  await driver.screenshot('reload-miniapp');
});

test('reloading the panel loses nothing: the capture keeps every entry and the new panel shows them all', async ({ driver }) => {
  const frame = await driver.miniapp();
  const flood = labUrl(await driver.lab(), 'flood');
  const received = await inMiniapp(
    frame,
    (my, url) =>
      new Promise<number>((resolve) => {
        let count = 0;
        const task = my.connectSocket({ url, multiple: true });
        task.onMessage(() => (count += 1));
        task.onClose(() => resolve(count));
      }),
    flood.replace(/count=\d+/, 'count=500').concat('&close=1'),
  );
  expect(received).toBe(500);
  const before = await driver.capture();
  expect(before.length).toBeGreaterThan(500);

  await driver.reloadPanel();

  const after = await driver.capture();
  const afterBySeq = new Map(after.map((entry) => [entry.seq, entry]));
  const lost = before.filter((entry) => JSON.stringify(afterBySeq.get(entry.seq)) !== JSON.stringify(entry));
  expect(lost).toEqual([]);
  const lastSeq = before.at(-1)?.seq ?? -1;
  await expect
    .poll(() => driver.panel.evaluate(() => ({ lastSeq: window.__devtoolsTest?.lastSeq ?? -1, ascending: window.__devtoolsTest?.ascending() ?? false })), { timeout: 20_000 })
    .toEqual({ lastSeq: expect.any(Number), ascending: true });
  const shown = await driver.panel.evaluate(() => ({ firstSeq: window.__devtoolsTest?.firstSeq ?? null, lastSeq: window.__devtoolsTest?.lastSeq ?? -1, size: window.__devtoolsTest?.ringSize ?? 0 }));
  expect(shown.firstSeq).toBe(before[0]?.seq);
  expect(shown.lastSeq).toBeGreaterThanOrEqual(lastSeq);
  expect(shown.size).toBeGreaterThanOrEqual(before.length);
  await driver.screenshot('reload-panel');
});
