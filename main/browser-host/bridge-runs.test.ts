// The page bridge writes send successes and text echoes in a row as runs (docs/architecture.md#the-send-paths-cost):
// a real host, a real echo server and a raw bridge client check that the runs are on the wire and that
// unpacking them gives every answer and every echo, valid and in call order.
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { unpackEngineLinkMessage, type EngineMessage } from '../../shared/my-wire';
import { engineMessageSchema } from '../../shared/my/engine-message-schema';
import { createEngine } from '../core/engine';
import type { Engine } from '../core/ports';
import { startLabServer, type LabServer } from '../lab/lab-server';
import { startBrowserHost, type BrowserHost } from './index';
import { miniappBridgeUrl, waitFor } from './test-support/host-clients';
import { createHostOutDir } from './test-support/host-out-dir';

const SENDS = 300;

let base: string;
let lab: LabServer;
let engine: Engine;
let host: BrowserHost;
let page: WebSocket | undefined;

beforeAll(async () => {
  const made = await createHostOutDir('msd-bridge-runs-');
  base = made.base;
  lab = await startLabServer();
  engine = createEngine();
  host = await startBrowserHost({ engine, outDir: made.outDir });
});

afterAll(async () => {
  page?.terminate();
  await host.close();
  await engine.shutdown();
  await lab.close();
  await rm(base, { recursive: true, force: true });
});

it('answers a burst of sends with runs that unpack into every success and echo, in call order', async () => {
  page = new WebSocket(await miniappBridgeUrl(host), { origin: 'null' });
  const frames: unknown[] = [];
  const received: EngineMessage[] = [];
  page.on('message', (data: Buffer) => {
    frames.push(JSON.parse(data.toString()));
    for (const message of unpackEngineLinkMessage(frames.at(-1))) {
      expect(engineMessageSchema.safeParse(message).success).toBe(true);
      received.push(message as EngineMessage);
    }
  });
  await new Promise((resolve) => page?.once('open', resolve));
  page.send(JSON.stringify({ op: 'connect', callId: 1, target: null, options: { url: lab.url('echo') } }));
  await waitFor(() => received.find((message) => message.kind === 'event' && message.payload.event === 'open'), 'open');
  const callIds = Array.from({ length: SENDS }, (_, index) => 10 + index);
  page.send(JSON.stringify({ op: 'batch', messages: callIds.map((callId) => ({ op: 'send', callId, target: null, options: { data: `m${callId}` } })) }));
  await waitFor(() => (received.filter((message) => message.kind === 'event' && message.payload.event === 'message').length === SENDS ? true : undefined), 'every echo');

  const results = received.filter((message) => message.kind === 'result' && message.callId >= 10);
  expect(results).toEqual(callIds.map((callId) => ({ kind: 'result', callId, ok: true, payload: { success: true } })));
  const echoes = received.flatMap((message) => (message.kind === 'event' && message.payload.event === 'message' ? [message.payload.data] : []));
  expect(echoes).toEqual(callIds.map((callId) => `m${callId}`));
  const items = frames.flatMap((frame) => ((frame as { kind: string }).kind === 'batch' ? (frame as { messages: { kind: string }[] }).messages : [frame as { kind: string }]));
  expect(items.some((item) => item.kind === 'sent')).toBe(true);
  expect(items.some((item) => item.kind === 'texts')).toBe(true);
  expect(items.filter((item) => item.kind === 'sent' || item.kind === 'texts').length).toBeLessThan(SENDS);
  // The capture still holds a call, a frame and a result per send.
  const sendEntries = [...engine.capture.from(0)].filter((entry) => entry.name === 'sendSocketMessage');
  expect(sendEntries.filter((entry) => entry.kind === 'call')).toHaveLength(SENDS);
  expect(sendEntries.filter((entry) => entry.kind === 'result')).toHaveLength(SENDS);
}, 60_000);
