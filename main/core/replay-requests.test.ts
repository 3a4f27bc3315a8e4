// Replay requests through a real panel session: a live connection of the engine (echo on the lab) becomes a
// replay endpoint that a plain ws client plays back; a recording sent by the panel is validated where it
// enters main; the list is a long poll; failures come back as replies, never as exceptions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { PanelMessage } from '../../shared/panel-wire';
import type { ReplayEndpoint, ReplayList } from '../../shared/replay';
import type { LabServer } from '../lab/lab-server';
import { startLabServer } from '../lab/lab-server';
import { createReplayServer } from '../replay/replay-server';
import { createEngine } from './engine';
import { createPanelSession } from './panel-session';
import { createReplayRequests } from './replay-requests';
import type { ReplayRegistry } from './replay-registry';
import { attachWireTestClient } from './test-support/wire-test-client';

let lab: LabServer;
const registries: ReplayRegistry[] = [];
beforeAll(async () => {
  lab = await startLabServer();
});
afterAll(async () => {
  await Promise.all(registries.map((registry) => registry.close()));
  await lab?.close();
});

async function waitFor<T>(read: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function rig() {
  const engine = createEngine();
  const replays = createReplayServer();
  registries.push(replays);
  const received: PanelMessage[] = [];
  const session = createPanelSession(engine, (message) => void received.push(message), { replays });
  const reply = (requestId: number) => received.find((message): message is Extract<PanelMessage, { kind: 'reply' }> => message.kind === 'reply' && message.requestId === requestId);
  const answer = (requestId: number) => waitFor(() => reply(requestId), `the reply to request ${requestId}`);
  return { engine, replays, session, received, reply, answer };
}

/** Plays `url` with a plain client until it closes; resolves with the texts it got and the close code. */
function play(url: string, closeAfter: number): Promise<{ texts: string[]; code: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    const texts: string[] = [];
    ws.on('error', () => undefined);
    ws.on('message', (data) => {
      texts.push(String(data));
      if (texts.length === closeAfter) ws.close(1000);
    });
    ws.on('close', (code) => resolve({ texts, code }));
  });
}

