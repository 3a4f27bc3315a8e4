// The lab endpoints seen by a plain `ws` client (not the engine): each one really produces its condition,
// loops stop by themselves, and close() releases everything.
import { connect } from 'node:net';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { floodFrame } from './flood';
import type { LabServer } from './lab-server';
import { startLabServer } from './lab-server';
import { UNREQUESTED_PROTOCOL } from './lab-routes';

let lab: LabServer;

beforeAll(async () => {
  lab = await startLabServer();
});
afterAll(async () => {
  await lab.close();
});

interface Outcome {
  opened: boolean;
  error?: Error & { code?: string };
  code?: number;
  reason?: string;
  messages: { data: Buffer; binary: boolean }[];
}

/** Runs a plain ws client until close, recording what happened. */
function run(url: string, options: WebSocket.ClientOptions = {}, onOpen?: (ws: WebSocket) => void, protocols?: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    const outcome: Outcome = { opened: false, messages: [] };
    const ws = new WebSocket(url, protocols, { handshakeTimeout: 10_000, ...options });
    ws.on('open', () => {
      outcome.opened = true;
      onOpen?.(ws);
    });
    ws.on('message', (data, binary) => outcome.messages.push({ data: data as Buffer, binary }));
    ws.on('error', (error) => {
      outcome.error ??= error;
    });
    ws.on('close', (code, reason) => {
      outcome.code = code;
      outcome.reason = reason.toString();
      resolve(outcome);
    });
  });
}

