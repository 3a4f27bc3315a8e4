// 1. Capture throughput: frames/s the engine records (capture log, with a panel session streaming its
// batches to a consumer that acks) vs a bare `ws` client counting the same flood from the same server.
import type { EngineFloodInput, EngineFloodResult } from '../children/engine-flood-capture';
import type { FloodClientInput, FloodRunResult } from '../children/bare-flood-client';
import type { LabServerInfo } from '../children/lab-server';
import { runChildScript, startChildService } from '../harness/child-script';
import { describeHotspots } from '../harness/cpu-profile';
import { floodUrl } from '../harness/flood-url';
import type { BenchContext, Measurement, MeasurementOutput } from '../harness/measurement';
import { summarize } from '../harness/stats';

const FRAME_BYTES = 100;
const TARGET_RATIO = 0.9;

/** One more engine run, profiled (node:inspector) over the flood window only. */
async function diagnose(context: BenchContext, url: string, count: number): Promise<string> {
  try {
    const run = await runChildScript<EngineFloodResult>(context.root, 'engine-flood-capture.ts', { url, count, serialize: false, profile: true } satisfies EngineFloodInput, {
      nodeFlags: ['--enable-source-maps'],
      timeoutMs: 120_000,
    });
    return `Where the time goes (one extra engine run with a CPU profile of the flood window, ${Math.round(run.appFramesPerSecond)} frames/s; self time as a share of the window): ${describeHotspots(run.hotspots ?? [])}.`;
  } catch (error) {
    return `The profiled engine run failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export const captureThroughput: Measurement = {
  name: 'capture',
  title: 'Capture throughput',
  async run(context: BenchContext): Promise<MeasurementOutput> {
    const count = context.quick ? 100_000 : 500_000;
    const lab = await startChildService<LabServerInfo>(context.root, 'lab-server.ts', {}, { timeoutMs: 30_000 });
    const bare: FloodRunResult[] = [];
    const engine: EngineFloodResult[] = [];
    const serialized: EngineFloodResult[] = [];
    let diagnosis = '';
    try {
      const url = floodUrl(lab.info.floodUrl, count, FRAME_BYTES);
      const options = { timeoutMs: 120_000 };
      for (let run = 1; run <= context.runs; run += 1) {
        const bareRun = await runChildScript<FloodRunResult>(context.root, 'bare-flood-client.ts', { url, count } satisfies FloodClientInput, options);
        const engineRun = await runChildScript<EngineFloodResult>(context.root, 'engine-flood-capture.ts', { url, count, serialize: false } satisfies EngineFloodInput, options);
        const jsonRun = await runChildScript<EngineFloodResult>(context.root, 'engine-flood-capture.ts', { url, count, serialize: true } satisfies EngineFloodInput, options);
        bare.push(bareRun);
        engine.push(engineRun);
        serialized.push(jsonRun);
        context.log(
          `capture run ${run}: bare ${Math.round(bareRun.framesPerSecond)}/s, engine ${Math.round(engineRun.appFramesPerSecond)}/s recorded (${engineRun.skipped} skipped by the stream), engine+JSON ${Math.round(jsonRun.appFramesPerSecond)}/s`,
        );
      }
      if (summarize(engine.map((run, i) => run.appFramesPerSecond / (bare[i] as FloodRunResult).framesPerSecond)).median < TARGET_RATIO) {
        context.log('capture: below target; profiling one more engine run');
        diagnosis = await diagnose(context, url, count);
      }
    } finally {
      await lab.stop();
    }
    const bareRate = summarize(bare.map((run) => run.framesPerSecond));
    const versusBare = (values: number[]) => summarize(values.map((value, i) => value / (bare[i] as FloodRunResult).framesPerSecond));
    const ratio = versusBare(engine.map((run) => run.appFramesPerSecond));
    const baseline = { label: 'bare ws client counting', summary: bareRate };
    return {
      rows: [
        {
          metric: `frames/s recorded (logged and delivered to the app, stream running), ${count.toLocaleString('en-US')} × ${FRAME_BYTES} B`,
          unit: 'frames/s',
          product: summarize(engine.map((run) => run.appFramesPerSecond)),
          baseline,
          ratio,
          target: `≥ ${TARGET_RATIO}× bare ws`,
          met: ratio.median >= TARGET_RATIO,
        },
        {
          metric: 'frames/s through the stream (open → the stream caught up)',
          unit: 'frames/s',
          product: summarize(engine.map((run) => run.framesPerSecond)),
          baseline,
          ratio: versusBare(engine.map((run) => run.framesPerSecond)),
        },
        {
          metric: 'flood frames the stream never delivered (ring overflow, exactly counted as skipped)',
          unit: '',
          product: summarize(engine.map((run) => run.appMessages - run.streamedFrames)),
          baseline: { label: 'entries skipped', summary: summarize(engine.map((run) => run.skipped)) },
        },
        {
          metric: 'receiver CPU per frame (user + system, open → end)',
          unit: 'µs',
          product: summarize(engine.map((run) => run.cpuMicrosPerFrame)),
          baseline: { label: 'bare ws client counting', summary: summarize(bare.map((run) => run.cpuMicrosPerFrame)) },
          ratio: summarize(engine.map((run, i) => run.cpuMicrosPerFrame / (bare[i] as FloodRunResult).cpuMicrosPerFrame)),
        },
        {
          metric: 'frames/s recorded when every panel message is also JSON-serialized (the browser-host bridge)',
          unit: 'frames/s',
          product: summarize(serialized.map((run) => run.appFramesPerSecond)),
          baseline,
          ratio: versusBare(serialized.map((run) => run.appFramesPerSecond)),
        },
      ],
      notes: [
        'Server: the product\'s lab server (/flood: text frames written in 64 KiB batches straight to the socket, rate 0 = as fast as it drains) in its own child process; each measured side runs in a fresh child process, so each side can have a core of its own (2 cores). Sides alternate run by run: bare, engine, engine+JSON.',
        'Product: createEngine() with the default ring (200,000), a mini-app client (its events counted), and createPanelSession() subscribed whose consumer acks every batch on the next setImmediate (the browser host minus its bridge socket). "Recorded" = open event to the app\'s last message event (every frame is logged before it is delivered); "through the stream" = until the batch that carries the last frame or its skip count, once the stream has caught up with the log.',
        'Baseline: a bare ws client counting messages, from open to the last frame.',
        'Receiver CPU per frame comes from process.cpuUsage() in each child over its window: it is the cost of each path even when the shared machine\'s load makes frames/s noisy.',
        ...(diagnosis ? [diagnosis] : []),
      ],
    };
  },
};
