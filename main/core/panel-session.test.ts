import { describe, expect, it } from 'vitest';
import type { CaptureEntry } from '../../shared/capture';
import { harToCapture } from '../../shared/har-import';
import { jsonlToCapture } from '../../shared/jsonl';
import type { EngineMessage } from '../../shared/my-wire';
import type { PanelMessage } from '../../shared/panel-wire';
import { labPerFile } from '../lab/test-support/lab-per-file';
import protobuf from 'protobufjs';
import { createEngine } from './engine';
import { createPanelSession } from './panel-session';
import type { Engine } from './ports';

const lab = labPerFile();

/** Polls (bounded) until the condition holds; fails with `what` otherwise. */
async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function panel(engine: Engine, options: Parameters<typeof createPanelSession>[2] = {}) {
  const received: PanelMessage[] = [];
  const session = createPanelSession(engine, (message) => void received.push(message), options);
  const of = <K extends PanelMessage['kind']>(kind: K) => received.filter((m): m is Extract<PanelMessage, { kind: K }> => m.kind === kind);
  const entries = () => of('batch').flatMap((b) => b.entries);
  const my = () => of('my').map((m) => m.message);
  const reply = (requestId: number) => of('reply').find((r) => r.requestId === requestId);
  /** Replies come asynchronously (an entry or export may be read from the saved session). */
  const replied = async (requestId: number) => {
    await waitFor(() => reply(requestId) !== undefined, `reply ${requestId}`);
    return reply(requestId);
  };
  return { session, received, of, entries, my, reply, replied };
}

const isResult = (callId: number) => (m: EngineMessage) => m.kind === 'result' && m.callId === callId;

