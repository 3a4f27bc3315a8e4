import { test, expect } from 'mini-socket-devtools/playwright';

test.use({ miniapp: './my-miniapp' }); // folder (HTML page or mini-program project) or URL

test('the chat echoes and survives a server push', async ({ miniapp, sockets, lab }) => {
  await miniapp.locator('#connect').click(); // miniapp: the preview's Playwright Frame
  const open = await sockets.waitFor({ kind: 'lifecycle', name: 'open' });
  await miniapp.locator('#send').click();
  const echo = await sockets.waitFor({ kind: 'frame', direction: 'in', payload: /hello/ });
  await sockets.inject({ connectionId: echo.connectionId, direction: 'in', payload: '{"type":"push"}' });
  await expect(miniapp.locator('body')).toContainText('push');
  expect(await sockets.entries({ kind: 'frame', direction: 'out' })).toHaveLength(1);
  const har = await sockets.har(); // HAR 1.2 object, as /api/capture.har gives it
  expect(har.log.entries[0]?.request.url).toBe(lab.url('echo'));
  expect(open.connectionId).toBe(echo.connectionId);
});

test('a server that closes with 4000 is seen by the app and in the capture', async ({ miniapp, sockets, lab }) => {
  await miniapp.evaluate(`my.connectSocket({ url: ${JSON.stringify(lab.url('close', { code: 4000, reason: 'bye' }))} })`);
  const closed = await sockets.waitFor({ kind: 'lifecycle', name: 'closed' });
  await expect(miniapp.locator('body')).toContainText('closed 4000 bye');
  expect(await sockets.connections()).toEqual([expect.objectContaining({ id: closed.connectionId, state: 'CLOSED', closeCode: 4000, closeReason: 'bye' })]);
});