describe('replay requests of a panel session', () => {
  it('turns a live connection of the capture into a replay endpoint that plays back what the server sent', async () => {
    const { engine, session, answer } = rig();
    const app = attachWireTestClient(engine);
    await app.result(app.call('connect', { url: lab.url('echo') }));
    await app.event(null, 'open');
    for (const text of ['one', 'two', 'three']) app.call('send', { data: text });
    await app.waitFor((message) => message.kind === 'event' && message.payload.event === 'message' && message.payload.data === 'three');

    session.receive({ kind: 'replay-start', requestId: 1, source: { kind: 'capture', connectionId: 's1' }, options: { speed: 0, matchSent: false } });
    const started = await answer(1);
    if (!started.ok || typeof started.body !== 'string') throw new Error(`replay-start failed: ${JSON.stringify(started)}`);
    const endpoint = JSON.parse(started.body) as ReplayEndpoint;
    expect(endpoint).toMatchObject({ label: `s1 ${lab.url('echo')}`, recordedUrl: lab.url('echo'), serverMessages: 3, appMessages: 3, end: { kind: 'open' } });
    expect(await play(endpoint.url, 3)).toEqual({ texts: ['one', 'two', 'three'], code: 1000 });
    await engine.shutdown();
  });

  it('answers the list at once when the panel is behind, else at the next change (long poll)', async () => {
    const { session, answer, reply } = rig();
    session.receive({ kind: 'replay-list', requestId: 1, since: -1 });
    const first = await answer(1);
    const initial = JSON.parse(String(first.ok && first.body)) as ReplayList;
    expect(initial.replays).toEqual([]);

    session.receive({ kind: 'replay-list', requestId: 2, since: initial.version });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reply(2)).toBeUndefined();
    const recording = { label: 'hand', url: 'wss://chat.example.com/ws', protocol: '', steps: [{ direction: 'in', kind: 'text', data: 'hi', atMs: 0 }], end: { kind: 'open' } };
    session.receive({ kind: 'replay-start', requestId: 3, source: { kind: 'recording', recording }, options: { speed: 1, matchSent: false } });
    const changed = await answer(2);
    const list = JSON.parse(String(changed.ok && changed.body)) as ReplayList;
    expect(list.version).toBeGreaterThan(initial.version);
    expect(list.replays.map((endpoint) => endpoint.label)).toEqual(['hand']);

    const id = list.replays[0]?.id ?? '';
    session.receive({ kind: 'replay-stop', requestId: 4, replayId: id });
    expect(await answer(4)).toMatchObject({ ok: true, body: id });
    session.receive({ kind: 'replay-stop', requestId: 5, replayId: id });
    expect(await answer(5)).toMatchObject({ ok: false, error: expect.stringContaining(`no replay "${id}"`) });
    session.close();
  });

  it('refuses what cannot be replayed with a reply, and rejects malformed recordings where they enter main', async () => {
    const { engine, session, answer } = rig();
    session.receive({ kind: 'replay-start', requestId: 1, source: { kind: 'capture', connectionId: 's9' }, options: { speed: 0, matchSent: false } });
    expect(await answer(1)).toMatchObject({ ok: false, error: 'the capture holds nothing of connection s9' });

    const app = attachWireTestClient(engine);
    await app.result(app.call('connect', { url: lab.url('http-503') }));
    await app.event(null, 'close');
    session.receive({ kind: 'replay-start', requestId: 2, source: { kind: 'capture', connectionId: 's1' }, options: { speed: 0, matchSent: false } });
    expect(await answer(2)).toMatchObject({ ok: false, error: expect.stringContaining('never opened') });

    const malformed = [
      { kind: 'replay-start', requestId: 3, source: { kind: 'recording', recording: { label: 'x', url: '', protocol: '', steps: [{ direction: 'sideways', kind: 'text', data: '', atMs: 0 }], end: { kind: 'open' } } }, options: { speed: 0, matchSent: false } },
      { kind: 'replay-start', requestId: 4, source: { kind: 'recording', recording: { label: 'x', url: '', protocol: '', steps: [], end: { kind: 'server-close', code: 99, reason: '', atMs: 0 } } }, options: { speed: 0, matchSent: false } },
      { kind: 'replay-start', requestId: 5, source: { kind: 'capture', connectionId: 's1' }, options: { speed: -1, matchSent: false } },
      { kind: 'replay-list', requestId: 6 },
      { kind: 'replay-stop', requestId: 7, replayId: '' },
    ];
    for (const raw of malformed) expect(() => session.receive(raw)).not.toThrow();
    const rejected = [...engine.capture.from(0)].filter((entry) => entry.kind === 'warning' && entry.name === 'invalid-panel-message');
    expect(rejected).toHaveLength(malformed.length);
    session.close();
    await engine.shutdown();
  });

  it('answers a held list request with the same version when nothing changed for a while', async () => {
    const registry = createReplayServer();
    registries.push(registry);
    const received: PanelMessage[] = [];
    const requests = createReplayRequests(createEngine().capture, () => registry, (message) => void received.push(message), 30);
    requests.handle({ kind: 'replay-list', requestId: 1, since: 0 });
    const held = await waitFor(() => received[0], 'the held list reply');
    expect(held).toMatchObject({ kind: 'reply', requestId: 1, ok: true, body: JSON.stringify({ version: 0, replays: [] }) });
    requests.close();
  });

  it('a closed panel gets no more replies, not even for held list requests', async () => {
    const { session, received } = rig();
    session.receive({ kind: 'replay-list', requestId: 1, since: 0 });
    session.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received.filter((message) => message.kind === 'reply')).toEqual([]);
  });
});
