// Map remote on real sockets (docs/debugging.md#map-remote): the app's URL is dialled elsewhere, the server
// sees the mapped path and query, and the capture, state and HAR keep both URLs.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createEngine } from '../engine';
import { exportHar } from '../capture-export';
import type { Engine } from '../ports';
import { attachWireTestClient } from '../test-support/wire-test-client';
import type { LoopbackServer } from './test-support/loopback-server';
import { startLoopbackServer } from './test-support/loopback-server';

let server: LoopbackServer;
let engine: Engine;

beforeEach(async () => {
  server = await startLoopbackServer();
});
afterEach(async () => {
  await engine.shutdown();
  await server.close();
});

it('a production URL is dialled on the local server; log, state and HAR keep the URL the app asked for beside the one dialled', async () => {
  engine = createEngine({ debugging: { mapRemote: [{ id: 'cli-1', enabled: true, from: 'wss://api.example.com/chat', to: `${server.url}/echo` }] } });
  const client = attachWireTestClient(engine);
  client.call('connect', { url: 'wss://api.example.com/chat/room-7?user=ann' });
  await client.event(null, 'open');
  expect(server.paths).toEqual(['/echo/room-7?user=ann']);
  const info = engine.state().connections[0];
  expect(info).toMatchObject({ url: 'wss://api.example.com/chat/room-7?user=ann', dialedUrl: `${server.url}/echo/room-7?user=ann` });
  const connecting = [...engine.capture.from(0)].find((entry) => entry.name === 'connecting');
  expect(connecting?.detail).toMatchObject({ url: 'wss://api.example.com/chat/room-7?user=ann', dialedUrl: `${server.url}/echo/room-7?user=ann`, mappedBy: 'cli-1' });
  const har = JSON.parse(exportHar(engine.capture)) as { log: { entries: { request: { url: string }; _dialedUrl?: string }[] } };
  expect(har.log.entries[0]?.request.url).toBe('wss://api.example.com/chat/room-7?user=ann');
  expect(har.log.entries[0]?._dialedUrl).toBe(`${server.url}/echo/room-7?user=ann`);
});

it('rules changed from the panel apply to the next connect; a disabled or non-matching rule dials the app URL', async () => {
  engine = createEngine();
  const client = attachWireTestClient(engine);
  engine.debug.command({ op: 'set-map-remote', rules: [{ id: 'm1', enabled: false, from: `${server.url}/old`, to: `${server.url}/new` }] });
  client.call('connect', { url: `${server.url}/old/x` }, 'a');
  await client.event('a', 'open');
  engine.debug.command({ op: 'set-map-remote', rules: [{ id: 'm1', enabled: true, from: `${server.url}/old`, to: `${server.url}/new` }] });
  client.call('connect', { url: `${server.url}/old/x` }, 'b');
  await client.event('b', 'open');
  client.call('connect', { url: `${server.url}/older` }, 'c');
  await client.event('c', 'open');
  expect(server.paths).toEqual(['/old/x', '/new/x', '/older']);
  expect(engine.state().connections.map((connection) => connection.dialedUrl)).toEqual([undefined, `${server.url}/new/x`, undefined]);
});
