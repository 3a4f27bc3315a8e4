import { test } from 'mini-socket-devtools/playwright';

test.use({ miniapp: './my-miniapp' });

test('fails after a connection, so the report carries the capture', async ({ miniapp, sockets }) => {
  await miniapp.locator('#connect').click();
  await sockets.waitFor({ kind: 'lifecycle', name: 'open' });
  await sockets.waitFor({ kind: 'frame', payload: 'never sent' }, { timeout: 200 });
});
