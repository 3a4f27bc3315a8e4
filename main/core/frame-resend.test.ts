// Resend through the app's connection (docs/behaviour.md#resend-through-the-apps-connection) on real
// sockets, over the panel wire as the row menu sends it: the server gets the same payload again on the
// app's connection, the capture marks the new frame as resent from its entry, an echo reaches the app as
// any server frame would, and every refusal (received frame, cut payload, unknown seq, closed connection)
// sends nothing and leaves a reason and a `resend-failed` warning.
import { afterEach, describe, expect, it } from 'vitest';
import type { CaptureEntry } from '../../shared/capture';
import type { PanelMessage } from '../../shared/panel-wire';
import { labPerFile } from '../lab/test-support/lab-per-file';
import { createCaptureLog } from './capture-log';
import { createEngine } from './engine';
import type { Engine } from './ports';
import { recordingServerPerFile } from './test-support/recording-server';
import { openJsonPanelLink, type JsonPanelLink } from './test-support/json-panel-link';
import { attachWireTestClient, type WireTestClient } from './test-support/wire-test-client';

const lab = labPerFile();
const server = recordingServerPerFile();
let engine: Engine;
let link: JsonPanelLink;

afterEach(async () => {
  link.session.close();
  await engine.shutdown();
});

/** An app client with an open single-mode connection to `url`, and a panel linked to the same engine. */
async function openApp(url = server.url, payloadCap?: number): Promise<WireTestClient> {
  engine = createEngine(payloadCap === undefined ? {} : { capture: createCaptureLog({ payloadCap }) });
  link = openJsonPanelLink(engine);
  const client = attachWireTestClient(engine);
  client.call('connect', { url });
  await client.event(null, 'open');
  return client;
}

let nextRequestId = 1;

/** Sends `resend` for `seq` over the panel wire and resolves with the engine's reply. */
function resend(seq: number): Promise<Extract<PanelMessage, { kind: 'reply' }>> {
  const requestId = nextRequestId;
  nextRequestId += 1;
  return new Promise((resolve) => {
    const stop = link.transport.onMessage((message) => {
      if (message.kind !== 'reply' || message.requestId !== requestId) return;
      stop();
      resolve(message);
    });
    link.transport.send({ kind: 'resend', requestId, seq });
  });
}

const frames = (): CaptureEntry[] => [...engine.capture.from(0)].filter((entry) => entry.kind === 'frame' && entry.opcode !== 8);
const warnings = () => [...engine.capture.from(0)].filter((entry) => entry.kind === 'warning' && entry.name !== 'insecure-ws').map((entry) => [entry.name, entry.errorMessage]);
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The app sends `data` and the server has it; returns the frame's capture entry. */
async function appSends(client: WireTestClient, data: string, isBuffer = false): Promise<CaptureEntry> {
  await client.result(client.call('send', { data, isBuffer }));
  await expect.poll(() => server.received.length).toBeGreaterThan(0);
  const sent = frames().filter((entry) => entry.direction === 'out');
  return sent[sent.length - 1] as CaptureEntry;
}

describe('resend through the app connection', () => {
  it("puts a sent text and binary frame on the app's socket again, marked as resent from its entry", async () => {
    const client = await openApp();
    const text = await appSends(client, '{"type":"order","id":7}');
    const bytes = Buffer.from([0, 1, 2, 254, 255]).toString('base64');
    const binary = await appSends(client, bytes, true);
    const traceBefore = client.trace();

    const textReply = await resend(text.seq);
    const binaryReply = await resend(binary.seq);
    await expect.poll(() => server.received.length).toBe(4);
    expect(server.received.slice(2)).toEqual([
      { data: '{"type":"order","id":7}', binary: false },
      { data: bytes, binary: true },
    ]);
    const resent = frames().filter((entry) => entry.detail?.resent === true);
    expect(resent.map((entry) => [entry.clientId, entry.connectionId, entry.direction, entry.opcode, entry.size, entry.payload, entry.detail])).toEqual([
      ['app-1', text.connectionId, 'out', 1, 23, '{"type":"order","id":7}', { resent: true, resentFrom: text.seq }],
      ['app-1', text.connectionId, 'out', 2, 5, bytes, { resent: true, resentFrom: binary.seq }],
    ]);
    expect(textReply).toEqual({ kind: 'reply', requestId: expect.any(Number), ok: true, body: JSON.stringify({ seq: resent[0]?.seq }) });
    expect(binaryReply).toMatchObject({ ok: true, body: JSON.stringify({ seq: resent[1]?.seq }) });
    // The app's own send went out once: a resend is not a call of the app and the app is told nothing.
    expect(client.trace()).toEqual(traceBefore);
    expect(warnings()).toEqual([]);
  });

  it("an echo of the resent frame reaches the app as the server's ordinary frame", async () => {
    const client = await openApp(lab.url('echo'));
    await client.result(client.call('send', { data: 'ping-1' }));
    await client.event(null, 'message');
    const sent = frames().find((entry) => entry.direction === 'out') as CaptureEntry;
    expect(await resend(sent.seq)).toMatchObject({ ok: true });
    await expect.poll(() => client.messages.filter((message) => message.kind === 'event' && message.payload.event === 'message').length).toBe(2);
    expect(frames().map((entry) => [entry.direction, entry.payload, entry.detail?.resent ?? false])).toEqual([
      ['out', 'ping-1', false],
      ['in', 'ping-1', false],
      ['out', 'ping-1', true],
      ['in', 'ping-1', false],
    ]);
  });

  it('refuses a received frame, an unknown seq and a frame of a closed connection: nothing sent, a reason and a warning each', async () => {
    const client = await openApp(lab.url('echo'));
    await client.result(client.call('send', { data: 'hello' }));
    await client.event(null, 'message');
    const [sent, echo] = frames() as [CaptureEntry, CaptureEntry];

    expect(await resend(echo.seq)).toMatchObject({ ok: false, error: `entry ${echo.seq} was received, not sent by the app` });
    expect(await resend(9999)).toMatchObject({ ok: false, error: 'entry 9999 is not held (cleared, evicted or not yet recorded)' });
    client.call('close', {});
    await client.event(null, 'close');
    const closed = await resend(sent.seq);
    expect(closed).toMatchObject({ ok: false, error: `no connection ${sent.connectionId}` });
    expect(warnings()).toEqual([
      ['resend-failed', `Resend refused: entry ${echo.seq} was received, not sent by the app.`],
      ['resend-failed', 'Resend refused: entry 9999 is not held (cleared, evicted or not yet recorded).'],
      ['resend-failed', `Resend refused: no connection ${sent.connectionId}.`],
    ]);
    expect(frames().filter((entry) => entry.detail?.resent)).toEqual([]);
  });

  it('refuses a frame whose payload the capture kept cut, rather than sending part of it', async () => {
    const client = await openApp(server.url, 8);
    const cut = await appSends(client, 'a payload longer than the cap');
    expect(cut.truncated).toBe(true);
    expect(await resend(cut.seq)).toMatchObject({ ok: false, error: `entry ${cut.seq} was kept cut; its whole payload is not held` });
    await delay(100);
    expect(server.received).toHaveLength(1);
  });

  it('rejects a malformed resend where it enters main, with a warning', async () => {
    await openApp();
    link.session.receive(JSON.stringify({ kind: 'resend', requestId: 1, seq: -1 }));
    expect(warnings().map(([name]) => name)).toEqual(['invalid-panel-message']);
  });
});
