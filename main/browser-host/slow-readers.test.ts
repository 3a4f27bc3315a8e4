// A page or panel that stops reading its bridge (a real client whose TCP socket is paused) must not grow
// the engine's memory: what feeds it waits, nothing is lost, and the engine keeps serving the others
// (docs/architecture.md#threat-model). Real browser host, lab flood and echo on 127.0.0.1.
import { connect as connectTcp, type Socket } from 'node:net';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { unpackEngineLinkMessage, type EngineMessage } from '../../shared/my-wire';
import type { PanelMessage } from '../../shared/panel-wire';
import { createCaptureLog } from '../core/capture-log';
import { createEngine } from '../core/engine';
import type { Engine } from '../core/ports';
import { startLabServer, type LabServer } from '../lab/lab-server';
import { startBrowserHost, type BrowserHost } from './index';
import { miniappBridgeUrl, panelBridgeUrl, waitFor } from './test-support/host-clients';
import { createHostOutDir } from './test-support/host-out-dir';

const BOUND = 1024 * 1024;
const FLOOD_FRAMES = 3000;
const FRAME_BYTES = 64 * 1024;

let base: string;
let lab: LabServer;
let engine: Engine;
let host: BrowserHost;
const clients: WebSocket[] = [];

beforeAll(async () => {
  const made = await createHostOutDir('msd-slow-readers-');
  base = made.base;
  lab = await startLabServer();
  engine = createEngine({ capture: createCaptureLog() });
  host = await startBrowserHost({ engine, outDir: made.outDir, slowReaderBytes: BOUND });
});

afterAll(async () => {
  clients.forEach((client) => client.terminate());
  await host.close();
  await engine.shutdown();
  await lab.close();
  await rm(base, { recursive: true, force: true });
});

/** A bridge client whose TCP socket the test can stop reading (`tcp.pause()`) and read again. */
async function openClient<Message>(url: string, origin: string, unpack: (raw: unknown) => readonly unknown[]) {
  let tcp: Socket | undefined;
  const socket = new WebSocket(url, {
    origin,
    createConnection: (options: { port?: number | string | null }) => {
      tcp = connectTcp({ host: '127.0.0.1', port: Number(options.port) });
      return tcp;
    },
  });
  clients.push(socket);
  const received: Message[] = [];
  let bytes = 0;
  socket.on('message', (data: Buffer) => {
    bytes += data.length;
    received.push(...(unpack(JSON.parse(data.toString())) as Message[]));
  });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  if (!tcp) throw new Error('no TCP socket');
  return { socket, tcp, received, bytes: () => bytes };
}

const openPage = async () => openClient<EngineMessage>(await miniappBridgeUrl(host), 'null', unpackEngineLinkMessage);

function incomingFrames(): number {
  return [...engine.capture.from(0)].filter((entry) => entry.kind === 'frame' && entry.direction === 'in').length;
}

function boundWarnings(who: string) {
  return [...engine.capture.from(0)].filter((entry) => entry.name === 'client-bound' && entry.errorMessage?.includes(`The ${who} is not reading`));
}

describe('a page that stops reading its bridge', () => {
  it('holds the flood at the server, keeps memory bounded, lets other pages work, and loses nothing once it reads again', async () => {
    const slow = await openPage();
    slow.tcp.pause();
    const rssBefore = process.memoryUsage().rss;
    const flood = `${lab.url('flood').split('?')[0]}?count=${FLOOD_FRAMES}&size=${FRAME_BYTES}&rate=0`;
    slow.socket.send(JSON.stringify({ op: 'connect', callId: 1, target: null, options: { url: flood } }));
    await waitFor(() => (boundWarnings('page').length > 0 ? true : undefined), 'the bound warning');
    // Held: after a second the flood has not advanced; a few MB are in flight (bound plus socket buffers), not 192 MB.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const held = incomingFrames();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(incomingFrames()).toBe(held);
    expect(held).toBeLessThan(FLOOD_FRAMES / 4);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024);
    expect(boundWarnings('page')[0]?.detail).toMatchObject({ bound: 'bytes buffered', limit: BOUND });

    // Another page is served meanwhile.
    const other = await openPage();
    other.socket.send(JSON.stringify({ op: 'connect', callId: 1, target: null, options: { url: lab.url('echo') } }));
    await waitFor(() => other.received.find((m) => m.kind === 'event' && m.payload.event === 'open'), 'open');
    other.socket.send(JSON.stringify({ op: 'send', callId: 2, target: null, options: { data: 'still here' } }));
    await waitFor(() => other.received.find((m) => m.kind === 'event' && m.payload.event === 'message'), 'echo');

    // Reading again: every frame arrives, in order.
    slow.tcp.resume();
    const messages = await waitFor(() => {
      const found = slow.received.filter((m) => m.kind === 'event' && m.payload.event === 'message');
      return found.length === FLOOD_FRAMES ? found : undefined;
    }, 'the whole flood', 120_000);
    const seqs = messages.map((m) => (m.kind === 'event' && m.payload.event === 'message' ? Number.parseInt(String(m.payload.data), 10) : -1));
    expect(seqs).toEqual(Array.from({ length: FLOOD_FRAMES }, (_, index) => index));
  }, 150_000);
});

describe('a panel that stops reading its bridge', () => {
  it('gets no state pushes while it lags, then the newest state', async () => {
    const panel = await openClient<PanelMessage>(await panelBridgeUrl(host), new URL(host.panelUrl).origin, (raw) => [raw as PanelMessage]);
    panel.socket.send(JSON.stringify({ kind: 'subscribe' }));
    await waitFor(() => panel.received.find((m) => m.kind === 'state'), 'the first state');
    panel.tcp.pause();
    const page = await openPage();
    // 1000 listener keys make each state push about 30 KB; 1000 changes in 1000 ticks would be ~30 MB of pushes.
    for (let task = 0; task < 1000; task += 1) page.socket.send(JSON.stringify({ op: 'listen', target: `t${task}`, event: 'message', action: 'on', count: 1, sameFunctionCount: 1 }));
    const changes = 1000;
    for (let count = 2; count <= changes; count += 1) {
      page.socket.send(JSON.stringify({ op: 'listen', target: 't0', event: 'message', action: 'on', count, sameFunctionCount: 1 }));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await waitFor(() => (boundWarnings('panel').length > 0 ? true : undefined), 'the panel bound warning');
    const statesBefore = panel.received.filter((m) => m.kind === 'state').length;
    panel.tcp.resume();
    const pageId = () => engine.state().clients.find((client) => client.clientId !== 'panel' && client.listeners['t0:message'] === changes)?.clientId;
    await waitFor(pageId, 'the last change in the engine');
    const newest = await waitFor(() => {
      const states = panel.received.filter((m): m is Extract<PanelMessage, { kind: 'state' }> => m.kind === 'state');
      const last = states.at(-1);
      return last?.state.clients.some((client) => client.listeners['t0:message'] === changes) ? states : undefined;
    }, 'the newest state', 30_000);
    // Pushes made while it lagged were not sent: far fewer states than changes reached it.
    expect(newest.length - statesBefore).toBeLessThan(changes / 2);
    page.socket.close();
  }, 60_000);
});
