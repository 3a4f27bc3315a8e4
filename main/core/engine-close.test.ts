// closeSocket rules (docs/behaviour.md#a11-close-code-and-reason-validation, docs/behaviour.md#a12-close-with-no-connection, docs/behaviour.md#a13-close-while-connecting-aborts), server close codes passed through, detach/shutdown with 1001,
// and panel force-close, against the lab and a test-made server that records what it receives.
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LabServer } from '../lab/lab-server';
import { startLabServer } from '../lab/lab-server';
import { createEngine } from './engine';
import type { Engine } from './ports';
import type { WireTestClient } from './test-support/wire-test-client';
import { attachWireTestClient } from './test-support/wire-test-client';

interface ReceivedClose {
  code: number;
  reason: string;
}

let lab: LabServer;
let recorder: WebSocketServer;
let recorderUrl: string;
const receivedCloses: ReceivedClose[] = [];
let engine: Engine | undefined;

beforeAll(async () => {
  lab = await startLabServer();
  recorder = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => recorder.once('listening', () => resolve()));
  recorderUrl = `ws://127.0.0.1:${(recorder.address() as AddressInfo).port}/`;
  recorder.on('connection', (socket) => {
    socket.on('close', (code, reason) => receivedCloses.push({ code, reason: reason.toString() }));
  });
});
afterAll(async () => {
  recorder.clients.forEach((client) => client.terminate());
  await new Promise<void>((resolve) => recorder.close(() => resolve()));
  await lab.close();
});
afterEach(async () => {
  await engine?.shutdown();
  engine = undefined;
  receivedCloses.length = 0;
});

function setup(): WireTestClient {
  engine = createEngine();
  return attachWireTestClient(engine);
}

function warningIds(): string[] {
  return [...(engine as Engine).capture.from(0)].filter((entry) => entry.kind === 'warning').map((entry) => entry.name);
}

async function openClient(url = recorderUrl, target: string | null = null): Promise<WireTestClient> {
  const client = setup();
  client.call('connect', { url }, target);
  await client.event(target, 'open');
  return client;
}

