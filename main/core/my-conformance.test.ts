// The conformance suite: the same scenarios as the wire tests, driven through the real `my` object
// (createMy over an in-memory transport) into the real engine and real sockets. What a mini-app sees —
// callbacks, listener payloads and their order — is asserted, not the wire.
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LabServer } from '../lab/lab-server';
import { startLabServer } from '../lab/lab-server';
import type { SocketCallFailure, SocketTask } from '../../shared/my';
import type { EngineSettings } from '../../shared/settings';
import type { MyRig } from './test-support/my-rig';
import { createMyRig } from './test-support/my-rig';
import { engineEachTest } from './test-support/engine-per-test';

let lab: LabServer;
const engines = engineEachTest();
let recorder: WebSocketServer;
let recorderUrl: string;
const recorderCloses: number[] = [];

beforeAll(async () => {
  lab = await startLabServer();
  recorder = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => recorder.once('listening', () => resolve()));
  recorderUrl = `ws://127.0.0.1:${(recorder.address() as AddressInfo).port}/`;
  recorder.on('connection', (socket) => socket.on('close', (code) => recorderCloses.push(code)));
});
afterAll(async () => {
  recorder.clients.forEach((client) => client.terminate());
  await new Promise<void>((resolve) => recorder.close(() => resolve()));
  await lab.close();
});
afterEach(() => {
  recorderCloses.length = 0;
});

function rig(settings: Partial<EngineSettings> = {}): MyRig {
  return createMyRig(engines.create(settings));
}

function warningIds(): string[] {
  return [...engines.current().capture.from(0)].filter((entry) => entry.kind === 'warning').map((entry) => entry.name);
}

/** connectSocket to `url`, expecting the handshake to fail with `code`. */
async function expectHandshakeError(r: MyRig, options: Record<string, unknown>, code: number): Promise<void> {
  r.listenGlobally();
  r.my.connectSocket({ ...(options as { url: string }), ...r.callbacks('connect') });
  await r.until(() => r.log.some((line) => line.startsWith('close:')), 'close');
  expect(r.log).toEqual(['connect:success', 'connect:complete', `error:${code}`, 'close:1006']);
}

describe('my: the happy path', () => {
  it('connect, open, text and binary echo, close — in order, with the documented payloads', async () => {
    const r = rig();
    r.listenGlobally();
    r.my.connectSocket({ url: lab.url('echo'), ...r.callbacks('connect') });
    await r.until(() => r.log.includes('open'), 'open');
    const sent = await r.my.sendSocketMessage({ data: 'hi' });
    expect(sent).toEqual({ success: true });
    await r.until(() => r.log.includes('message:text:hi'), 'text echo');
    const base64 = Buffer.from([1, 2, 3, 254]).toString('base64');
    await r.my.sendSocketMessage({ data: base64, isBuffer: true });
    await r.until(() => r.log.includes(`message:bin:${base64}`), 'binary echo');
    await r.my.sendSocketMessage({ data: new Uint8Array([7, 7]).buffer });
    await r.until(() => r.log.includes(`message:bin:${Buffer.from([7, 7]).toString('base64')}`), 'ArrayBuffer echo');
    expect(await r.my.closeSocket()).toEqual({ message: '' });
    await r.until(() => r.log.includes('close:1000'), 'close');
    expect(r.log).toEqual(['connect:success', 'connect:complete', 'open', 'message:text:hi', `message:bin:${base64}`, 'message:bin:Bwc=', 'close:1000']);
    expect(warningIds()).toContain('arraybuffer-sent');
  });

  it('a 1 MiB message round-trips', async () => {
    const r = rig();
    let received = '';
    r.my.onSocketOpen(() => r.log.push('open'));
    r.my.onSocketMessage((event) => {
      received = String(event.data);
    });
    r.my.connectSocket({ url: lab.url('echo') });
    await r.until(() => r.log.includes('open'), 'open');
    const big = 'x'.repeat(1024 * 1024);
    await r.my.sendSocketMessage({ data: big });
    await r.until(() => received.length === big.length, '1 MiB echo');
    expect(received === big).toBe(true);
  });
});