describe('panel session', () => {
  it('turns every malformed message into a warning entry and keeps working', async () => {
    const engine = createEngine();
    const { session, of, entries } = panel(engine);
    const cyclic: Record<string, unknown> = { kind: 'subscribe' };
    cyclic.self = cyclic;
    const hostile = new Proxy({}, { get: () => { throw new Error('trap'); }, ownKeys: () => { throw new Error('trap'); } });
    const garbage: unknown[] = [
      undefined, null, 42, 'not json', '{"kind":"nope"}', [], { kind: 'ack', seq: -1 }, { kind: 'ack', seq: 'x' },
      { kind: 'my', message: { op: 'connect' } }, { kind: 'settings', patch: { maxTasks: 0 } },
      { kind: 'force-close', connectionId: '' }, { kind: 'get-entry', requestId: 1 }, { kind: 'export', requestId: 1, format: 'pdf' },
      hostile, 'x'.repeat(1_000_000),
    ];
    for (const raw of garbage) expect(() => session.receive(raw)).not.toThrow();
    const warnings = [...engine.capture.from(0)].filter((e) => e.kind === 'warning' && e.name === 'invalid-panel-message');
    expect(warnings).toHaveLength(garbage.length);
    expect(warnings.every((w) => w.clientId === 'panel' && (w.errorMessage ?? '').startsWith('panel message rejected'))).toBe(true);
    expect(warnings.every((w) => String(w.detail?.preview ?? '').length <= 201)).toBe(true);
    session.receive(cyclic); // valid kind; the extra key is ignored
    session.receive('{"kind":"ack","seq":0}');
    await waitFor(() => entries().length >= garbage.length, 'the replayed warnings');
    expect(of('state')).toHaveLength(1);
    expect(engine.settings().maxTasks).toBe(5);
    session.close();
  });

  it('sends state on subscribe and again, coalesced, after state changes', async () => {
    const engine = createEngine();
    const { session, received, of } = panel(engine);
    session.receive({ kind: 'subscribe' });
    expect(received[0]).toMatchObject({ kind: 'state', state: { settings: { singleModePolicy: 'replace' } } });
    session.receive({ kind: 'settings', patch: { singleModePolicy: 'reject' } });
    session.receive({ kind: 'settings', patch: { strictWss: true } });
    expect(engine.settings()).toMatchObject({ singleModePolicy: 'reject', strictWss: true });
    await waitFor(() => of('state').length >= 2, 'a state update');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(of('state')).toHaveLength(2);
    expect(of('state')[1]?.state.settings).toMatchObject({ singleModePolicy: 'reject', strictWss: true });
    session.close();
  });

  it("acts as the panel's own my client through the engine, and streams what it did", async () => {
    const engine = createEngine();
    const p = panel(engine);
    p.session.receive({ kind: 'subscribe' });
    p.session.receive({ kind: 'my', message: { op: 'connect', callId: 1, target: null, options: { url: lab.url('echo') } } });
    await waitFor(() => p.my().some((m) => m.kind === 'event' && m.payload.event === 'open'), 'open');
    expect(p.my().find(isResult(1))).toMatchObject({ ok: true });
    expect(engine.state().clients.map((c) => c.clientId)).toContain('panel');
    const long = 'y'.repeat(3000);
    p.session.receive({ kind: 'my', message: { op: 'send', callId: 2, target: null, options: { data: long } } });
    await waitFor(() => p.my().some((m) => m.kind === 'event' && m.payload.event === 'message'), 'the echo');
    await waitFor(() => p.entries().some((e) => e.kind === 'frame' && e.direction === 'in'), 'the echoed frame in a batch');
    const echoed = p.entries().find((e) => e.kind === 'frame' && e.direction === 'in');
    expect(echoed).toMatchObject({ clientId: 'panel', size: 3000, previewOnly: true });
    expect(echoed?.payload).toHaveLength(1024);

    p.session.receive({ kind: 'get-entry', requestId: 7, seq: echoed?.seq ?? -1 });
    expect(await p.replied(7)).toMatchObject({ ok: true, body: { seq: echoed?.seq, payload: long } });
    p.session.receive({ kind: 'get-entry', requestId: 8, seq: 999_999 });
    expect(await p.replied(8)).toMatchObject({ ok: false, error: expect.stringContaining('999999') });

    // protobuf is decoded in main (docs/architecture.md#decoder-libraries): a real binary echo, decoded with the user's .proto.
    const proto = 'syntax = "proto3"; package demo; message Tick { string symbol = 1; int32 price = 2; }';
    const Tick = protobuf.parse(proto).root.lookupType('demo.Tick');
    const tick = Buffer.from(Tick.encode(Tick.create({ symbol: 'ANT', price: 7 })).finish()).toString('base64');
    p.session.receive({ kind: 'my', message: { op: 'send', callId: 3, target: null, options: { data: tick, isBuffer: true } } });
    const isBinaryEcho = (e: CaptureEntry) => e.kind === 'frame' && e.direction === 'in' && e.binary === true;
    await waitFor(() => [...engine.capture.from(0)].some(isBinaryEcho), 'the echoed binary frame');
    const binary = [...engine.capture.from(0)].find(isBinaryEcho);
    p.session.receive({ kind: 'decode', requestId: 9, seq: binary?.seq ?? -1, choice: { decoder: 'protobuf', proto, messageType: 'demo.Tick' } });
    // Answered asynchronously: the entry may have to be read from the session on disk.
    await waitFor(() => p.reply(9) !== undefined, 'the decode reply');
    const decodedReply = p.reply(9);
    expect(decodedReply?.ok && typeof decodedReply.body === 'string' ? JSON.parse(decodedReply.body) : decodedReply).toEqual({ ok: true, decoder: 'protobuf', fields: { type: 'demo.Tick' }, tree: { symbol: 'ANT', price: 7 } });

    const connectionId = engine.state().connections[0]?.connectionId ?? '';
    p.session.receive({ kind: 'force-close', connectionId, code: 4000, reason: 'panel' });
    await waitFor(() => p.my().some((m) => m.kind === 'event' && m.payload.event === 'close'), 'close');
    p.session.close();
    await engine.shutdown();
  });

  it('answers exports with HAR and JSONL of the whole capture', async () => {
    const engine = createEngine();
    const p = panel(engine);
    p.session.receive({ kind: 'my', message: { op: 'connect', callId: 1, target: null, options: { url: lab.url('echo') } } });
    await waitFor(() => p.my().some((m) => m.kind === 'event' && m.payload.event === 'open'), 'open');
    const heldAtExport = [...engine.capture.from(0)];
    p.session.receive({ kind: 'export', requestId: 1, format: 'har' });
    p.session.receive({ kind: 'export', requestId: 2, format: 'jsonl' });
    const har = await p.replied(1);
    const jsonl = await p.replied(2);
    if (!har?.ok || typeof har.body !== 'string' || !jsonl?.ok || typeof jsonl.body !== 'string') throw new Error('export failed');
    const fromHar = harToCapture(har.body);
    expect(fromHar.warnings).toEqual([]);
    expect(fromHar.entries).toEqual(heldAtExport);
    expect(JSON.parse(har.body).log.entries[0]).toMatchObject({ _resourceType: 'websocket', request: { url: lab.url('echo') }, response: { status: 101 } });
    expect(jsonlToCapture(jsonl.body)).toEqual({ entries: heldAtExport, warnings: [] });
    p.session.close();
    await engine.shutdown();
  });

  it('clears the capture, tells every subscribed panel, and streams on from there', async () => {
    const engine = createEngine();
    const a = panel(engine);
    const b = panel(engine);
    a.session.receive({ kind: 'subscribe' });
    b.session.receive({ kind: 'subscribe' });
    a.session.receive({ kind: 'bogus' });
    await waitFor(() => a.entries().length > 0 && b.entries().length > 0, 'both panels to get the warning');
    b.session.receive({ kind: 'clear' });
    expect(a.of('cleared')).toHaveLength(1);
    expect(b.of('cleared')[0]?.stats).toMatchObject({ held: 0 });
    const seqBefore = engine.capture.nextSeq();
    a.session.receive({ kind: 'also-bogus' });
    await waitFor(() => a.of('batch').length >= 2, 'the next batch');
    expect(a.of('batch')[1]?.entries[0]?.seq).toBe(seqBefore);
    expect(a.of('batch')[1]?.skipped).toBe(0);
    const unsubscribed = panel(engine);
    unsubscribed.session.receive({ kind: 'clear' });
    expect(unsubscribed.of('cleared')).toHaveLength(1);
    a.session.close();
    b.session.close();
    unsubscribed.session.close();
  });

  it('holds back batches beyond its credit and resumes on ack', async () => {
    const engine = createEngine();
    const p = panel(engine, { subscription: { maxEntries: 2, maxInFlight: 1 } });
    for (let i = 0; i < 6; i += 1) p.session.receive({ kind: `bogus-${i}` });
    p.session.receive({ kind: 'subscribe' });
    await waitFor(() => p.of('batch').length === 1, 'the first batch');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(p.of('batch')).toHaveLength(1);
    for (let round = 0; round < 10 && p.entries().length < 6; round += 1) {
      p.session.receive({ kind: 'ack', seq: p.entries().at(-1)?.seq ?? 0 });
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(p.entries().map((e) => e.seq)).toEqual([...engine.capture.from(0)].slice(0, p.entries().length).map((e) => e.seq));
    expect(p.entries().filter((e) => e.name === 'invalid-panel-message')).toHaveLength(6);
    p.session.close();
  });

  it('on close detaches the panel client, closing its sockets, and sends nothing more', async () => {
    const engine = createEngine();
    const p = panel(engine);
    p.session.receive({ kind: 'subscribe' });
    p.session.receive({ kind: 'my', message: { op: 'connect', callId: 1, target: null, options: { url: lab.url('echo') } } });
    await waitFor(() => p.my().some((m) => m.kind === 'event' && m.payload.event === 'open'), 'open');
    p.session.close();
    const count = p.received.length;
    await waitFor(() => engine.state().connections.every((c) => c.state === 'CLOSED'), 'the panel socket to close');
    expect(engine.state().clients.map((c) => c.clientId)).not.toContain('panel');
    expect([...engine.capture.from(0)].some((e) => e.kind === 'lifecycle' && e.name === 'closed' && e.clientId === 'panel')).toBe(true);
    p.session.receive({ kind: 'subscribe' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(p.received.length).toBe(count);
    await engine.shutdown();
  });

  it('gives a second panel open at the same time its own client, so neither closes the other', async () => {
    const engine = createEngine();
    const a = panel(engine);
    const b = panel(engine);
    const connect = { op: 'connect', callId: 1, target: null, options: { url: lab.url('echo') } } as const;
    a.session.receive({ kind: 'my', message: connect });
    b.session.receive({ kind: 'my', message: connect });
    const opened = (p: typeof a) => p.my().some((m) => m.kind === 'event' && m.payload.event === 'open');
    await waitFor(() => opened(a) && opened(b), 'both panels to connect');
    expect(engine.state().connections.map((c) => [c.clientId, c.state])).toEqual([['panel', 'OPEN'], ['panel-2', 'OPEN']]);
    a.session.close();
    const c = panel(engine);
    c.session.receive({ kind: 'my', message: connect });
    await waitFor(() => opened(c), 'the third panel to connect');
    expect(engine.state().clients.map((client) => client.clientId).sort()).toEqual(['panel', 'panel-2']);
    expect(engine.state().connections.find((conn) => conn.clientId === 'panel-2')?.state).toBe('OPEN');
    b.session.close();
    c.session.close();
    await engine.shutdown();
  });

  it('survives a sink that throws', async () => {
    const engine = createEngine();
    const session = createPanelSession(engine, () => {
      throw new Error('link gone');
    });
    expect(() => session.receive({ kind: 'subscribe' })).not.toThrow();
    expect(() => session.receive({ kind: 'export', requestId: 1, format: 'jsonl' })).not.toThrow();
    session.receive({ kind: 'bogus' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    session.close();
  });
});
