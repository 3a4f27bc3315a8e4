// @vitest-environment jsdom
// The inspector's replay section against the real engine, panel session, lab and replay server on
// 127.0.0.1: start a replay of a live connection and of an imported one, connect the panel's `my` to it,
// and stop it; errors from the engine are shown as they come.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureEntry } from '../../shared/capture';
import type { PanelTransport } from '../../shared/panel-wire';
import { createEngine } from '../../main/core/engine';
import { openJsonPanelLink } from '../../main/core/test-support/json-panel-link';
import type { Engine } from '../../main/core/ports';
import { createReplayServer } from '../../main/replay/replay-server';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { liveRing } from '../capture/entry-ring';
import { panelSocketsFor } from '../controls/panel-controls-session';
import { usePanelStore } from '../store/panel-store';
import { createRequestReplier } from '../transport/request-reply';
import { ReplaySection } from './replay-section';

// A small server of our own (the lab's certificate generation needs Node's realm, not jsdom's): /flood sends
// three numbered messages and closes with 1000 "flood done"; any other path refuses the upgrade with 503.
let server: WebSocketServer;
let base = '';
beforeAll(async () => {
  server = new WebSocketServer({
    host: '127.0.0.1',
    port: 0,
    verifyClient: (info: { req: { url?: string } }) => info.req.url?.startsWith('/flood') === true,
  });
  server.on('connection', (ws) => {
    ['1:aa', '2:bb', '3:cc'].forEach((text) => ws.send(text));
    ws.close(1000, 'flood done');
  });
  await new Promise((resolve) => server.once('listening', resolve));
  base = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

let teardown: (() => Promise<void>) | undefined;
afterEach(async () => {
  cleanup();
  await teardown?.();
  teardown = undefined;
  usePanelStore.getState().reset();
});

async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
}

/** A real engine with its own replay server, linked to the store like the panel's transport. */
function setup(): { engine: Engine; transport: PanelTransport } {
  const engine = createEngine();
  const replays = createReplayServer();
  const { transport, session } = openJsonPanelLink(engine, { replays });
  const replier = createRequestReplier(transport);
  usePanelStore.getState().setTransport(transport, replier);
  teardown = async () => {
    replier.dispose();
    session.close();
    await replays.close();
    await engine.shutdown();
  };
  return { engine, transport };
}

const captured = (engine: Engine): CaptureEntry[] => [...engine.capture.from(0)];
const connectionOf = (engine: Engine, url: string) => captured(engine).find((entry) => entry.kind === 'lifecycle' && entry.name === 'connecting' && entry.detail?.url === url)?.connectionId ?? '';
const received = (engine: Engine, connectionId: string) =>
  captured(engine)
    .filter((entry) => entry.connectionId === connectionId && entry.kind === 'frame' && entry.direction === 'in' && entry.opcode !== 8)
    .map((entry) => entry.payload);
const closedOf = (engine: Engine, connectionId: string) => captured(engine).find((entry) => entry.connectionId === connectionId && entry.kind === 'lifecycle' && entry.name === 'closed');

/** Records a flood of 3 numbered frames that the server closes, through the panel's `my`. */
async function recordFlood(engine: Engine, transport: PanelTransport): Promise<string> {
  const url = `${base}/flood`;
  const sockets = panelSocketsFor(transport);
  const { key } = sockets.connect({ url, multiple: true });
  await waitFor(() => sockets.store.getState().connections.find((view) => view.key === key)?.state === 'closed', 'the recorded flood to close');
  const connectionId = connectionOf(engine, url);
  expect(received(engine, connectionId)).toHaveLength(3);
  return connectionId;
}

describe('ReplaySection', () => {
  it('replays a live connection: URL listed, the panel connects, frames in order, the recorded close, stop', async () => {
    const { engine, transport } = setup();
    const recorded = await recordFlood(engine, transport);
    liveRing.append(captured(engine));
    render(<ReplaySection connectionId={recorded} />);
    const section = screen.getByRole('region', { name: 'replay as mock server' });
    expect(within(section).getByText(/None\. Start one above/)).toBeTruthy();
    fireEvent.change(within(section).getByRole('combobox', { name: 'Speed' }), { target: { value: '0' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Start replay' }));
    await waitFor(() => section.querySelector('[data-testid="replay-url"]') !== null, 'the replay in the list');
    const url = section.querySelector('[data-testid="replay-url"]')?.textContent ?? '';
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/replay\/[\w-]+$/);
    expect(section.textContent).toContain('3 server messages, 0 app messages (not checked), then closes with 1000 "flood done". Speed: as fast as possible.');
    expect(section.textContent).toContain('No client has connected yet.');

    fireEvent.click(within(section).getByRole('button', { name: 'Connect from the panel' }));
    await waitFor(() => closedOf(engine, connectionOf(engine, url)) !== undefined, 'the replayed connection to close');
    const replayed = connectionOf(engine, url);
    expect(received(engine, replayed)).toEqual(received(engine, recorded));
    expect(closedOf(engine, replayed)?.detail).toMatchObject({ codeReceived: 1000, reasonReceived: 'flood done', closedFirstBy: 'server' });
    await waitFor(() => (section.querySelector('[aria-label="newest play"]')?.textContent ?? '').includes('3 of 3 server messages sent'), 'the play progress');
    // The last message is sent before the play ends (the close handshake follows): wait for the state too.
    await waitFor(() => section.querySelector('.replay-state')?.textContent === 'done', 'the play to end');

    fireEvent.click(within(section).getByRole('button', { name: 'Stop' }));
    await waitFor(() => section.querySelector('[data-testid="replay-url"]') === null, 'the replay to leave the list');
  });

  it('replays a connection of an imported file, built in the panel', async () => {
    const { engine, transport } = setup();
    const recorded = await recordFlood(engine, transport);
    usePanelStore.getState().showImported('old.har', captured(engine));
    render(<ReplaySection connectionId={recorded} />);
    const section = screen.getByRole('region', { name: 'replay as mock server' });
    fireEvent.click(within(section).getByRole('button', { name: 'Start replay' }));
    await waitFor(() => section.querySelector('[data-testid="replay-url"]') !== null, 'the replay in the list');
    expect(section.querySelector('.replay-label')?.textContent).toContain('(old.har)');
    expect(section.textContent).toContain('Speed: recorded timing.');
  });

  it('says why a connection that never opened cannot be replayed, and shows the engine refusing a start', async () => {
    const { engine, transport } = setup();
    const sockets = panelSocketsFor(transport);
    const { key } = sockets.connect({ url: `${base}/refused`, multiple: true });
    await waitFor(() => sockets.store.getState().connections.find((view) => view.key === key)?.state === 'closed', 'the refused connection');
    liveRing.append(captured(engine));
    const refused = connectionOf(engine, `${base}/refused`);
    render(<ReplaySection connectionId={refused} />);
    expect(screen.getByRole('region', { name: 'replay as mock server' }).textContent).toContain('This connection never opened');
    cleanup();

    // The panel still holds a connection the engine no longer does (cleared there): the engine's reason is shown.
    const recorded = await recordFlood(engine, transport);
    liveRing.append(captured(engine).filter((entry) => entry.seq > (liveRing.at(liveRing.size() - 1)?.seq ?? -1)));
    engine.capture.clear();
    render(<ReplaySection connectionId={recorded} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start replay' }));
    await waitFor(() => screen.queryByRole('alert') !== null, 'the refusal');
    expect(screen.getByRole('alert').textContent).toBe(`Could not start the replay: the capture holds nothing of connection ${recorded}`);
  });
});