describe('lab endpoints', () => {
  it('lists every endpoint with a loopback URL and the code it reproduces', () => {
    const byName = Object.fromEntries(lab.endpoints.map((endpoint) => [endpoint.name, endpoint]));
    expect(Object.keys(byName).sort()).toEqual(['bad-accept', 'chat', 'close', 'drop', 'echo', 'flood', 'http-503', 'oversized', 'refused', 'reset-on-write', 'silent', 'slow-open', 'token', 'unrequested-protocol', 'wss-echo'].sort());
    for (const endpoint of lab.endpoints) {
      expect(new URL(endpoint.url).hostname).toBe('127.0.0.1');
      expect(endpoint.description.length).toBeGreaterThan(10);
    }
    expect(Object.fromEntries(lab.endpoints.filter((e) => e.reproduces).map((e) => [e.name, e.reproduces]))).toEqual({
      silent: 6,
      'slow-open': 10,
      'wss-echo': 7,
      'bad-accept': 8,
      'unrequested-protocol': 9,
      'reset-on-write': 11,
      oversized: 12,
      drop: 1,
      'http-503': 1,
      refused: 1,
    });
    expect(() => lab.url('nope')).toThrow(/unknown lab endpoint/);
  });

  it('token: a login answers a fresh token; chat echoes only with an issued token (401 without, or with a made-up one)', async () => {
    const login = async (): Promise<{ token: string; expiresIn: number }> => {
      const response = await fetch(lab.url('token'), { method: 'POST', body: '{"user":"ada"}' });
      expect(response.status).toBe(200);
      return (await response.json()) as { token: string; expiresIn: number };
    };
    const first = await login();
    const second = await login();
    expect(first.token).toMatch(/^[0-9a-f]{24}$/);
    expect(second.token).not.toBe(first.token);
    expect(first.expiresIn).toBe(3600);
    expect((await fetch(lab.url('token'), { method: 'DELETE' })).status).toBe(405);

    const chat = lab.url('chat');
    const open = await run(`${chat}?token=${first.token}`, {}, (ws) => ws.send('hi', () => setTimeout(() => ws.close(1000), 50)));
    expect(open.opened).toBe(true);
    expect(open.messages.map((message) => message.data.toString())).toEqual(['hi']);
    for (const url of [chat, `${chat}?token=made-up`]) {
      const refused = await run(url);
      expect(refused.opened).toBe(false);
      expect(refused.error?.message).toContain('401');
    }
  });

  it('echo returns text and binary as received, and picks the first requested subprotocol', async () => {
    let protocol = '';
    const outcome = await run(
      lab.url('echo'),
      {},
      (ws) => {
        protocol = ws.protocol;
        ws.send('text');
        ws.send(Buffer.from([1, 2, 3]));
        setTimeout(() => ws.close(1000), 100);
      },
      ['first', 'second'],
    );
    expect(protocol).toBe('first');
    expect(outcome.messages.map((m) => [m.binary, m.data.toString('hex')])).toEqual([
      [false, Buffer.from('text').toString('hex')],
      [true, '010203'],
    ]);
  });

  it('slow-open answers the handshake after its delay, then echoes', async () => {
    const started = Date.now();
    let openedAfter = -1;
    const outcome = await run(`${lab.url('slow-open').split('?')[0]}?delay=400`, {}, (ws) => {
      openedAfter = Date.now() - started;
      ws.send('late but here');
      ws.once('message', () => ws.close(1000));
    });
    expect(openedAfter).toBeGreaterThanOrEqual(390);
    expect(outcome.messages.map((m) => m.data.toString())).toEqual(['late but here']);
  });

  it('silent never answers the handshake', async () => {
    const outcome = await run(lab.url('silent'), { handshakeTimeout: 300 });
    expect(outcome.opened).toBe(false);
    expect(outcome.error?.message).toBe('Opening handshake has timed out');
  });

  it('wss-echo has a self-signed certificate: refused by default, echoes when verification is off', async () => {
    const refused = await run(lab.url('wss-echo'));
    expect(refused.opened).toBe(false);
    expect(refused.error?.code).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY/);
    const accepted = await run(lab.url('wss-echo'), { rejectUnauthorized: false }, (ws) => {
      ws.once('message', () => ws.close(1000));
      ws.send('secure');
    });
    expect(accepted.messages[0]?.data.toString()).toBe('secure');
  });

  it('bad-accept, unrequested-protocol and http-503 break the handshake as described', async () => {
    expect((await run(lab.url('bad-accept'))).error?.message).toBe('Invalid Sec-WebSocket-Accept header');
    expect((await run(lab.url('unrequested-protocol'))).error?.message).toBe('Server sent a subprotocol but none was requested');
    expect((await run(lab.url('unrequested-protocol'), {}, undefined, ['mine'])).error?.message).toBe('Server sent an invalid subprotocol');
    expect((await run(lab.url('http-503'))).error?.message).toBe('Unexpected server response: 503');
    expect(UNREQUESTED_PROTOCOL).toBe('lab-unrequested-protocol');
  });

  it('oversized announces a message one byte over the default limit', async () => {
    expect(lab.url('oversized')).toContain(`bytes=${DEFAULT_SETTINGS.maxIncomingMessageBytes + 1}`);
    const outcome = await run(lab.url('oversized').replace(/bytes=\d+/, 'bytes=5000'), { maxPayload: 4999 });
    expect(outcome.opened).toBe(true);
    expect(outcome.error?.code).toBe('WS_ERR_UNSUPPORTED_MESSAGE_LENGTH');
  });

  it('oversized streams the whole message to a client that accepts it', async () => {
    const outcome = await run(lab.url('oversized').replace(/bytes=\d+/, 'bytes=200000'), { maxPayload: 1024 * 1024 });
    expect(outcome.messages).toHaveLength(1);
    expect(outcome.messages[0]?.data.length).toBe(200_000);
    expect(outcome.code).toBe(1000);
  });

  it('drop ends the TCP connection without a close frame', async () => {
    const outcome = await run(lab.url('drop').replace('after=200', 'after=20'));
    expect(outcome.opened).toBe(true);
    expect(outcome.code).toBe(1006);
  });

  it('close sends the chosen code and reason; code=none sends no status', async () => {
    const chosen = await run(`${lab.url('close').split('?')[0]}?code=4123&reason=${encodeURIComponent('再见')}`);
    expect([chosen.code, chosen.reason]).toEqual([4123, '再见']);
    expect((await run(`${lab.url('close').split('?')[0]}?code=none`)).code).toBe(1005);
  });

  it('flood sends exactly count frames in order, then closes when asked', async () => {
    const outcome = await run(`${lab.url('flood').split('?')[0]}?count=2000&size=20&close=1`);
    expect(outcome.code).toBe(1000);
    expect(outcome.messages).toHaveLength(2000);
    outcome.messages.forEach((message, seq) => expect(message.data.toString()).toBe(floodFrame(seq, 20, false)));
  });

  it('flood with a rate stops by itself after count frames', async () => {
    const outcome = await run(`${lab.url('flood').split('?')[0]}?count=30&size=4&rate=300&binary=1&close=1`);
    expect(outcome.messages.map((message) => message.data.readUInt32BE(0))).toEqual([...Array(30).keys()]);
  });

  it('flood frames never drop their sequence number, and binary frames hold at least 4 bytes', () => {
    expect(floodFrame(12, 2, false)).toBe('12:');
    expect((floodFrame(7, 2, true) as Buffer).length).toBe(4);
  });

  it('reset-on-write resets the TCP connection under a pending write', async () => {
    const outcome = await run(lab.url('reset-on-write'), {}, (ws) => ws.send(Buffer.alloc(16 * 1024 * 1024)));
    expect(outcome.opened).toBe(true);
    expect(outcome.code).toBe(1006);
  });

  it('refused is a port nobody listens on', async () => {
    const { port } = new URL(lab.url('refused'));
    const code = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1');
      socket.on('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', (error: Error & { code?: string }) => resolve(error.code ?? ''));
    });
    expect(code).toBe('ECONNREFUSED');
  });

  it('an unknown path answers 404', async () => {
    const outcome = await run(lab.url('echo').replace('/echo', '/nothing-here'));
    expect(outcome.error?.message).toBe('Unexpected server response: 404');
  });
});

describe('lab lifecycle', () => {
  it('close() ends open sockets and frees the ports', async () => {
    const own = await startLabServer();
    const silent = run(own.url('silent'), { handshakeTimeout: 30_000 });
    const echo = run(own.url('echo'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await own.close();
    await Promise.all([silent, echo]);
    const { port } = new URL(own.url('echo'));
    const code = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1');
      socket.on('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', (error: Error & { code?: string }) => resolve(error.code ?? ''));
    });
    expect(code).toBe('ECONNREFUSED');
  });
});
