// A mini-app page played by a raw bridge client (what the page shim in Chromium does): opens the page's
// bridge, connects a socket through `my`, and sends a burst batched as the shim batches. Used in the
// product's process (the old arrangement) and in a process of its own (bench/children/page-burst.ts).
import WebSocket from 'ws';
import type { EngineMessage } from '../../shared/my-wire';
import { unpackEngineLinkMessage } from '../../shared/my-wire';

const MiB = 1024 * 1024;

/** Opens the bridge of the mini-app page served at `miniappUrl`; every engine message goes to `onMessage`. */
export async function openPageBridge(miniappUrl: string, onMessage: (message: EngineMessage) => void): Promise<WebSocket> {
  const html = await (await fetch(miniappUrl)).text();
  const url = (/data-msd-bridge="([^"]+)"/.exec(html)?.[1] ?? '').replace(/&amp;/g, '&');
  const socket = new WebSocket(url, { origin: 'null' });
  socket.on('message', (data) => unpackEngineLinkMessage(JSON.parse(data.toString())).forEach((message) => onMessage(message as EngineMessage)));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return socket;
}

/** Asks the engine to connect the page's socket to `url` (my.connectSocket). */
export function connectTo(socket: WebSocket, url: string): void {
  socket.send(JSON.stringify({ op: 'connect', callId: 1, target: null, options: { url } }));
}

export interface PageBurst {
  /** Wall time from the first send to the last echo, ms. */
  ms: number;
  /** Calls answered with ok: false. */
  failures: number;
}

/**
 * Connects to the echo at `echoUrl` and sends `sends` messages through `my`, batched as the page shim batches
 * one microtask's calls (shared/my-wire.ts MAX_CLIENT_BATCH); `onStart` runs when the socket is open, just
 * before the first send. Resolves at the last echo.
 */
export async function sendBurstThroughMy(miniappUrl: string, echoUrl: string, sends: number, onStart: () => number): Promise<PageBurst> {
  let opened = false;
  let echoes = 0;
  let failures = 0;
  let finished: () => void = () => undefined;
  const all = new Promise<void>((resolve) => (finished = resolve));
  const socket = await openPageBridge(miniappUrl, (message) => {
    if (message.kind === 'event' && message.payload.event === 'open') opened = true;
    if (message.kind === 'result' && !message.ok) failures += 1;
    if (message.kind === 'event' && message.payload.event === 'message' && (echoes += 1) === sends) finished();
  });
  connectTo(socket, echoUrl);
  while (!opened) await new Promise((resolve) => setTimeout(resolve, 10));
  const started = onStart();
  for (let from = 0; from < sends; from += 256) {
    const messages = Array.from({ length: Math.min(256, sends - from) }, (_, index) => ({ op: 'send', callId: 10 + from + index, target: null, options: { data: `m${from + index}` } }));
    socket.send(JSON.stringify({ op: 'batch', messages }));
    if (socket.bufferedAmount > 16 * MiB) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await all;
  socket.close();
  return { ms: performance.now() - started, failures };
}
