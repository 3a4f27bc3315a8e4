// Replay endpoints against plain `ws` clients on 127.0.0.1: recordings made by the real engine (an echo
// exchange with text and binary, a lab flood that the server closes) come back exactly, in order, with the
// recorded close; speed factors, app-message matching, drops, subprotocols, stop and unknown ids.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ReplayEndpoint, ReplayOptions, ReplayRecording, ReplayStep } from '../../shared/replay';
import { recordingFromEntries } from '../../shared/replay';
import { createEngine } from '../core/engine';
import type { ReplayRegistry } from '../core/replay-registry';
import { attachWireTestClient } from '../core/test-support/wire-test-client';
import type { LabServer } from '../lab/lab-server';
import { startLabServer } from '../lab/lab-server';
import { MAX_REPLAYS, createReplayServer } from './replay-server';

const AS_FAST_AS_POSSIBLE: ReplayOptions = { speed: 0, matchSent: false };

let lab: LabServer;
let replays: ReplayRegistry;
beforeAll(async () => {
  lab = await startLabServer();
});
afterAll(async () => {
  await lab?.close();
});
afterEach(async () => {
  await replays?.close();
});

interface Received {
  binary: boolean;
  /** Text, or hex for binary. */
  data: string;
}

interface ClientRun {
  ws: WebSocket;
  messages: Received[];
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves once `count` messages arrived (rejects after a generous bound). */
  received(count: number): Promise<void>;
}

