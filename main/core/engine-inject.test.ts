// Frame injection (docs/behaviour.md#frame-injection) on real sockets: 'in' reaches the app as a server
// frame would and never the server; 'out' reaches the server and not the app; both are captured marked
// injected; refusals (unknown, not open, bad base64) change nothing but a warning; the panel wire carries it.
import { afterEach, describe, expect, it } from 'vitest';
import { labPerFile } from '../lab/test-support/lab-per-file';
import { createEngine } from './engine';
import type { Engine } from './ports';
import { recordingServerPerFile } from './test-support/recording-server';
import { openJsonPanelLink } from './test-support/json-panel-link';
import { attachWireTestClient, type WireTestClient } from './test-support/wire-test-client';

const lab = labPerFile();
const server = recordingServerPerFile();
let engine: Engine;

afterEach(async () => {
  await engine.shutdown();
});

async function openClient(url = server.url): Promise<{ client: WireTestClient; connectionId: string }> {
  engine = createEngine();
  const client = attachWireTestClient(engine);
  client.call('connect', { url });
  await client.event(null, 'open');
  const connectionId = engine.state().connections[0]?.connectionId ?? '';
  return { client, connectionId };
}

const frames = () => [...engine.capture.from(0)].filter((entry) => entry.kind === 'frame' && entry.opcode !== 8);
const warnings = () => [...engine.capture.from(0)].filter((entry) => entry.kind === 'warning' && entry.name !== 'insecure-ws').map((entry) => entry.name);
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('inject', () => {
  it("'in' is delivered to the app as a server message, captured as injected, and never sent to the server", async () => {
    const { client, connectionId } = await openClient();
    expect(engine.inject({ connectionId, direction: 'in', payload: '{"type":"push"}' })).toMatchObject({ ok: true });
    const event = await client.event(null, 'message');
    expect(event.payload).toEqual({ event: 'message', data: '{"type":"push"}', isBuffer: false });
    expect(frames()).toEqual([expect.objectContaining({ direction: 'in', opcode: 1, size: 15, payload: '{"type":"push"}', detail: { injected: true } })]);
    await delay(100);
    expect(server.received).toEqual([]);
  });

  it("'out' reaches the server as the app's frame would; the app hears nothing", async () => {
    const { client, connectionId } = await openClient();
    const bytes = Buffer.from([0, 1, 2, 255]).toString('base64');
    expect(engine.inject({ connectionId, direction: 'out', payload: 'from the panel' })).toMatchObject({ ok: true });
    expect(engine.inject({ connectionId, direction: 'out', payload: bytes, binary: true })).toMatchObject({ ok: true });
    await expect.poll(() => server.received).toEqual([
      { data: 'from the panel', binary: false },
      { data: bytes, binary: true },
    ]);
    expect(frames().map((entry) => [entry.direction, entry.opcode, entry.size, entry.detail])).toEqual([
      ['out', 1, 14, { injected: true }],
      ['out', 2, 4, { injected: true }],
    ]);
    expect(client.trace()).toEqual(['ok#1', 'open']);
  });

  it("an injected binary 'in' frame follows the Incoming binary setting like a server frame", async () => {
    const { client, connectionId } = await openClient();
    engine.updateSettings({ incomingBinary: 'arraybuffer' });
    engine.inject({ connectionId, direction: 'in', payload: 'AAEC', binary: true });
    expect((await client.event(null, 'message')).payload).toEqual({ event: 'message', data: 'AAEC', isBuffer: true, asArrayBuffer: true });
  });

  it('an echo server answers an injected out frame, and the answer is an ordinary server frame', async () => {
    const { client, connectionId } = await openClient(lab.url('echo'));
    engine.inject({ connectionId, direction: 'out', payload: 'hello' });
    expect((await client.event(null, 'message')).payload).toMatchObject({ data: 'hello' });
    expect(frames().map((entry) => [entry.direction, entry.payload, entry.detail?.injected ?? false])).toEqual([
      ['out', 'hello', true],
      ['in', 'hello', false],
    ]);
  });

  it('refuses unknown, closed and bad-base64 injections with a reason and a warning, sending nothing', async () => {
    const { client, connectionId } = await openClient();
    expect(engine.inject({ connectionId: 's99', direction: 'in', payload: 'x' })).toEqual({ ok: false, reason: 'no connection s99' });
    expect(engine.inject({ connectionId, direction: 'out', payload: 'not base64!', binary: true })).toEqual({ ok: false, reason: 'a binary payload must be base64' });
    client.call('close', {});
    await client.event(null, 'close');
    const afterClose = engine.inject({ connectionId, direction: 'in', payload: 'late' });
    expect(afterClose.ok).toBe(false);
    expect(warnings()).toEqual(['inject-failed', 'inject-failed', 'inject-failed']);
    expect(frames().filter((entry) => entry.detail?.injected)).toEqual([]);
    expect(client.trace().filter((step) => step === 'message')).toEqual([]);
  });

  it('the panel wire carries inject for any client, and rejects a malformed one with a warning', async () => {
    const { client, connectionId } = await openClient();
    const { transport, session } = openJsonPanelLink(engine);
    transport.send({ kind: 'inject', connectionId, direction: 'in', payload: 'via the panel' });
    expect((await client.event(null, 'message')).payload).toMatchObject({ data: 'via the panel' });
    session.receive(JSON.stringify({ kind: 'inject', connectionId, direction: 'sideways', payload: 'x' }));
    expect(warnings()).toEqual(['invalid-panel-message']);
    session.close();
  });
});