describe('my: error codes 1-12 from real conditions', () => {
  it('1: a refused port', async () => {
    await expectHandshakeError(rig(), { url: lab.url('refused') }, 1);
  });

  it('1: HTTP 503, with the status in errorMessage', async () => {
    const r = rig();
    let message = '';
    r.my.onSocketError((event) => {
      message = event.errorMessage;
    });
    await expectHandshakeError(r, { url: lab.url('http-503') }, 1);
    expect(message).toContain('503');
  });

  it('1: an abrupt drop after open — error then close 1006', async () => {
    const r = rig();
    r.listenGlobally();
    r.my.connectSocket({ url: lab.url('drop').replace('after=200', 'after=30') });
    await r.until(() => r.log.includes('close:1006'), 'close');
    expect(r.log).toEqual(['open', 'error:1', 'close:1006']);
  });

  it('2: a second connect with policy reject fails with 2 and the first stays open', async () => {
    const r = rig({ singleModePolicy: 'reject' });
    r.listenGlobally();
    r.my.connectSocket({ url: lab.url('echo') });
    await r.until(() => r.log.includes('open'), 'open');
    r.my.connectSocket({ url: lab.url('echo'), ...r.callbacks('second') });
    await r.until(() => r.log.includes('second:complete'), 'second connect');
    await r.my.sendSocketMessage({ data: 'first still works' });
    await r.until(() => r.log.includes('message:text:first still works'), 'echo');
    expect(r.log).toEqual(['open', 'second:fail:2', 'second:complete', 'message:text:first still works']);
  });

  it.each([
    [3, {}],
    [3, { url: '' }],
    [4, { url: 'ws://bad host/' }],
    [5, { url: 'https://127.0.0.1/' }],
  ])('%i: connectSocket(%j) fails, then complete, and no socket event', async (code, options) => {
    const r = rig();
    r.listenGlobally();
    r.my.connectSocket({ ...(options as { url: string }), ...r.callbacks('connect') });
    await r.until(() => r.log.includes('connect:complete'), 'complete');
    expect(r.log).toEqual([`connect:fail:${code}`, 'connect:complete']);
  });

  it('5: strict wss refuses ws:', async () => {
    const r = rig({ strictWss: true });
    r.my.connectSocket({ url: lab.url('echo'), ...r.callbacks('connect') });
    await r.until(() => r.log.includes('connect:complete'), 'complete');
    expect(r.log).toEqual(['connect:fail:5', 'connect:complete']);
  });

  it('6: the silent endpoint times out', async () => {
    await expectHandshakeError(rig(), { url: lab.url('silent'), timeout: 300 }, 6);
  });

  it('7: a self-signed certificate', async () => {
    await expectHandshakeError(rig(), { url: lab.url('wss-echo') }, 7);
  });

  it('8: a bad Sec-WebSocket-Accept', async () => {
    await expectHandshakeError(rig(), { url: lab.url('bad-accept') }, 8);
  });

  it('9: an unrequested subprotocol', async () => {
    await expectHandshakeError(rig(), { url: lab.url('unrequested-protocol') }, 9);
  });

  it('10: send before open fails (promise rejects, fail and complete run)', async () => {
    const r = rig();
    r.my.connectSocket({ url: lab.url('silent'), timeout: 5000 });
    const failure = await r.my.sendSocketMessage({ data: 'early', ...r.callbacks('send') }).catch((error: SocketCallFailure) => error);
    expect(failure).toMatchObject({ error: 10, errorMessage: expect.stringMatching(/^The network is not available/) });
    expect(r.log).toEqual(['send:fail:10', 'send:complete']);
    expect(warningIds()).toContain('send-before-open');
  });

  it('11: a large send cut off by a TCP reset fails', async () => {
    const r = rig();
    r.listenGlobally();
    r.my.connectSocket({ url: lab.url('reset-on-write') });
    await r.until(() => r.log.includes('open'), 'open');
    const failure = await r.my
      .sendSocketMessage({ data: Buffer.alloc(16 * 1024 * 1024, 1).toString('base64'), isBuffer: true })
      .then(() => undefined)
      .catch((error: SocketCallFailure) => error);
    expect(failure).toMatchObject({ error: 11 });
    await r.until(() => r.log.some((line) => line.startsWith('close:')), 'close');
    expect(r.log.at(-1)).toBe('close:1006');
  });

  it('12: a message over the limit', async () => {
    const r = rig({ maxIncomingMessageBytes: 1000 });
    r.listenGlobally();
    r.my.connectSocket({ url: lab.url('oversized').replace(/bytes=\d+/, 'bytes=1001') });
    await r.until(() => r.log.some((line) => line.startsWith('close:')), 'close');
    expect(r.log).toEqual(['open', 'error:12', 'close:1009']);
  });
});

