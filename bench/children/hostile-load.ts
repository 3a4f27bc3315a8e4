// The hardening figures (issue 17, issue 10 item 1), in one child with the product: engine + browser host
// (built out/ as served by `npm run build`), pages played by raw bridge clients. `flood`: a page connects
// to the lab's flood of `floodMiB` × 1 MiB while another page pings the echo every 100 ms: peak RSS and
// the slowest ping (how long a panel or page would have waited). `burst`: `sends` sends through `my`'s
// bridge (batched as the page shim batches) vs a bare ws client sending the same to the same echo.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import { createEngine } from '../../main/core/engine';
import { startBrowserHost, type BrowserHost } from '../../main/browser-host/index';
import type { EngineMessage } from '../../shared/my-wire';
import { unpackEngineLinkMessage } from '../../shared/my-wire';
import { answer, childInput } from './child-io';

export interface HostileLoadInput {
  side: 'flood' | 'burst-my' | 'burst-bare' | 'burst-rss';
  outDir: string;
  floodUrl: string;
  echoUrl: string;
  floodMiB?: number;
  sends?: number;
}

export interface HostileLoadResult {
  rssStartMiB: number;
  rssPeakMiB: number;
  /** flood: slowest echo round trip during the flood; burst: time to the last echo. */
  ms: number;
  failures: number;
  eventLoopMaxMs: number;
  /** CPU time (user + system) of this process during the burst or flood, ms: steadier than wall time on a loaded machine. */
  cpuMs: number;
}

const MiB = 1024 * 1024;

/** CPU usage when the measured part began (the flood: the start of the run). */
let cpuFrom = process.cpuUsage();

/** Marks the start of the measured part: now, and the CPU usage from here on. */
function measureFromHere(): number {
  cpuFrom = process.cpuUsage();
  return performance.now();
}

async function page(host: BrowserHost, onMessage: (message: EngineMessage) => void): Promise<WebSocket> {
  const html = await (await fetch(host.miniappUrl)).text();
  const url = (/data-msd-bridge="([^"]+)"/.exec(html)?.[1] ?? '').replace(/&amp;/g, '&');
  const socket = new WebSocket(url, { origin: 'null' });
  socket.on('message', (data) => unpackEngineLinkMessage(JSON.parse(data.toString())).forEach((message) => onMessage(message as EngineMessage)));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return socket;
}

function connectTo(socket: WebSocket, url: string): void {
  socket.send(JSON.stringify({ op: 'connect', callId: 1, target: null, options: { url } }));
}

async function run(input: HostileLoadInput): Promise<HostileLoadResult> {
  const rssStart = process.memoryUsage().rss;
  let rssPeak = rssStart;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const done = (ms: number, failures: number): HostileLoadResult => {
    clearInterval(sampler);
    loop.disable();
    const cpu = process.cpuUsage(cpuFrom);
    return { rssStartMiB: rssStart / MiB, rssPeakMiB: Math.max(rssPeak, process.memoryUsage().rss) / MiB, ms, failures, eventLoopMaxMs: loop.max / 1e6, cpuMs: (cpu.user + cpu.system) / 1000 };
  };
  if (input.side === 'burst-bare') return done(await bareBurst(input.echoUrl, input.sends ?? 50_000), 0);

  const engine = createEngine();
  const host = await startBrowserHost({ engine, outDir: input.outDir });
  try {
    if (input.side === 'flood') return await flood(host, input, done);
    return await myBurst(host, input, done);
  } finally {
    await host.close();
    await engine.shutdown();
  }
}

async function flood(host: BrowserHost, input: HostileLoadInput, done: (ms: number, failures: number) => HostileLoadResult): Promise<HostileLoadResult> {
  const count = input.floodMiB ?? 1024;
  let messages = 0;
  let pongAt = 0;
  let slowest = 0;
  let opened = 0;
  const pinger = await page(host, (message) => {
    if (message.kind === 'event' && message.payload.event === 'open') opened += 1;
    if (message.kind === 'event' && message.payload.event === 'message') slowest = Math.max(slowest, performance.now() - pongAt);
  });
  connectTo(pinger, input.echoUrl);
  const flooded = new Promise<void>((resolve) => {
    void page(host, (message) => {
      if (message.kind === 'event' && message.payload.event === 'message' && (messages += 1) === count) resolve();
    }).then((socket) => connectTo(socket, `${input.floodUrl}?count=${count}&size=${MiB}&rate=0`));
  });
  while (opened === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  const ping = setInterval(() => {
    pongAt = performance.now();
    pinger.send(JSON.stringify({ op: 'send', callId: 2, target: null, options: { data: 'ping' } }));
  }, 100);
  await flooded;
  clearInterval(ping);
  return done(slowest, 0);
}

async function myBurst(host: BrowserHost, input: HostileLoadInput, done: (ms: number, failures: number) => HostileLoadResult): Promise<HostileLoadResult> {
  const sends = input.sends ?? 50_000;
  let opened = false;
  let echoes = 0;
  let failures = 0;
  let finished: () => void = () => undefined;
  const all = new Promise<void>((resolve) => (finished = resolve));
  const socket = await page(host, (message) => {
    if (message.kind === 'event' && message.payload.event === 'open') opened = true;
    if (message.kind === 'result' && !message.ok) failures += 1;
    if (message.kind === 'event' && message.payload.event === 'message' && (echoes += 1) === sends) finished();
  });
  connectTo(socket, input.echoUrl);
  while (!opened) await new Promise((resolve) => setTimeout(resolve, 10));
  const started = measureFromHere();
  // As the page shim batches one microtask's calls (shared/my-wire.ts MAX_CLIENT_BATCH).
  for (let from = 0; from < sends; from += 256) {
    const messages = Array.from({ length: Math.min(256, sends - from) }, (_, index) => ({ op: 'send', callId: 10 + from + index, target: null, options: { data: `m${from + index}` } }));
    socket.send(JSON.stringify({ op: 'batch', messages }));
    if (socket.bufferedAmount > 16 * MiB) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await all;
  return done(performance.now() - started, failures);
}

async function bareBurst(echoUrl: string, sends: number): Promise<number> {
  const socket = new WebSocket(echoUrl);
  await new Promise((resolve) => socket.once('open', resolve));
  let echoes = 0;
  const all = new Promise<void>((resolve) => socket.on('message', () => (echoes += 1) === sends && resolve()));
  const started = measureFromHere();
  for (let index = 0; index < sends; index += 1) socket.send(`m${index}`);
  await all;
  socket.close();
  return performance.now() - started;
}

await answer(() => run(childInput<HostileLoadInput>()));
