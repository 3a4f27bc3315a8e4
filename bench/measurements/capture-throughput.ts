// 1. Capture throughput: frames/s the engine records (capture log, with a panel session streaming its
// batches to a consumer that acks) vs a bare `ws` client counting the same flood from the same server.
import type { EngineFloodInput, EngineFloodResult } from '../children/engine-flood-capture';
import type { FloodClientInput, FloodRunResult } from '../children/bare-flood-client';
import type { LabServerInfo } from '../children/lab-server';
import { processRunningMicros, type ThreadTimes } from '../children/thread-times';
import { runChildScript, startChildService } from '../harness/child-script';
import { describeHotspots } from '../harness/cpu-profile';
import { floodUrl } from '../harness/flood-url';
import type { BenchContext, Measurement, MeasurementOutput } from '../harness/measurement';
import { summarize } from '../harness/stats';

const FRAME_BYTES = 100;
const TARGET_RATIO = 0.9;

/** Two more engine runs over the flood window only (node:inspector): a CPU profile, then allocation sampling. */
async function diagnose(context: BenchContext, url: string, count: number): Promise<string> {
  const profiled = (extra: Partial<EngineFloodInput>) =>
    runChildScript<EngineFloodResult>(context.root, 'engine-flood-capture.ts', { url, count, serialize: false, ...extra } satisfies EngineFloodInput, {
      nodeFlags: ['--enable-source-maps'],
      timeoutMs: 120_000,
    });
  try {
    const cpu = await profiled({ profile: true });
    const memory = await profiled({ allocations: true });
    const allocation = memory.allocation;
    const sites = allocation ? allocation.sites.map((site) => `${site.name} ${Math.round(site.bytes)} B`).join('; ') : 'none sampled';
    return [
      `Where the time goes (one extra engine run with a CPU profile of the flood window, ${Math.round(cpu.appFramesPerSecond)} frames/s; self time as a share of the window): ${describeHotspots(cpu.hotspots ?? [])}.`,
      `What is allocated (another run under V8's sampling heap profiler, garbage included): ${Math.round(allocation?.bytesPerFrame ?? 0)} B per flood frame; by site, per frame: ${sites}.`,
    ].join(' ');
  } catch (error) {
    return `The profiled engine runs failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

interface WireRuns {
  bare: FloodRunResult[];
  engine: EngineFloodResult[];
  /** The server process's CPU µs per frame while each side's child ran. */
  serverCpu: { bare: number[]; engine: number[] };
}

/** Runs `run` and notes the CPU the server process `serverPid` used meanwhile, per frame, in `into`. */
async function withServerCpu<T>(serverPid: number, count: number, into: number[], run: () => Promise<T>): Promise<T> {
  const before = processRunningMicros(serverPid);
  const result = await run();
  into.push((processRunningMicros(serverPid) - before) / count);
  return result;
}

/** One bare and one engine run against `url` (served by `serverPid`), appended to `runs`. */
async function measureWire(context: BenchContext, runs: WireRuns, url: string, count: number, serverPid: number): Promise<void> {
  const options = { timeoutMs: 120_000 };
  runs.bare.push(await withServerCpu(serverPid, count, runs.serverCpu.bare, () => runChildScript<FloodRunResult>(context.root, 'bare-flood-client.ts', { url, count } satisfies FloodClientInput, options)));
  runs.engine.push(await withServerCpu(serverPid, count, runs.serverCpu.engine, () => runChildScript<EngineFloodResult>(context.root, 'engine-flood-capture.ts', { url, count, serialize: false } satisfies EngineFloodInput, options)));
}

/** Shares of the receiving thread's window, and the other threads' CPU per frame (the bound: docs/architecture.md#capture-cpu). */
function threadRows(runs: WireRuns) {
  const share = (times: ThreadTimes, part: keyof ThreadTimes) => (100 * times[part]) / (times.running + times.waiting + times.asleep);
  const row = (metric: string, unit: string, value: (times: ThreadTimes, frames: number) => number) => ({
    metric,
    unit,
    product: summarize(runs.engine.map((run) => value(run.threadTimes, run.appMessages))),
    baseline: { label: 'bare ws client counting', summary: summarize(runs.bare.map((run) => value(run.threadTimes, run.frames))) },
  });
  return [
    row('receiver-bound wire: the receiving thread (the engine\'s; the bare client\'s main) running on a core, share of the recorded window', '%', (times) => share(times, 'running')),
    row('… waiting for a core (run queue: other threads and processes held both cores)', '%', (times) => share(times, 'waiting')),
    row('… asleep (nothing to read yet: the sender or TCP was the limit, or a wait)', '%', (times) => share(times, 'asleep')),
    row("receiver-bound wire: CPU per frame of the receiver's other threads (V8's GC and compiler threads, libuv)", 'µs', (times, frames) => times.otherThreadsRunning / frames),
    {
      metric: "receiver-bound wire: the lab server process's CPU per frame while each side received",
      unit: 'µs',
      product: summarize(runs.serverCpu.engine),
      baseline: { label: 'while the bare ws client received', summary: summarize(runs.serverCpu.bare) },
    },
  ];
}

function ratioOf(runs: WireRuns): number[] {
  return runs.engine.map((run, i) => run.appFramesPerSecond / (runs.bare[i] as FloodRunResult).framesPerSecond);
}

export const captureThroughput: Measurement = {
  name: 'capture',
  title: 'Capture throughput',
  async run(context: BenchContext): Promise<MeasurementOutput> {
    const count = context.quick ? 100_000 : 500_000;
    const lab = await startChildService<LabServerInfo>(context.root, 'lab-server.ts', {}, { timeoutMs: 30_000 });
    const perFrameServer = await startChildService<{ url: string }>(context.root, 'per-frame-flood-server.ts', {}, { timeoutMs: 30_000 }).catch(async (error: unknown) => {
      await lab.stop();
      throw error;
    });
    const ordinary: WireRuns = { bare: [], engine: [], serverCpu: { bare: [], engine: [] } };
    const batched: WireRuns = { bare: [], engine: [], serverCpu: { bare: [], engine: [] } };
    const serialized: EngineFloodResult[] = [];
    let diagnosis = '';
    try {
      const ordinaryUrl = floodUrl(perFrameServer.info.url, count, FRAME_BYTES);
      const batchedUrl = floodUrl(lab.info.floodUrl, count, FRAME_BYTES);
      for (let run = 1; run <= context.runs; run += 1) {
        await measureWire(context, ordinary, ordinaryUrl, count, perFrameServer.pid);
        await measureWire(context, batched, batchedUrl, count, lab.pid);
        serialized.push(await runChildScript<EngineFloodResult>(context.root, 'engine-flood-capture.ts', { url: batchedUrl, count, serialize: true } satisfies EngineFloodInput, { timeoutMs: 120_000 }));
        const last = <T>(list: T[]) => list[list.length - 1] as T;
        context.log(
          `capture run ${run}: per-frame wire bare ${Math.round(last(ordinary.bare).framesPerSecond)}/s, engine ${Math.round(last(ordinary.engine).appFramesPerSecond)}/s; batched wire bare ${Math.round(last(batched.bare).framesPerSecond)}/s, engine ${Math.round(last(batched.engine).appFramesPerSecond)}/s (${last(batched.engine).skipped} skipped by the stream)`,
        );
      }
      if (summarize(ratioOf(ordinary)).median < TARGET_RATIO || summarize(ratioOf(batched)).median < TARGET_RATIO) {
        context.log('capture: below target; profiling one more engine run');
        diagnosis = await diagnose(context, batchedUrl, count);
      }
    } finally {
      await Promise.all([lab.stop(), perFrameServer.stop()]);
    }
    const bareBaseline = (runs: WireRuns) => ({ label: 'bare ws client counting', summary: summarize(runs.bare.map((run) => run.framesPerSecond)) });
    const versusBare = (values: number[]) => summarize(values.map((value, i) => value / (batched.bare[i] as FloodRunResult).framesPerSecond));
    const targetRow = (runs: WireRuns, wire: string) => {
      const ratio = summarize(ratioOf(runs));
      return {
        metric: `frames/s recorded (logged and delivered to the app, stream running), ${count.toLocaleString('en-US')} × ${FRAME_BYTES} B, ${wire}`,
        unit: 'frames/s',
        product: summarize(runs.engine.map((run) => run.appFramesPerSecond)),
        baseline: bareBaseline(runs),
        ratio,
        target: `≥ ${TARGET_RATIO}× bare ws`,
        met: ratio.median >= TARGET_RATIO,
      };
    };
    return {
      rows: [
        targetRow(ordinary, 'ordinary wire (ws server, one send() per frame)'),
        targetRow(batched, "receiver-bound wire (lab /flood, 64 KiB writes)"),
        {
          metric: 'receiver-bound wire: frames/s through the stream (open → the stream caught up)',
          unit: 'frames/s',
          product: summarize(batched.engine.map((run) => run.framesPerSecond)),
          baseline: bareBaseline(batched),
          ratio: versusBare(batched.engine.map((run) => run.framesPerSecond)),
        },
        {
          metric: 'receiver-bound wire: flood frames the stream never delivered (ring overflow, exactly counted as skipped)',
          unit: '',
          product: summarize(batched.engine.map((run) => run.appMessages - run.streamedFrames)),
          baseline: { label: 'entries skipped', summary: summarize(batched.engine.map((run) => run.skipped)) },
        },
        {
          metric: 'receiver CPU per frame (user + system, open → end), receiver-bound wire',
          unit: 'µs',
          product: summarize(batched.engine.map((run) => run.cpuMicrosPerFrame)),
          baseline: { label: 'bare ws client counting', summary: summarize(batched.bare.map((run) => run.cpuMicrosPerFrame)) },
          ratio: summarize(batched.engine.map((run, i) => run.cpuMicrosPerFrame / (batched.bare[i] as FloodRunResult).cpuMicrosPerFrame)),
        },
        ...threadRows(batched),
        {
          metric: 'receiver-bound wire, every panel message also JSON-serialized (the browser-host bridge): frames/s recorded',
          unit: 'frames/s',
          product: summarize(serialized.map((run) => run.appFramesPerSecond)),
          baseline: bareBaseline(batched),
          ratio: versusBare(serialized.map((run) => run.appFramesPerSecond)),
        },
      ],
      notes: [
        'Two servers, each in its own child process, so each measured side can have a core of its own (2 cores): the ordinary wire is a ws server sending one frame per send() as fast as its backpressure allows (the wire the brief compares with, about 100k frames/s of 100 B here); the receiver-bound wire is the product\'s lab /flood, which writes frames in 64 KiB batches straight to the socket so that the receiver is the limit. Same text payloads ("<seq>:xxx…"). Each measured side runs in a fresh child; per run: bare and engine on the ordinary wire, then bare, engine and engine+JSON on the lab wire.',
        'Product: createEngine() with the default ring (200,000), a mini-app client (its events counted), and createPanelSession() subscribed whose consumer acks every batch on the next setImmediate (the browser host minus its bridge socket). "Recorded" = open event to the app\'s last message event (every frame is logged before it is delivered); "through the stream" = until the batch that carries the last frame or its skip count, once the stream has caught up with the log.',
        'Baseline: a bare ws client counting messages, from open to the last frame.',
        'Receiver CPU per frame comes from process.cpuUsage() in each child over its window: it is the cost of each path even when the shared machine\'s load makes frames/s noisy.',
        'Where the receiving thread\'s window went comes from Linux\'s /proc schedstat of that thread (running, waiting on a run queue; asleep is the rest of the wall time) and of the process\'s other threads; the server\'s CPU from its process\'s threads\' schedstat around each child\'s run (child start-up included, when the server idles). A thread that is almost never asleep is bound by its own CPU per frame (and, under load, by its share of the cores); one that sleeps waits for its sender.',
        ...(diagnosis ? [diagnosis] : []),
      ],
    };
  },
};
