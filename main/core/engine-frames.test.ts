// Frames both ways (text, base64 binary, 1 MiB, a flood in order), the handshake request the server
// really receives, send argument rules, the capture entries, and garbage input that must never crash.
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LabServer } from '../lab/lab-server';
import { startLabServer } from '../lab/lab-server';
import { createEngine } from './engine';
import { WEBVIEW_USER_AGENT } from './header-rules';
import type { Engine } from './ports';
import type { WireTestClient } from './test-support/wire-test-client';
import { attachWireTestClient } from './test-support/wire-test-client';

let lab: LabServer;
let recorder: WebSocketServer;
let recorderUrl: string;
const requests: { url: string; headers: IncomingHttpHeaders }[] = [];
const serverSockets: WebSocket[] = [];
let engine: Engine | undefined;

beforeAll(async () => {
  lab = await startLabServer();
  recorder = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: (protocols) => [...protocols][0] ?? false });
  await new Promise<void>((resolve) => recorder.once('listening', () => resolve()));
  recorderUrl = `ws://127.0.0.1:${(recorder.address() as AddressInfo).port}/record`;
  recorder.on('connection', (socket, request) => {
    requests.push({ url: request.url ?? '', headers: request.headers });
    serverSockets.push(socket);
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
  requests.length = 0;
  serverSockets.length = 0;
});

function setup(): WireTestClient {
  engine = createEngine();
  return attachWireTestClient(engine);
}

function entries() {
  return [...(engine as Engine).capture.from(0)];
}

function warningIds(): string[] {
  return entries().filter((entry) => entry.kind === 'warning').map((entry) => entry.name);
}

async function openEcho(client: WireTestClient, target: string | null = null): Promise<void> {
  client.call('connect', { url: lab.url('echo') }, target);
  await client.event(target, 'open');
}