describe('my: single mode replacement', () => {
  it('the old connection gets exactly one onSocketClose before the new connect succeeds', async () => {
    const r = rig();
    r.listenGlobally();
    r.my.connectSocket({ url: lab.url('echo'), ...r.callbacks('first') });
    await r.until(() => r.log.includes('open'), 'open');
    r.my.connectSocket({ url: lab.url('echo'), ...r.callbacks('second') });
    await r.until(() => r.log.filter((line) => line === 'open').length === 2, 'second open');
    expect(r.log).toEqual(['first:success', 'first:complete', 'open', 'close:1000', 'second:success', 'second:complete', 'open']);
    expect(warningIds()).toContain('second-single-connect');
  });
});

describe('my: task mode', () => {
  it('tasks get their own events with the A10 payloads and never reach the global listeners', async () => {
    const r = rig();
    r.listenGlobally();
    const seen: unknown[] = [];
    const task = r.my.connectSocket({ url: lab.url('echo'), multiple: true });
    task.onOpen((event) => seen.push(['open', event]));
    task.onMessage((event) => seen.push(['message', event]));
    task.onClose((event) => seen.push(['close', event]));
    await r.until(() => seen.length === 1, 'task open');
    await task.send({ data: 'task data' });
    await r.until(() => seen.length === 2, 'task message');
    await task.close({ code: 3000, reason: 'done' });
    await r.until(() => seen.length === 3, 'task close');
    expect(seen).toEqual([
      ['open', { socketTaskID: 'task-1', data: { socketTaskID: 'task-1' } }],
      ['message', { data: 'task data', isBuffer: false, socketTaskID: 'task-1' }],
      ['close', expect.objectContaining({ socketTaskID: 'task-1', data: { socketTaskID: 'task-1' } })],
    ]);
    expect(r.log).toEqual([]);
  });

  it('at most 5 live tasks: the sixth fails with 1; its task is dead (send 10, close success)', async () => {
    const r = rig();
    const tasks: SocketTask[] = [];
    let opened = 0;
    for (let i = 0; i < 5; i += 1) {
      const task = r.my.connectSocket({ url: lab.url('echo'), multiple: true });
      task.onOpen(() => {
        opened += 1;
      });
      tasks.push(task);
    }
    await r.until(() => opened === 5, 'five open');
    const sixth = r.my.connectSocket({ url: lab.url('echo'), multiple: true, ...r.callbacks('sixth') });
    await r.until(() => r.log.includes('sixth:complete'), 'sixth answered');
    expect(r.log).toEqual(['sixth:fail:1', 'sixth:complete']);
    await expect(sixth.send({ data: 'x' })).rejects.toMatchObject({ error: 10 });
    await expect(sixth.close()).resolves.toEqual({ message: '' });
  });

  it('a task handshake error reaches task.onError (A10 shape) then task.onClose', async () => {
    const r = rig();
    const seen: unknown[] = [];
    const task = r.my.connectSocket({ url: lab.url('bad-accept'), multiple: true });
    task.onError((event) => seen.push(['error', event]));
    task.onClose(() => seen.push(['close']));
    await r.until(() => seen.length === 2, 'task error and close');
    expect(seen[0]).toEqual(['error', expect.objectContaining({ error: 8, socketTaskID: 'task-1', data: { socketTaskID: 'task-1' } })]);
    expect(seen[1]).toEqual(['close']);
  });
});

