// The hardening figures (issue 17, issue 10 item 1), in one child with the product: engine + browser host
// (built out/ as served by `npm run build`), pages played by raw bridge clients (bench/children/bridge-page.ts).
// `flood`: a page connects to the lab's flood of `floodMiB` × 1 MiB while another page pings the echo every
// 100 ms: peak RSS and the slowest ping (how long a panel or page would have waited). `burst-my`: `sends`
// sends through `my`'s bridge, the page in this process, vs `burst-bare`: a bare ws client sending the same to
// the same echo. `burst-rss`: the same burst with the page in a process of its own (as Chromium is), so the
// RSS sampled here is the product's alone.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import { createEngine } from '../../main/core/engine';
import { startBrowserHost, type BrowserHost } from '../../main/browser-host/index';
import { runChildScript } from '../harness/child-script';
import { connectTo, openPageBridge, sendBurstThroughMy, type PageBurst } from './bridge-page';
import { answer, childInput } from './child-io';
import type { PageBurstInput } from './page-burst';

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
  /** process.memoryUsage() when RSS peaked, MiB: what the growth is made of. */
  atPeak: MemoryAtPeak;
}

export interface MemoryAtPeak {
  heapUsedMiB: number;
  heapTotalMiB: number;
  externalMiB: number;
  arrayBuffersMiB: number;
}

const MiB = 1024 * 1024;

/** CPU usage when the measured part began (the flood: the start of the run). */
let cpuFrom = process.cpuUsage();

/** Marks the start of the measured part: now, and the CPU usage from here on. */
function measureFromHere(): number {
  cpuFrom = process.cpuUsage();
  return performance.now();
}

async function run(input: HostileLoadInput): Promise<HostileLoadResult> {
  const rssStart = process.memoryUsage().rss;
  let rssPeak = rssStart;
  let atPeak = process.memoryUsage();
  const sample = (): void => {
    const rss = process.memoryUsage.rss();
    if (rss <= rssPeak) return;
    rssPeak = rss;
    atPeak = process.memoryUsage();
  };
  const sampler = setInterval(sample, 20);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const done = (ms: number, failures: number): HostileLoadResult => {
    clearInterval(sampler);
    sample();
    loop.disable();
    const cpu = process.cpuUsage(cpuFrom);
    return { rssStartMiB: rssStart / MiB, rssPeakMiB: rssPeak / MiB, ms, failures, eventLoopMaxMs: loop.max / 1e6, cpuMs: (cpu.user + cpu.system) / 1000, atPeak: inMiB(atPeak) };
  };
  if (input.side === 'burst-bare') return done(await bareBurst(input.echoUrl, input.sends ?? 50_000), 0);

  const engine = createEngine();
  const host = await startBrowserHost({ engine, outDir: input.outDir });
  try {
    if (input.side === 'flood') return await flood(host, input, done);
    if (input.side === 'burst-rss') return await pageProcessBurst(host, input, done);
    return await myBurst(host, input, done);
  } finally {
    await host.close();
    await engine.shutdown();
  }
}

function inMiB(usage: NodeJS.MemoryUsage): MemoryAtPeak {
  return { heapUsedMiB: usage.heapUsed / MiB, heapTotalMiB: usage.heapTotal / MiB, externalMiB: usage.external / MiB, arrayBuffersMiB: usage.arrayBuffers / MiB };
}

async function flood(host: BrowserHost, input: HostileLoadInput, done: (ms: number, failures: number) => HostileLoadResult): Promise<HostileLoadResult> {
  const count = input.floodMiB ?? 1024;
  let messages = 0;
  let pongAt = 0;
  let slowest = 0;
  let opened = 0;
  const pinger = await openPageBridge(host.miniappUrl, (message) => {
    if (message.kind === 'event' && message.payload.event === 'open') opened += 1;
    if (message.kind === 'event' && message.payload.event === 'message') slowest = Math.max(slowest, performance.now() - pongAt);
  });
  connectTo(pinger, input.echoUrl);
  const flooded = new Promise<void>((resolve) => {
    void openPageBridge(host.miniappUrl, (message) => {
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
  const burst = await sendBurstThroughMy(host.miniappUrl, input.echoUrl, input.sends ?? 50_000, measureFromHere);
  return done(burst.ms, burst.failures);
}

/** The page in a process of its own (bench/children/page-burst.ts): this process is the product only. */
async function pageProcessBurst(host: BrowserHost, input: HostileLoadInput, done: (ms: number, failures: number) => HostileLoadResult): Promise<HostileLoadResult> {
  const pageInput: PageBurstInput = { miniappUrl: host.miniappUrl, echoUrl: input.echoUrl, sends: input.sends ?? 50_000 };
  measureFromHere();
  const burst = await runChildScript<PageBurst>(process.cwd(), 'page-burst.ts', pageInput, { timeoutMs: 600_000 });
  return done(burst.ms, burst.failures);
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
