// One test per error code 1-12, each from its real condition (lab endpoints, real TLS, real TCP resets),
// asserting the code, the channel (fail of the call vs error event then close) and the full event order.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { frameHeader, writeSwitchingProtocols } from '../lab/raw-handshake';
import { labPerFile } from '../lab/test-support/lab-per-file';
import type { CaptureEntry } from '../../shared/capture';
import { sanitizeOptions } from '../../shared/my/sanitize';
import type { EngineSettings } from '../../shared/settings';
import type { WireTestClient } from './test-support/wire-test-client';
import { attachWireTestClient } from './test-support/wire-test-client';
import { engineEachTest } from './test-support/engine-per-test';

const lab = labPerFile();
const engines = engineEachTest();

function setup(settings: Partial<EngineSettings> = {}): WireTestClient {
  return attachWireTestClient(engines.create(settings));
}

function errorEntries(): CaptureEntry[] {
  return [...engines.current().capture.from(0)].filter((entry) => entry.kind === 'error');
}

async function expectFail(client: WireTestClient, op: 'connect' | 'send' | 'close', options: Parameters<WireTestClient['call']>[1], code: number, text?: string | RegExp) {
  const callId = client.call(op, options);
  const result = await client.result(callId);
  expect(result).toMatchObject({ ok: false, error: code });
  if (result.ok) throw new Error('expected a failure');
  if (text) expect(result.errorMessage).toMatch(text);
  return result;
}

/** Connect to `url`, then the handshake fails: success, then error:<code>, then close:1006, nothing else. */
async function expectHandshakeError(client: WireTestClient, options: Parameters<WireTestClient['call']>[1], code: number) {
  const callId = client.call('connect', options);
  const closed = await client.event(null, 'close');
  expect(closed.payload).toMatchObject({ code: 1006 });
  expect(client.trace()).toEqual([`ok#${callId}`, `error:${code}`, 'close:1006']);
  const error = client.messages.find((m) => m.kind === 'event' && m.payload.event === 'error');
  if (error?.kind !== 'event' || error.payload.event !== 'error') throw new Error('no error event');
  return error.payload;
}