/** A plain ws client recording everything it gets. */
function connect(url: string, protocols?: string[]): ClientRun {
  const ws = new WebSocket(url, protocols);
  const messages: Received[] = [];
  const waiters = new Set<() => void>();
  ws.on('message', (data, isBinary) => {
    const buffer = data as Buffer;
    messages.push({ binary: isBinary, data: isBinary ? buffer.toString('hex') : buffer.toString() });
    waiters.forEach((wake) => wake());
  });
  ws.on('error', () => undefined);
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  return {
    ws,
    messages,
    opened,
    closed,
    received(count) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${messages.length} of ${count} messages arrived`)), 15_000);
        const wake = () => {
          if (messages.length < count) return;
          clearTimeout(timer);
          waiters.delete(wake);
          resolve();
        };
        waiters.add(wake);
        wake();
      });
    },
  };
}

/** Records one real connection of a fresh engine to `url`: `drive` acts on it, then the capture becomes a recording. */
async function record(url: string, drive: (client: ReturnType<typeof attachWireTestClient>) => Promise<void>): Promise<ReplayRecording> {
  const engine = createEngine();
  const client = attachWireTestClient(engine);
  await client.result(client.call('connect', { url }));
  await client.event(null, 'open');
  await drive(client);
  await engine.shutdown();
  const built = recordingFromEntries('s1', engine.capture.from(0));
  if (!built.ok) throw new Error(built.error);
  return built.recording;
}

const step = (direction: ReplayStep['direction'], data: string, atMs: number, kind: ReplayStep['kind'] = 'text'): ReplayStep => ({ direction, kind, data, atMs });
const hand = (steps: ReplayStep[], end: ReplayRecording['end'], protocol = ''): ReplayRecording => ({ label: 'hand-made', url: 'wss://chat.example.com/ws', protocol, steps, end });

async function waitForPlay(registry: ReplayRegistry, id: string, state: string): Promise<ReplayEndpoint> {
  for (let tries = 0; tries < 300; tries += 1) {
    const endpoint = registry.list().find((candidate) => candidate.id === id);
    if (endpoint?.lastPlay?.state === state) return endpoint;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`replay ${id} never reached ${state}: ${JSON.stringify(registry.list().find((candidate) => candidate.id === id)?.lastPlay)}`);
}

describe('replay endpoints', () => {
  it('replays a recorded echo exchange: exactly the received text and binary messages, in order; the app closed first, so it waits', async () => {
    const recording = await record(lab.url('echo'), async (client) => {
      client.call('send', { data: 'first 你好' });
      client.call('send', { data: 'AAEC/w==', isBuffer: true });
      client.call('send', { data: 'third' });
      await client.waitFor((message) => message.kind === 'event' && message.payload.event === 'message' && message.payload.data === 'third');
      client.call('close', { code: 1000, reason: 'done' });
      await client.event(null, 'close');
    });
    expect(recording.end).toMatchObject({ kind: 'client-close' });
    expect(recording.steps.map((s) => `${s.direction}:${s.kind}`)).toEqual(['out:text', 'out:binary', 'out:text', 'in:text', 'in:binary', 'in:text']);

    replays = createReplayServer();
    const endpoint = await replays.start(recording, AS_FAST_AS_POSSIBLE);
    expect(endpoint.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/replay\/[\w-]+$/);
    expect([endpoint.serverMessages, endpoint.appMessages]).toEqual([3, 3]);
    const client = connect(endpoint.url);
    await client.received(3);
    expect(client.messages).toEqual([
      { binary: false, data: 'first 你好' },
      { binary: true, data: '000102ff' },
      { binary: false, data: 'third' },
    ]);
    expect((await waitForPlay(replays, endpoint.id, 'playing')).lastPlay?.detail).toContain('waiting for the client to close');
    client.ws.close(1000, 'bye');
    expect((await client.closed).code).toBe(1000);
    const done = await waitForPlay(replays, endpoint.id, 'done');
    expect(done.lastPlay?.sent).toBe(3);
    expect(done.plays).toBe(1);
  });

  it.each([0, 1, 25])('replays a recorded lab flood the server closed, at speed %d: every frame in order, then the recorded close', async (speed) => {
    const recording = await record(`${lab.url('flood').split('?')[0]}?count=40&size=12&rate=400&close=1`, async (client) => {
      await client.event(null, 'close');
    });
    expect(recording.end).toMatchObject({ kind: 'server-close', code: 1000, reason: 'flood done' });
    replays = createReplayServer();
    const endpoint = await replays.start(recording, { speed, matchSent: false });
    const client = connect(endpoint.url);
    const closed = await client.closed;
    expect(client.messages.map((message) => message.data)).toEqual(Array.from({ length: 40 }, (_, seq) => `${seq}:`.padEnd(12, 'x')));
    expect(closed).toEqual({ code: 1000, reason: 'flood done' });
    expect((await waitForPlay(replays, endpoint.id, 'done')).lastPlay?.detail).toContain('closed with 1000 "flood done"');
  });

  it('compresses a long recorded gap with the speed factor, and keeps it at 1×', async () => {
    const recording = hand([step('in', 'a', 0), step('in', 'b', 10), step('in', 'after a minute', 60_000)], { kind: 'server-close', code: 4001, reason: 'late', atMs: 60_010 });
    replays = createReplayServer();
    const original = await replays.start(recording, { speed: 1, matchSent: false });
    const compressed = await replays.start(recording, { speed: 10_000, matchSent: false });
    const slow = connect(original.url);
    const fast = connect(compressed.url);
    expect(await fast.closed).toEqual({ code: 4001, reason: 'late' });
    expect(fast.messages.map((message) => message.data)).toEqual(['a', 'b', 'after a minute']);
    await slow.received(2);
    // At 1× the last message is a minute away: after the first two, it has not come.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(slow.messages.map((message) => message.data)).toEqual(['a', 'b']);
    slow.ws.close();
    await slow.closed;
  });

  it('matches the app messages in order when asked: the right ones get the recorded answers, a wrong one closes with 1008', async () => {
    const recording = hand([step('in', 'hello', 0), step('out', 'login alice', 5), step('in', 'welcome alice', 6), step('out', 'AQI=', 7, 'binary'), step('in', 'got binary', 8)], {
      kind: 'server-close',
      code: 1000,
      reason: 'bye',
      atMs: 9,
    });
    replays = createReplayServer();
    const endpoint = await replays.start(recording, { speed: 0, matchSent: true });

    const good = connect(endpoint.url);
    await good.received(1);
    good.ws.send('login alice');
    await good.received(2);
    expect(good.messages.map((message) => message.data)).toEqual(['hello', 'welcome alice']);
    good.ws.send(Buffer.from([1, 2]));
    expect(await good.closed).toEqual({ code: 1000, reason: 'bye' });
    expect(good.messages.map((message) => message.data)).toEqual(['hello', 'welcome alice', 'got binary']);
    expect((await waitForPlay(replays, endpoint.id, 'done')).lastPlay?.matched).toBe(2);

    const wrong = connect(endpoint.url);
    await wrong.received(1);
    wrong.ws.send('login mallory');
    expect(await wrong.closed).toEqual({ code: 1008, reason: 'replay mismatch at app message 1' });
    expect(wrong.messages.map((message) => message.data)).toEqual(['hello']);
    const mismatch = await waitForPlay(replays, endpoint.id, 'mismatch');
    expect(mismatch.lastPlay?.detail).toContain('expected text "login alice", got text "login mallory"');
    expect(mismatch.plays).toBe(2);
  });

  it('without matching, app messages are ignored and the recorded timing alone drives the replay', async () => {
    replays = createReplayServer();
    const endpoint = await replays.start(hand([step('out', 'ping', 0), step('in', 'pong', 1)], { kind: 'server-close', reason: '', atMs: 2 }), AS_FAST_AS_POSSIBLE);
    const client = connect(endpoint.url);
    expect(await client.closed).toEqual({ code: 1005, reason: '' });
    expect(client.messages.map((message) => message.data)).toEqual(['pong']);
  });

  it('a recorded drop ends the connection without a close frame (1006)', async () => {
    const recording = await record(lab.url('drop').replace('after=200', 'after=50'), async (client) => {
      await client.event(null, 'close');
    });
    expect(recording.end).toMatchObject({ kind: 'drop' });
    replays = createReplayServer();
    const client = connect((await replays.start(recording, AS_FAST_AS_POSSIBLE)).url);
    expect((await client.closed).code).toBe(1006);
  });

  it('answers with the recorded subprotocol when offered, else the first offered', async () => {
    replays = createReplayServer();
    const endpoint = await replays.start(hand([step('in', 'x', 0)], { kind: 'open' }, 'chat'), AS_FAST_AS_POSSIBLE);
    const offered = connect(endpoint.url, ['other', 'chat']);
    await offered.opened;
    expect(offered.ws.protocol).toBe('chat');
    const different = connect(endpoint.url, ['mqtt']);
    await different.opened;
    expect(different.ws.protocol).toBe('mqtt');
    offered.ws.close();
    different.ws.close();
    await Promise.all([offered.closed, different.closed]);
  });

  it('refuses unknown ids with 404; stop disconnects the clients and unregisters; the oldest is dropped beyond the limit', async () => {
    replays = createReplayServer();
    const first = await replays.start(hand([step('in', 'x', 0)], { kind: 'open' }), AS_FAST_AS_POSSIBLE);
    const unknown = connect(first.url.replace(first.id, 'nope'));
    await expect(unknown.opened).rejects.toThrow('HTTP 404');
    const client = connect(first.url);
    await client.received(1);
    let changes = 0;
    replays.onChange(() => (changes += 1));
    expect(replays.stop(first.id)).toBe(true);
    expect((await client.closed).code).toBe(1006);
    expect(replays.stop(first.id)).toBe(false);
    expect(replays.list()).toEqual([]);
    expect(changes).toBeGreaterThan(0);
    const ids: string[] = [];
    for (let n = 0; n < MAX_REPLAYS + 2; n += 1) ids.push((await replays.start(hand([], { kind: 'open' }), AS_FAST_AS_POSSIBLE)).id);
    expect(replays.list().map((endpoint) => endpoint.id)).toEqual(ids.slice(2));
  });

  it('refuses to start after close', async () => {
    replays = createReplayServer();
    await replays.close();
    await expect(replays.start(hand([], { kind: 'open' }), AS_FAST_AS_POSSIBLE)).rejects.toThrow('closed');
  });

  it("the engine's shutdown closes its registry: clients are cut off and the port no longer listens", async () => {
    const engine = createEngine({ createReplayRegistry: createReplayServer });
    const registry = engine.replays();
    const endpoint = await registry.start(hand([step('in', 'x', 0)], { kind: 'open' }), AS_FAST_AS_POSSIBLE);
    const client = connect(endpoint.url);
    await client.received(1);
    await engine.shutdown();
    expect((await client.closed).code).toBe(1006);
    const refused = await new Promise<string>((resolve) => {
      const late = new WebSocket(endpoint.url);
      late.once('open', () => resolve('open'));
      late.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    });
    expect(refused).toBe('ECONNREFUSED');
    expect(engine.replays()).not.toBe(registry);
  });
});
