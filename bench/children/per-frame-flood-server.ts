// The ordinary wire: a `ws` server that floods with one send() per frame (what a typical backend does),
// paced only by the socket's backpressure. Same payloads as the lab's /flood; answers its ws:// URL and
// runs until SIGTERM. Query: count, size; `frames=mqtt` sends the decoder measurement's MQTT PUBLISH packets
// instead (binary). A client offering subprotocols gets its first (`ws`'s default), e.g. `mqtt` as mqtt.js offers it.
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { floodFrame } from '../../main/lab/flood';
import { mqttFloodPacket } from '../harness/mqtt-flood-packets';
import { answer } from './child-io';

/** Keeps at most this much queued in `ws` before yielding to let the socket drain. */
const HIGH_WATER_BYTES = 1024 * 1024;
const FRAMES_PER_TURN = 512;
const MAX_FRAMES = 2_000_000;

function flood(ws: WebSocket, count: number, frame: (seq: number) => string | Buffer): void {
  let seq = 0;
  const turn = (): void => {
    if (ws.readyState !== WebSocket.OPEN) return;
    const limit = Math.min(count, seq + FRAMES_PER_TURN);
    while (seq < limit && ws.bufferedAmount < HIGH_WATER_BYTES) {
      ws.send(frame(seq));
      seq += 1;
    }
    if (seq >= count) ws.close(1000, 'flood done');
    else if (ws.bufferedAmount >= HIGH_WATER_BYTES) setTimeout(turn, 1);
    else setImmediate(turn);
  };
  turn();
}

const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
server.on('connection', (ws, request) => {
  const query = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams;
  ws.on('error', () => ws.terminate());
  const size = Math.min(65_536, Math.max(1, Number(query.get('size')) || 100));
  flood(ws, Math.min(MAX_FRAMES, Math.max(1, Number(query.get('count')) || 1000)), query.get('frames') === 'mqtt' ? mqttFloodPacket : (seq) => floodFrame(seq, size, false));
});
const stop = (): void => {
  server.clients.forEach((client) => client.terminate());
  server.close(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('disconnect', stop);
await new Promise<void>((resolve) => server.once('listening', () => resolve()));
await answer(async () => ({ url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/flood` }), true);