describe('my: close rules', () => {
  it('invalid codes and long reasons fail with 1 and leave the socket open', async () => {
    const r = rig();
    r.listenGlobally();
    r.my.connectSocket({ url: lab.url('echo') });
    await r.until(() => r.log.includes('open'), 'open');
    await expect(r.my.closeSocket({ code: 1005 })).rejects.toMatchObject({ error: 1, errorMessage: 'An unknown error. (closeSocket code 1005 is not allowed)' });
    await expect(r.my.closeSocket({ reason: 'é'.repeat(62) })).rejects.toMatchObject({ error: 1 });
    await r.my.sendSocketMessage({ data: 'alive' });
    await r.until(() => r.log.includes('message:text:alive'), 'still open');
  });

  it('close while connecting: success, complete, then one close 1006 and no error', async () => {
    const r = rig();
    r.listenGlobally();
    r.my.connectSocket({ url: lab.url('silent'), timeout: 300 });
    r.my.closeSocket({ ...r.callbacks('close') });
    await r.until(() => r.log.includes('close:1006'), 'close');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(r.log).toEqual(['close:success', 'close:complete', 'close:1006']);
  });

  it('a server close code and reason are passed through', async () => {
    const r = rig();
    const closes: unknown[] = [];
    r.my.onSocketClose((event) => closes.push(event));
    r.my.connectSocket({ url: lab.url('close') });
    await r.until(() => closes.length === 1, 'close');
    expect(closes).toEqual([{ code: 4000, reason: 'bye' }]);
  });
});

describe('my: misuse is logged, never thrown', () => {
  it('open dispatched to no listener, a piled-up listener and a non-function listener are warnings', async () => {
    const r = rig();
    const onMessage = (): void => undefined;
    r.my.onSocketMessage(onMessage);
    r.my.onSocketMessage(onMessage);
    r.my.onSocketClose('not a function' as never);
    r.my.connectSocket({ url: lab.url('echo') });
    await r.until(() => warningIds().includes('no-listeners'), 'no-listeners warning');
    expect(warningIds()).toEqual(expect.arrayContaining(['listener-pileup', 'listener-not-function', 'no-listeners']));
    expect(engines.current().state().clients[0]?.listeners).toMatchObject({ 'single:message': 2 });
  });

  it('wrong argument types end in fail with a code, never an exception', async () => {
    const r = rig();
    expect(() => r.my.connectSocket(undefined as never)).not.toThrow();
    expect(() => r.my.connectSocket('ws://127.0.0.1/' as never)).not.toThrow();
    await expect(r.my.sendSocketMessage(null as never)).rejects.toMatchObject({ error: 1 });
    await expect(r.my.sendSocketMessage({ data: { not: 'a string' } as never })).rejects.toMatchObject({ error: 1 });
    await expect(r.my.closeSocket({ code: 'x' as never })).rejects.toMatchObject({ error: 1 });
    await expect(r.my.sendSocketMessage({ data: 'x' })).rejects.toMatchObject({ error: 10 });
  });

  it('detach closes the page sockets with 1001 and the app hears nothing more', async () => {
    const r = rig();
    r.listenGlobally();
    r.my.connectSocket({ url: recorderUrl });
    await r.until(() => r.log.includes('open'), 'open');
    r.session.detach('navigation');
    const deadline = Date.now() + 10_000;
    while (recorderCloses.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(recorderCloses).toEqual([1001]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(r.log).toEqual(['open']);
  });
});
