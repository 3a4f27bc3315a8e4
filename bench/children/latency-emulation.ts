// The latency-emulation measurement's child: an engine and a `ws` server in one process, so one clock
// stamps the server's send and the app's receipt. Frames go one at a time (spaced) so no queue forms;
// each delay is receipt minus send.
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { createEngine } from '../../main/core/engine';
import { NO_CONDITIONS } from '../../shared/debugging/network-conditions';
import { answer, childInput, waitUntil } from './child-io';

export interface LatencyEmulationInput {
  /** The incoming latency to set, ms; 0 = none set (the baseline). */
  latencyMs: number;
  frames: number;
  spacingMs: number;
}

export interface LatencyEmulationResult {
  /** Measured delays, ms, in send order. */
  delays: number[];
}

const input = childInput<LatencyEmulationInput>();
await answer<LatencyEmulationResult>(async () => {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const engine = createEngine();
  if (input.latencyMs > 0) engine.debug.command({ op: 'set-network', conditions: { all: { ...NO_CONDITIONS, latencyInMs: input.latencyMs }, perConnection: {} } });
  const sentAt = new Map<string, number>();
  const delays: number[] = [];
  let opened = false;
  const client = engine.attachClient({
    origin: 'http://127.0.0.1',
    send(message) {
      if (message.kind !== 'event') return;
      if (message.payload.event === 'open') opened = true;
      if (message.payload.event === 'message') delays.push(performance.now() - (sentAt.get(message.payload.data) ?? NaN));
    },
  });
  const serverSocket = new Promise<import('ws').WebSocket>((resolve) => server.once('connection', resolve));
  client.receive({ op: 'connect', callId: 1, target: null, options: { url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/` } });
  const socket = await serverSocket;
  await waitUntil(() => opened, 'the open', 10_000);
  for (let i = 0; i < input.frames; i += 1) {
    const data = `f${i}`;
    sentAt.set(data, performance.now());
    socket.send(data);
    await new Promise((resolve) => setTimeout(resolve, input.spacingMs));
  }
  await waitUntil(() => delays.length === input.frames, `${input.frames} frames`, 60_000);
  await engine.shutdown();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return { delays };
});