async function waitForServerClose(count = 1): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (receivedCloses.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('closeSocket arguments', () => {
  it('default code 1000 is sent explicitly (the server never sees 1005)', async () => {
    const client = await openClient();
    const closeId = client.call('close', {});
    expect(await client.result(closeId)).toEqual({ kind: 'result', callId: closeId, ok: true, payload: { message: '' } });
    expect((await client.event(null, 'close')).payload).toEqual({ event: 'close', code: 1000, reason: '' });
    await waitForServerClose();
    expect(receivedCloses).toEqual([{ code: 1000, reason: '' }]);
  });

  it('a chosen application code and a reason reach the server', async () => {
    const client = await openClient();
    client.call('close', { code: 4321, reason: '再见 bye' });
    await client.event(null, 'close');
    await waitForServerClose();
    expect(receivedCloses).toEqual([{ code: 4321, reason: '再见 bye' }]);
  });

  it.each([1004, 1005, 1006, 1015, 999, 2000, 5000, 1000.5])('code %s fails with 1 and leaves the socket open', async (code) => {
    const client = await openClient(lab.url('echo'));
    const closeId = client.call('close', { code });
    const result = await client.result(closeId);
    expect(result).toMatchObject({ ok: false, error: 1 });
    if (!result.ok) expect(result.errorMessage).toMatch(/^An unknown error\. \(closeSocket code/);
    const sendId = client.call('send', { data: 'still open' });
    expect(await client.result(sendId)).toMatchObject({ ok: true });
    await client.event(null, 'message');
    expect(engine?.state().connections[0]?.state).toBe('OPEN');
  });

  it('a reason over 123 UTF-8 bytes fails with 1 (41 CJK characters = 123 bytes pass, 42 fail)', async () => {
    const client = await openClient();
    const tooLong = client.call('close', { reason: '长'.repeat(42) });
    expect(await client.result(tooLong)).toMatchObject({ ok: false, error: 1, errorMessage: expect.stringContaining('126 UTF-8 bytes') });
    expect(warningIds()).toContain('reason-too-long');
    const fits = client.call('close', { reason: '长'.repeat(41) });
    expect(await client.result(fits)).toMatchObject({ ok: true });
    await client.event(null, 'close');
    await waitForServerClose();
    expect(receivedCloses[0]?.reason).toBe('长'.repeat(41));
  });

  it('a valid code browsers refuse (1001-1003, 1007-1014) is sent with a warning', async () => {
    const client = await openClient();
    client.call('close', { code: 1008, reason: 'policy' });
    await client.event(null, 'close');
    await waitForServerClose();
    expect(receivedCloses).toEqual([{ code: 1008, reason: 'policy' }]);
    expect(warningIds()).toContain('close-code-browser-rejects');
  });

  it('wrong types fail with 1', async () => {
    const client = await openClient();
    expect(await client.result(client.call('close', { code: '1000' }))).toMatchObject({ ok: false, error: 1 });
    expect(await client.result(client.call('close', { reason: 42 }))).toMatchObject({ ok: false, error: 1 });
  });
});

describe('close in other states', () => {
  it('a message that arrives while CLOSING is still delivered, before the close event', async () => {
    const client = setup();
    client.call('connect', { url: lab.url('echo') });
    await client.event(null, 'open');
    const send = client.call('send', { data: 'last words' });
    const close = client.call('close', {});
    await client.event(null, 'close');
    expect(client.trace().slice(2)).toEqual([`ok#${close}`, `ok#${send}`, 'message', 'close:1000']);
  });

  it('during CONNECTING: success, then exactly one close 1006, no error event', async () => {
    const client = setup();
    const connectId = client.call('connect', { url: lab.url('silent'), timeout: 300 });
    const closeId = client.call('close', {});
    await client.event(null, 'close');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(client.trace()).toEqual([`ok#${connectId}`, `ok#${closeId}`, 'close:1006']);
    expect(warningIds()).toContain('close-before-open');
  });

  it('with no connection: success and a warning', async () => {
    const client = setup();
    expect(await client.result(client.call('close', {}))).toEqual({ kind: 'result', callId: 1, ok: true, payload: { message: '' } });
    expect(warningIds()).toEqual(['close-without-connection']);
  });

  it('a second close while CLOSING succeeds and does not produce a second close event', async () => {
    const client = await openClient();
    const first = client.call('close', {});
    const second = client.call('close', { code: 4000 });
    await client.event(null, 'close');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(client.trace().slice(2)).toEqual([`ok#${first}`, `ok#${second}`, 'close:1000']);
  });
});

describe('server-initiated close', () => {
  it.each([
    ['code=4000&reason=bye', 4000, 'bye'],
    ['code=1001&reason=restart', 1001, 'restart'],
    ['code=3999', 3999, ''],
    ['code=none', 1005, ''],
  ])('/close?%s reaches the app as close %i', async (query, code, reason) => {
    const client = setup();
    const connectId = client.call('connect', { url: lab.url('close').replace(/\?.*$/, `?${query}`) });
    const closed = await client.event(null, 'close');
    expect(closed.payload).toEqual({ event: 'close', code, reason });
    expect(client.trace()).toEqual([`ok#${connectId}`, 'open', `close:${code}`]);
    const closedEntry = [...(engine as Engine).capture.from(0)].find((entry) => entry.kind === 'lifecycle' && entry.name === 'closed');
    expect(closedEntry?.detail).toMatchObject({ codeReceived: code, closedFirstBy: 'server' });
  });
});

describe('detach, shutdown and force-close', () => {
  it('detach closes every socket of the client with 1001 going away and sends nothing more', async () => {
    const client = setup();
    client.call('connect', { url: recorderUrl });
    client.call('connect', { url: recorderUrl }, 'task');
    await client.event(null, 'open');
    await client.event('task', 'open');
    const before = client.messages.length;
    client.session.detach('page reloaded');
    await waitForServerClose(2);
    expect(receivedCloses).toEqual([
      { code: 1001, reason: 'going away' },
      { code: 1001, reason: 'going away' },
    ]);
    client.session.receive({ op: 'send', callId: 99, target: null, options: { data: 'ignored' } });
    expect(client.messages.length).toBe(before);
    const closedEntries = [...(engine as Engine).capture.from(0)].filter((entry) => entry.name === 'closed');
    expect(closedEntries.map((entry) => entry.detail?.why)).toEqual(['client detached: page reloaded', 'client detached: page reloaded']);
    expect(engine?.state().clients).toEqual([]);
  });

  it('shutdown closes everyone with 1001 and resolves once the sockets are closed', async () => {
    engine = createEngine();
    const one = attachWireTestClient(engine);
    const two = attachWireTestClient(engine);
    one.call('connect', { url: recorderUrl });
    two.call('connect', { url: recorderUrl });
    await one.event(null, 'open');
    await two.event(null, 'open');
    await engine.shutdown();
    await waitForServerClose(2);
    expect(receivedCloses.map((close) => close.code)).toEqual([1001, 1001]);
    expect(engine.state().connections.every((connection) => connection.state === 'CLOSED')).toBe(true);
  });

  it('force-close from the panel closes an OPEN connection with the given code; the app sees the close', async () => {
    const client = await openClient();
    engine?.forceClose('s1', 4999, 'panel says bye');
    expect((await client.event(null, 'close')).payload).toMatchObject({ code: 4999 });
    await waitForServerClose();
    expect(receivedCloses).toEqual([{ code: 4999, reason: 'panel says bye' }]);
  });

  it('force-close of a CONNECTING connection delivers close 1006 without an error', async () => {
    const client = setup();
    client.call('connect', { url: lab.url('silent'), timeout: 5000 });
    engine?.forceClose('s1');
    await client.event(null, 'close');
    expect(client.trace()).toEqual(['ok#1', 'close:1006']);
  });
});