describe('messages both ways', () => {
  it('a 1 MiB text message and a 1 MiB binary message round-trip intact', async () => {
    const client = setup();
    await openEcho(client);
    const text = 'ab€'.repeat(350_000); // > 1 MiB of UTF-8
    const textId = client.call('send', { data: text });
    expect(await client.result(textId)).toMatchObject({ ok: true });
    const echoedText = await client.event(null, 'message');
    expect(echoedText.payload.event === 'message' && echoedText.payload.data === text).toBe(true);

    const bytes = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = (i * 31) & 0xff;
    client.call('send', { data: bytes.toString('base64'), isBuffer: true });
    const echoedBinary = await client.waitFor((m) => m.kind === 'event' && m.payload.event === 'message' && m.payload.isBuffer);
    expect(echoedBinary.kind === 'event' && echoedBinary.payload.event === 'message' && Buffer.from(echoedBinary.payload.data, 'base64').equals(bytes)).toBe(true);

    const frames = entries().filter((entry) => entry.kind === 'frame' && entry.opcode !== 8);
    expect(frames.map((frame) => [frame.direction, frame.opcode, frame.size])).toEqual([
      ['out', 1, Buffer.byteLength(text)],
      ['in', 1, Buffer.byteLength(text)],
      ['out', 2, bytes.length],
      ['in', 2, bytes.length],
    ]);
    expect(frames[2]).toMatchObject({ binary: true });
    // The call entry keeps a preview, not the megabyte.
    const sendCall = entries().find((entry) => entry.kind === 'call' && entry.name === 'sendSocketMessage');
    expect(JSON.stringify(sendCall?.detail).length).toBeLessThan(2000);
  });

  it('a flood of 5000 frames arrives complete and in order, in events and in the capture', async () => {
    const client = setup();
    client.call('connect', { url: lab.url('flood').replace(/\?.*$/, '?count=5000&size=32&close=1') });
    await client.event(null, 'close');
    const messages = client.messages.flatMap((m) => (m.kind === 'event' && m.payload.event === 'message' ? [m.payload.data] : []));
    expect(messages).toHaveLength(5000);
    messages.forEach((data, index) => expect(data.startsWith(`${index}:`)).toBe(true));
    const captured = entries().filter((entry) => entry.kind === 'frame' && entry.direction === 'in' && entry.opcode === 1);
    expect(captured.map((entry) => Number(entry.payload?.split(':')[0]))).toEqual(messages.map((_, index) => index));
    expect(client.trace().at(-1)).toBe('close:1000');
  });

  it('ping and pong frames from the server are in the capture', async () => {
    const client = setup();
    client.call('connect', { url: recorderUrl });
    await client.event(null, 'open');
    serverSockets[0]?.ping(Buffer.from('are you there'));
    serverSockets[0]?.pong(Buffer.from('unsolicited'));
    const deadline = Date.now() + 10_000;
    while (entries().filter((entry) => entry.opcode === 9 || entry.opcode === 10).length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    const control = entries().filter((entry) => entry.opcode === 9 || entry.opcode === 10);
    expect(control.map((entry) => [entry.name, entry.direction, entry.size, Buffer.from(entry.payload ?? '', 'base64').toString()])).toEqual([
      ['ping', 'in', 13, 'are you there'],
      ['pong', 'in', 11, 'unsolicited'],
    ]);
  });

  it('binary flood frames carry their sequence number', async () => {
    const client = setup();
    client.call('connect', { url: lab.url('flood').replace(/\?.*$/, '?count=300&size=8&binary=1&close=1') });
    await client.event(null, 'close');
    const seqs = client.messages.flatMap((m) => (m.kind === 'event' && m.payload.event === 'message' ? [Buffer.from(m.payload.data, 'base64').readUInt32BE(0)] : []));
    expect(seqs).toEqual([...Array(300).keys()]);
  });

  it('send argument rules: {$binary} goes out binary with a warning, truthy isBuffer decodes, bad data fails with 1', async () => {
    const client = setup();
    client.call('connect', { url: recorderUrl });
    await client.event(null, 'open');
    const received: { data: Buffer; binary: boolean }[] = [];
    serverSockets[0]?.on('message', (data, binary) => received.push({ data: data as Buffer, binary }));

    expect(await client.result(client.call('send', { data: { $binary: Buffer.from('AB').toString('base64') } }))).toMatchObject({ ok: true });
    expect(await client.result(client.call('send', { data: Buffer.from([9, 8]).toString('base64'), isBuffer: 1 }))).toMatchObject({ ok: true });
    expect(await client.result(client.call('send', { data: '' }))).toMatchObject({ ok: true });
    expect(await client.result(client.call('send', { data: null }))).toMatchObject({ ok: false, error: 1 });
    expect(await client.result(client.call('send', { data: 42 }))).toMatchObject({ ok: false, error: 1 });
    expect(await client.result(client.call('send', {}))).toMatchObject({ ok: false, error: 1 });
    expect(await client.result(client.call('send', 'just a string'))).toMatchObject({ ok: false, error: 1 });
    expect(await client.result(client.call('send', { data: 'not base64!', isBuffer: true }))).toMatchObject({ ok: false, error: 1, errorMessage: expect.stringContaining('base64') });
    const deadline = Date.now() + 10_000;
    while (received.length < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(received.map((r) => [r.binary, [...r.data]])).toEqual([
      [true, [65, 66]],
      [true, [9, 8]],
      [false, []],
    ]);
    expect(warningIds()).toEqual(expect.arrayContaining(['arraybuffer-sent', 'invalid-base64']));
  });

  it('text goes out as text frames holding its UTF-8, at every header size, a lone surrogate as U+FFFD', async () => {
    const client = setup();
    client.call('connect', { url: recorderUrl });
    await client.event(null, 'open');
    const received: { data: Buffer; binary: boolean }[] = [];
    serverSockets[0]?.on('message', (data, binary) => received.push({ data: data as Buffer, binary }));
    const texts = ['hello 世界', 'é'.repeat(100), 'x'.repeat(70_000), 'lone \ud800 surrogate'];
    for (const data of texts) expect(await client.result(client.call('send', { data }))).toMatchObject({ ok: true });
    const deadline = Date.now() + 10_000;
    while (received.length < texts.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(received.map((r) => [r.binary, r.data.toString('hex')])).toEqual(texts.map((text) => [false, Buffer.from(text, 'utf8').toString('hex')]));
    expect(received.at(-1)?.data.toString()).toBe('lone \ufffd surrogate');
  });
});

describe('the handshake request', () => {
  it('appends data, lower-cases headers, drops the handshake-owned ones, sets a webview UA and passes subprotocols', async () => {
    const client = setup();
    client.call('connect', {
      url: recorderUrl,
      data: { user: 'ana', n: 3, obj: { a: 1 } },
      header: { 'X-Token': 'abc', 'X-Num': 5, Host: 'evil', Referer: 'http://x', Origin: 'http://y', 'User-Agent': 'mine', 'Sec-WebSocket-Key': 'k' },
      protocols: ['chat', 'chat', ' v2 '],
    });
    await client.event(null, 'open');
    const request = requests[0];
    expect(request?.url).toBe(`/record?user=ana&n=3&obj=${encodeURIComponent('{"a":1}').replace(/%3A/g, ':').replace(/%2C/g, ',')}`);
    expect(request?.headers).toMatchObject({ 'x-token': 'abc', 'x-num': '5', 'user-agent': WEBVIEW_USER_AGENT, 'sec-websocket-protocol': 'chat,v2' });
    expect(request?.headers.host).toBe(new URL(recorderUrl).host);
    expect(request?.headers.referer).toBeUndefined();
    expect(request?.headers.origin).toBeUndefined();
    expect(warningIds().filter((id) => id === 'header-dropped')).toHaveLength(5);
    expect(engine?.state().connections[0]).toMatchObject({ protocol: 'chat', requestedProtocols: ['chat', 'v2'] });
    const connecting = entries().find((entry) => entry.name === 'connecting');
    expect(connecting?.detail).toMatchObject({ requestedProtocols: ['chat', 'v2'], headers: expect.objectContaining({ 'x-token': 'abc' }) });
    const open = entries().find((entry) => entry.kind === 'lifecycle' && entry.name === 'open');
    expect(open?.detail).toMatchObject({ protocol: 'chat', responseHeaders: expect.objectContaining({ 'sec-websocket-protocol': 'chat', upgrade: 'websocket' }) });
  });

  it('strips a #fragment with a warning and ignores non-object data with a warning', async () => {
    const client = setup();
    client.call('connect', { url: `${recorderUrl}#frag`, data: 'a=1' });
    await client.event(null, 'open');
    expect(requests[0]?.url).toBe('/record');
    expect(warningIds()).toEqual(expect.arrayContaining(['url-fragment', 'data-not-object']));
  });
});

describe('garbage never crashes the engine', () => {
  it('invalid envelopes become warnings, and a numeric callId gets fail 1', async () => {
    const client = setup();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const garbage: unknown[] = [undefined, null, 42, 'text', [], {}, { op: 'explode' }, { op: 'connect' }, { op: 'send', callId: 7 }, { op: 'connect', callId: -1, target: null, options: {} }, cyclic, { op: 'listen', target: null, event: 'nope' }];
    for (const raw of garbage) expect(() => client.session.receive(raw)).not.toThrow();
    expect(client.messages).toEqual([{ kind: 'result', callId: 7, ok: false, error: 1, errorMessage: expect.stringMatching(/^An unknown error\. \(invalid message: /) }]);
    expect(warningIds().filter((id) => id === 'invalid-message')).toHaveLength(garbage.length);

    // Still fully working afterwards.
    await openEcho(client);
    client.call('send', { data: 'alive' });
    expect((await client.event(null, 'message')).payload).toMatchObject({ data: 'alive' });
  });

  it('a client link that throws does not break the engine', async () => {
    engine = createEngine();
    const session = engine.attachClient({
      origin: 'x',
      send: () => {
        throw new Error('link down');
      },
    });
    expect(() => session.receive({ op: 'connect', callId: 1, target: null, options: { url: lab.url('echo') } })).not.toThrow();
    expect(warningIds()).toContain('client-send-failed');
  });
});

describe('listener reports and state', () => {
  it('listen updates counts and warns on pile-up; dispatched reports warn on no listener and on throwing listeners', async () => {
    engine = createEngine();
    let notified = 0;
    engine.onStateChange(() => {
      notified += 1;
    });
    const client = attachWireTestClient(engine, 'http://app', 'app-x');
    client.session.receive({ op: 'listen', target: null, event: 'message', action: 'on', count: 2, sameFunctionCount: 2 });
    client.session.receive({ op: 'listen', target: 'task', event: 'open', action: 'on', count: 1, sameFunctionCount: 1 });
    client.session.receive({ op: 'listen', target: null, event: 'close', action: 'on', count: 0, sameFunctionCount: 0, invalid: 'a string' });
    client.session.receive({ op: 'dispatched', target: null, event: 'open', listeners: 0, thrown: [] });
    client.session.receive({ op: 'dispatched', target: null, event: 'message', listeners: 2, thrown: ['TypeError: x is undefined'] });
    client.session.receive({ op: 'dispatched', target: null, event: 'message', listeners: 2, thrown: [] });
    expect(warningIds()).toEqual(['listener-pileup', 'listener-not-function', 'no-listeners', 'listener-threw']);
    expect(entries().filter((entry) => entry.kind === 'call').map((entry) => entry.name)).toEqual(['onSocketMessage', 'SocketTask.onOpen', 'onSocketClose']);
    expect(engine.state().clients).toEqual([{ clientId: 'app-x', origin: 'http://app', listeners: { 'single:message': 2, 'task:open': 1, 'single:close': 0 } }]);
    await Promise.resolve();
    expect(notified).toBeGreaterThan(0);
  });

  it('settings updates are validated; lab endpoints appear in state', () => {
    engine = createEngine({ settings: { maxTasks: 3 } });
    expect(engine.settings().maxTasks).toBe(3);
    engine.updateSettings({ strictWss: true });
    engine.updateSettings({ maxTasks: -4 } as never);
    expect(engine.settings()).toMatchObject({ strictWss: true, maxTasks: 3 });
    expect(warningIds()).toEqual(['invalid-settings']);
    engine.setLabEndpoints(lab.endpoints);
    expect(engine.state().lab.map((endpoint) => endpoint.name)).toContain('wss-echo');
  });
});
