// The published fixtures (main/playwright, `mini-socket-devtools/playwright`) driving real previews: the
// README's example as written, waitFor's timeout message, the lab's error codes with settings, force-close,
// freshness between tests. The packed package runs the same fixtures in examples/playwright (npm run test:example).
import { fileURLToPath } from 'node:url';
import { test, expect } from '../main/playwright/index';
import { inMiniapp } from './harness/miniapp-eval';

const CHAT_MINIAPP = fileURLToPath(new URL('../examples/playwright/my-miniapp', import.meta.url));

// The published fixtures' Electron host is not available yet (README, "Testing your mini-app with
// Playwright"): in the electron project these tests are reported skipped with that reason.
test.skip(({ host }) => host === 'electron', "the published fixtures' Electron host is not available yet; they run in the browser project");

test.describe('the README example', () => {
  test.use({ miniapp: CHAT_MINIAPP });

  test('the chat echoes and survives a server push', async ({ miniapp, sockets }) => {
    await miniapp.locator('#connect').click();
    const open = await sockets.waitFor({ kind: 'lifecycle', name: 'open' });
    await miniapp.locator('#send').click();
    const echo = await sockets.waitFor({ kind: 'frame', direction: 'in', payload: /hello/ });
    expect(echo.connectionId).toBe(open.connectionId);
    const pushed = await sockets.inject({ connectionId: echo.connectionId, direction: 'in', payload: '{"type":"push"}' });
    expect(pushed.detail).toEqual({ injected: true });
    await expect(miniapp.locator('body')).toContainText('push');
    expect(await sockets.entries({ kind: 'frame', direction: 'out' })).toHaveLength(1);
    const har = await sockets.har();
    const messages = har.log.entries[0]?._webSocketMessages ?? [];
    expect(messages.map((message) => [message.type, message.data])).toEqual(expect.arrayContaining([['send', 'hello'], ['receive', 'hello'], ['receive', '{"type":"push"}']]));
  });

  test('each test starts with no connection and a fresh capture', async ({ sockets }) => {
    expect(await sockets.connections()).toEqual([]);
    expect(await sockets.entries({ kind: 'frame' })).toEqual([]);
  });

  test("an injected 'out' frame reaches the server (the echo answers it) and force-close ends the connection", async ({ miniapp, sockets }) => {
    await miniapp.locator('#connect').click();
    const open = await sockets.waitFor({ kind: 'lifecycle', name: 'open' });
    await sockets.inject({ connectionId: open.connectionId, direction: 'out', payload: 'as if the app sent it' });
    await expect(miniapp.locator('body')).toContainText('message: as if the app sent it');
    await sockets.forceClose({ connectionId: open.connectionId, code: 4001, reason: 'test over' });
    await expect(miniapp.locator('body')).toContainText('closed 4001 test over');
    expect(await sockets.connections()).toEqual([expect.objectContaining({ id: open.connectionId, state: 'CLOSED', closeCode: 4001, closeReason: 'test over' })]);
    await expect(sockets.inject({ connectionId: open.connectionId, direction: 'in', payload: 'late' })).rejects.toThrow(/^sockets.inject refused: no connection s1/);
  });

  test('sockets.route holds a sent frame: the test rewrites it, then drops the next one', async ({ miniapp, sockets }) => {
    const seen: string[] = [];
    let rewrite = true;
    const unroute = await sockets.route({ direction: 'out', payload: /hello/ }, (frame) => {
      seen.push(frame.payload);
      if (rewrite) frame.forward('hello, rewritten by the test');
      else frame.drop();
    });
    await miniapp.locator('#connect').click();
    await sockets.waitFor({ kind: 'lifecycle', name: 'open' });
    await miniapp.locator('#send').click();
    await expect(miniapp.locator('body')).toContainText('message: hello, rewritten by the test');
    rewrite = false;
    await miniapp.locator('#send').click();
    await sockets.waitFor({ kind: 'lifecycle', name: 'breakpoint-dropped' });
    expect(seen).toEqual(['hello', 'hello']);
    unroute();
    await miniapp.locator('#send').click();
    await sockets.waitFor({ kind: 'frame', direction: 'in', payload: 'hello' });
    expect(seen).toHaveLength(2);
  });

  test('waitFor fails with the match and the last entries seen', async ({ sockets }) => {
    // At least one entry to list, however slow the machine: the app's attach.
    await sockets.waitFor({ kind: 'lifecycle' });
    const failure = await sockets.waitFor({ kind: 'frame', payload: /never/ }, { timeout: 300 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    const [header = '', ...listed] = (failure as Error).message.split('\n');
    const count = /^sockets\.waitFor\(\{ kind: "frame", payload: \/never\/ \}\) timed out after 300 ms; the last (\d+) entries:$/.exec(header)?.[1];
    // Which entries are last depends on how far the chat got in 300 ms; each is listed with its seq and kind.
    expect(Number(count)).toBeGreaterThan(0);
    expect(listed).toHaveLength(Number(count));
    for (const line of listed) expect(line).toMatch(/^ {2}#\d+ [a-z-]+ /);
  });
});

test.describe('the lab drives the app into error codes', () => {
  test.use({ miniapp: CHAT_MINIAPP, settings: { connectTimeoutMs: 800 } });

  test('http-503 fails the handshake; silent times out under the session setting', async ({ miniapp, sockets, lab }) => {
    await inMiniapp(miniapp, (my, url) => my.connectSocket({ url }), lab.url('http-503'));
    const refused = await sockets.waitFor({ kind: 'error' });
    expect(refused.errorCode).toBeGreaterThan(0);
    await expect(miniapp.locator('body')).toContainText(`error ${refused.errorCode}`);

    await inMiniapp(miniapp, (my, url) => my.connectSocket({ url }), lab.url('silent'));
    await sockets.waitFor({ kind: 'error', errorCode: 6 }, { timeout: 5000 });
    expect(lab.url('close', { code: 4002, reason: 'x' })).toMatch(/[?&]code=4002&reason=x$/);
    expect(() => lab.url('nope')).toThrow(/no endpoint "nope" \(it has echo, /);
  });
});

test('the default mini-app is the bundled demo, with the panel beside it', async ({ miniapp, panel, sockets }) => {
  await sockets.waitFor({ kind: 'lifecycle', name: 'open' });
  await expect(miniapp.locator('body')).not.toBeEmpty();
  await expect(panel.getByRole('status', { name: 'engine link' })).toHaveText('Live');
});

test.describe("the panel's inject control", () => {
  test.use({ miniapp: CHAT_MINIAPP });

  test("injects into the mini-app's connection from the panel, both ways", async ({ miniapp, panel, sockets }) => {
    await miniapp.locator('#connect').click();
    const open = await sockets.waitFor({ kind: 'lifecycle', name: 'open' });
    const injector = panel.getByLabel('Inject a frame');
    await expect(injector.getByRole('combobox')).toHaveValue(open.connectionId);
    await injector.getByRole('button', { name: 'JSON' }).click();
    await injector.getByRole('textbox', { name: 'Injected message' }).fill('{"type":"push"}');
    await injector.getByRole('button', { name: 'Inject' }).click();
    await expect(miniapp.locator('body')).toContainText('push from the server');
    await injector.getByRole('button', { name: 'to the server' }).click();
    await injector.getByRole('button', { name: 'Text' }).click();
    await injector.getByRole('textbox', { name: 'Injected message' }).fill('from the panel');
    await injector.getByRole('button', { name: 'Inject' }).click();
    await expect(miniapp.locator('body')).toContainText('message: from the panel');
    const injected = await sockets.entries({ kind: 'frame', connectionId: open.connectionId });
    expect(injected.map((entry) => [entry.direction, entry.payload, entry.detail?.injected ?? false])).toEqual([
      ['in', '{"type":"push"}', true],
      ['out', 'from the panel', true],
      ['in', 'from the panel', false],
    ]);
    await injector.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: fileURLToPath(new URL('screenshots/panel-inject.png', import.meta.url)) });
  });
});