describe('error 1: unknown error', () => {
  it('a refused port: success, error 1 with ECONNREFUSED kept as cause, close 1006', async () => {
    const client = setup();
    const error = await expectHandshakeError(client, { url: lab.url('refused') }, 1);
    expect(error.errorMessage).toMatch(/^An unknown error\. \(.*ECONNREFUSED/);
    expect(errorEntries()[0]).toMatchObject({ errorCode: 1, cause: expect.stringContaining('ECONNREFUSED') });
  });

  it('an HTTP 503 answer to the upgrade keeps the status', async () => {
    const client = setup();
    const error = await expectHandshakeError(client, { url: lab.url('http-503') }, 1);
    expect(error.errorMessage).toBe('An unknown error. (Unexpected server response: 503)');
    expect(errorEntries()[0]).toMatchObject({ errorCode: 1, cause: 'HTTP 503', detail: expect.objectContaining({ httpStatus: 503 }) });
  });

  it('an abrupt drop after open: open, then error 1 (connection lost), then close 1006', async () => {
    const client = setup();
    const callId = client.call('connect', { url: lab.url('drop').replace('after=200', 'after=50') });
    await client.event(null, 'close');
    expect(client.trace()).toEqual([`ok#${callId}`, 'open', 'error:1', 'close:1006']);
    const error = client.messages.find((m) => m.kind === 'event' && m.payload.event === 'error');
    expect(error?.kind === 'event' && error.payload).toMatchObject({ errorMessage: 'An unknown error. (connection lost)' });
  });

  it('a protocol violation after open (a text frame with invalid UTF-8): open, error 1, close', async () => {
    const server = createServer();
    server.on('upgrade', (request, socket) => {
      writeSwitchingProtocols(socket, request);
      const payload = Buffer.from([0x68, 0x69, 0xff, 0xfe]);
      socket.write(Buffer.concat([frameHeader(payload.length), payload]));
      socket.on('data', () => socket.end());
      socket.on('error', () => socket.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    try {
      const client = setup();
      const callId = client.call('connect', { url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/` });
      await client.event(null, 'close');
      // ws answers the bad frame with a 1007 close frame: that is the code the app hears.
      expect(client.trace()).toEqual([`ok#${callId}`, 'open', 'error:1', 'close:1007']);
      expect(errorEntries()[0]).toMatchObject({ errorCode: 1, cause: expect.stringContaining('WS_ERR_INVALID_UTF8') });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('wrong argument types fail the call with 1 and a clear message, without a socket', async () => {
    const client = setup();
    await expectFail(client, 'connect', { url: lab.url('echo'), timeout: 'soon' }, 1, /timeout must be a number/);
    await expectFail(client, 'connect', { url: lab.url('echo'), protocols: 7 }, 1, /protocols must be an array of strings/);
    await expectFail(client, 'connect', { url: lab.url('echo'), header: 'x-a: 1' }, 1, /header must be an object/);
    await expectFail(client, 'connect', { url: lab.url('echo'), protocols: ['good', 'bad token'] }, 1, /subprotocol "bad token" is not a valid token/);
    const hugeHeader = Object.fromEntries(Array.from({ length: 1500 }, (_, index) => [`x-h${index}`, 'v']));
    const asMySendsIt = sanitizeOptions({ url: lab.url('echo'), header: hugeHeader });
    await expectFail(client, 'connect', asMySendsIt as Parameters<WireTestClient['call']>[1], 1, 'An unknown error. (header has more than 1000 names (500 more keys were cut by my); no server accepts a handshake that large)');
    expect(engines.current().state().connections).toEqual([]);
  });
});

describe('error 2: a connection already exists', () => {
  it('policy reject: the second single-mode connect fails with 2 and the first connection keeps working', async () => {
    const client = setup({ singleModePolicy: 'reject' });
    const first = client.call('connect', { url: lab.url('echo') });
    await client.event(null, 'open');
    await expectFail(client, 'connect', { url: lab.url('echo') }, 2, /^A network connection already exists\.$/);
    const sendId = client.call('send', { data: 'still here' });
    await client.result(sendId);
    await client.event(null, 'message');
    expect(client.trace()).toEqual([`ok#${first}`, 'open', `fail#2:2`, `ok#${sendId}`, 'message']);
    expect([...engines.current().capture.from(0)].some((e) => e.kind === 'warning' && e.name === 'second-single-connect')).toBe(true);
  });
});

describe('error 3: the URL is null', () => {
  it.each([[{}], [{ url: null }], [{ url: '' }], [{ url: 42 }], [null]])('connect %j fails with 3', async (options) => {
    const client = setup();
    await expectFail(client, 'connect', options, 3, /^The URL parameter is null\./);
    expect(client.trace()).toEqual(['fail#1:3']);
  });
});

describe('error 4: unrecognized URL format', () => {
  it.each(['ws://exa mple.com/x', 'no scheme at all', 'ws://', 'ws://host/\tpath'])('connect %j fails with 4', async (url) => {
    const client = setup();
    await expectFail(client, 'connect', { url }, 4, /^An unrecognized URL format\./);
  });

  it('checks after data is appended, which is percent-encoded where a URL needs it', async () => {
    const client = setup();
    const callId = client.call('connect', { url: lab.url('echo'), data: { q: 'a b#c', n: 1 } });
    expect(await client.result(callId)).toMatchObject({ ok: true });
    await client.event(null, 'open');
    expect(engines.current().state().connections[0]?.url).toBe(`${lab.url('echo')}?q=a%20b%23c&n=1`);
  });
});

describe('error 5: the URL must start with ws or wss', () => {
  it.each(['http://127.0.0.1/echo', 'https://127.0.0.1/echo', 'ws+unix:/tmp/socket', 'ftp://127.0.0.1/'])('connect %j fails with 5 before ws could rewrite it', async (url) => {
    const client = setup();
    await expectFail(client, 'connect', { url }, 5, /^The URL must start with WS or WSS\./);
  });

  it('strict wss refuses ws:', async () => {
    const client = setup({ strictWss: true });
    await expectFail(client, 'connect', { url: lab.url('echo') }, 5, /strict wss/);
  });
});

describe('error 6: connection timed out', () => {
  it('the silent endpoint never answers: success, error 6, close 1006', async () => {
    const client = setup();
    const error = await expectHandshakeError(client, { url: lab.url('silent'), timeout: 300 }, 6);
    expect(error.errorMessage).toMatch(/^Connection timed out\./);
  });

  it('the settings timeout applies when the call gives none', async () => {
    const client = setup({ connectTimeoutMs: 300 });
    await expectHandshakeError(client, { url: lab.url('silent') }, 6);
  });
});

describe('error 7: invalid certificate', () => {
  it('the self-signed wss endpoint fails with 7 and the TLS code as cause', async () => {
    const client = setup();
    const error = await expectHandshakeError(client, { url: lab.url('wss-echo') }, 7);
    expect(error.errorMessage).toMatch(/^The HTTPS certificate returned by the server is invalid\./);
    expect(errorEntries()[0]?.cause).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY/);
  });

  it('wss to a plain port is a TLS failure too', async () => {
    const client = setup();
    await expectHandshakeError(client, { url: lab.url('echo').replace('ws://', 'wss://') }, 7);
  });

  it('ignoring certificate errors opens the same endpoint and echoes', async () => {
    const client = setup({ ignoreCertificateErrors: true });
    client.call('connect', { url: lab.url('wss-echo') });
    await client.event(null, 'open');
    client.call('send', { data: 'over tls' });
    expect((await client.event(null, 'message')).payload).toMatchObject({ data: 'over tls' });
  });
});

describe('error 8: invalid protocol header from the server', () => {
  it('a wrong Sec-WebSocket-Accept fails with 8', async () => {
    const client = setup();
    const error = await expectHandshakeError(client, { url: lab.url('bad-accept') }, 8);
    expect(error.errorMessage).toBe('The protocol header returned by the server is invalid. (Invalid Sec-WebSocket-Accept header)');
  });
});

describe('error 9: subprotocol not requested', () => {
  it('the server picks a subprotocol none was requested for; the error entry keeps the 101 headers', async () => {
    const client = setup();
    await expectHandshakeError(client, { url: lab.url('unrequested-protocol') }, 9);
    expect(errorEntries()[0]?.detail).toMatchObject({ responseHeaders: expect.objectContaining({ 'sec-websocket-protocol': 'lab-unrequested-protocol' }) });
  });

  it('the server picks a subprotocol other than the requested ones', async () => {
    const client = setup();
    await expectHandshakeError(client, { url: lab.url('unrequested-protocol'), protocols: ['mqtt'] }, 9);
  });

  it('a Sec-WebSocket-Protocol header is passed as a real subprotocol, so a matching server opens', async () => {
    const client = setup();
    client.call('connect', { url: lab.url('echo'), header: { 'Sec-WebSocket-Protocol': 'mqtt, mqttv3.1,' } });
    await client.event(null, 'open');
    expect(engines.current().state().connections[0]).toMatchObject({ protocol: 'mqtt', requestedProtocols: ['mqtt', 'mqttv3.1'] });
  });
});

describe('error 10: cannot send until the connection is open', () => {
  it('send with no connection, while connecting and after close all fail with 10', async () => {
    const client = setup();
    await expectFail(client, 'send', { data: 'too early' }, 10, /^The network is not available and the message cannot be sent\./);
    client.call('connect', { url: lab.url('silent'), timeout: 5000 });
    await expectFail(client, 'send', { data: 'still connecting' }, 10, /CONNECTING/);
    client.call('close', {});
    await client.event(null, 'close');
    await expectFail(client, 'send', { data: 'too late' }, 10);
    const warnings = [...engines.current().capture.from(0)].filter((e) => e.name === 'send-before-open');
    expect(warnings).toHaveLength(3);
  });
});

describe('error 11: failed to send', () => {
  it('a large send in flight when the server resets the TCP connection fails with 11', async () => {
    const client = setup();
    client.call('connect', { url: lab.url('reset-on-write') });
    await client.event(null, 'open');
    const big = Buffer.alloc(16 * 1024 * 1024, 7).toString('base64');
    const sendId = client.call('send', { data: big, isBuffer: true });
    const result = await client.result(sendId);
    expect(result).toMatchObject({ ok: false, error: 11 });
    if (result.ok) return;
    expect(result.errorMessage).toMatch(/^Failed to send message\. \(/);
    const closed = await client.event(null, 'close');
    expect(closed.payload).toMatchObject({ code: 1006 });
    expect(client.trace().at(-1)).toBe('close:1006');
  });
});

describe('error 12: message too large', () => {
  it('a message over the configured limit: open, error 12, then close', async () => {
    const client = setup({ maxIncomingMessageBytes: 64 * 1024 });
    const callId = client.call('connect', { url: lab.url('oversized').replace(/bytes=\d+/, `bytes=${64 * 1024 + 1}`) });
    const closed = await client.event(null, 'close');
    expect(closed.payload).toEqual({ event: 'close', code: 1009, reason: '' });
    expect(client.trace()).toEqual([`ok#${callId}`, 'open', 'error:12', 'close:1009']);
    expect(errorEntries()[0]).toMatchObject({ errorCode: 12, cause: expect.stringContaining('WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') });
  });

  it('the close code is the 1009 ws really sent: the server receives it, the capture shows it sent', async () => {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const serverHeard = new Promise<number>((resolve) => {
      server.on('connection', (socket) => {
        socket.on('error', () => undefined);
        socket.on('close', (code) => resolve(code));
        socket.send('y'.repeat(4096));
      });
    });
    try {
      const client = setup({ maxIncomingMessageBytes: 1024 });
      const callId = client.call('connect', { url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/` });
      await client.event(null, 'close');
      expect(client.trace()).toEqual([`ok#${callId}`, 'open', 'error:12', 'close:1009']);
      expect(await serverHeard).toBe(1009);
      const entries = [...engines.current().capture.from(0)];
      const closeFrames = entries.filter((entry) => entry.kind === 'frame' && entry.name === 'close');
      expect(closeFrames.map((entry) => [entry.direction, entry.detail?.code])).toEqual([['out', 1009]]);
      const closed = entries.find((entry) => entry.name === 'closed');
      expect(closed?.detail).toMatchObject({ codeSent: 1009, codeDelivered: 1009, codeReceived: 1006, closedFirstBy: 'engine' });
      expect(engines.current().state().connections[0]).toMatchObject({ state: 'CLOSED', closeCode: 1009 });
    } finally {
      for (const socket of server.clients) socket.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('the default limit (16 MiB) against the default oversized endpoint', async () => {
    const client = setup();
    client.call('connect', { url: lab.url('oversized') });
    await client.event(null, 'close');
    expect(client.trace().slice(1, 3)).toEqual(['open', 'error:12']);
  });
});
