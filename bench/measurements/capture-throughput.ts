// 1. Capture throughput: frames/s the engine records (capture log → panel-session batches → acks) vs a
// bare `ws` client counting the same flood from the same server process.
import type { EngineFloodInput, EngineFloodResult } from '../children/engine-flood-capture';
import type { FloodClientInput, FloodRunResult } from '../children/bare-flood-client';
import type { LabServerInfo } from '../children/lab-server';
import { runChildScript, startChildService } from '../harness/child-script';
import { floodUrl } from '../harness/flood-url';
import type { BenchContext, Measurement, MeasurementOutput } from '../harness/measurement';
import { summarize } from '../harness/stats';

const FRAME_BYTES = 100;
const TARGET_RATIO = 0.9;

export const captureThroughput: Measurement = {
  name: 'capture',
  title: 'Capture throughput',
  async run(context: BenchContext): Promise<MeasurementOutput> {
    const count = context.quick ? 100_000 : 500_000;
    const lab = await startChildService<LabServerInfo>(context.root, 'lab-server.ts', {}, { timeoutMs: 30_000 });
    const bare: number[] = [];
    const engine: number[] = [];
    const serialized: number[] = [];
    let skipped = 0;
    let appMessagesShort = 0;
    try {
      const url = floodUrl(lab.info.floodUrl, count, FRAME_BYTES);
      const timeoutMs = 120_000;
      for (let run = 1; run <= context.runs; run += 1) {
        const bareRun = await runChildScript<FloodRunResult>(context.root, 'bare-flood-client.ts', { url, count } satisfies FloodClientInput, { timeoutMs });
        bare.push(bareRun.framesPerSecond);
        const engineRun = await runChildScript<EngineFloodResult>(context.root, 'engine-flood-capture.ts', { url, count, serialize: false } satisfies EngineFloodInput, { timeoutMs });
        engine.push(engineRun.framesPerSecond);
        skipped += engineRun.skipped;
        appMessagesShort += count - engineRun.appMessages;
        const jsonRun = await runChildScript<EngineFloodResult>(context.root, 'engine-flood-capture.ts', { url, count, serialize: true } satisfies EngineFloodInput, { timeoutMs });
        serialized.push(jsonRun.framesPerSecond);
        context.log(
          `capture run ${run}: bare ${Math.round(bareRun.framesPerSecond)}/s, engine ${Math.round(engineRun.framesPerSecond)}/s (${engineRun.batches} batches), engine+JSON ${Math.round(jsonRun.framesPerSecond)}/s`,
        );
      }
    } finally {
      await lab.stop();
    }
    const ratios = engine.map((value, i) => value / (bare[i] as number));
    const jsonRatios = serialized.map((value, i) => value / (bare[i] as number));
    const ratio = summarize(ratios);
    return {
      rows: [
        {
          metric: `frames/s recorded, ${count.toLocaleString('en-US')} × ${FRAME_BYTES} B`,
          unit: 'frames/s',
          product: summarize(engine),
          baseline: { label: 'bare ws client counting', summary: summarize(bare) },
          ratio,
          target: `≥ ${TARGET_RATIO}× bare ws`,
          met: ratio.median >= TARGET_RATIO,
        },
        {
          metric: 'same, batches also JSON-serialized (browser-host bridge cost)',
          unit: 'frames/s',
          product: summarize(serialized),
          baseline: { label: 'bare ws client counting', summary: summarize(bare) },
          ratio: summarize(jsonRatios),
        },
      ],
      notes: [
        `Server: the product's lab server (/flood, text frames, rate 0 = as fast as the socket drains, ws backpressure at 1 MiB) in its own child process; each measured side runs in a fresh child process, so each side has a core of its own (2 cores).`,
        'Product: createEngine() with the default ring (200,000), a mini-app client whose events are counted, and createPanelSession() subscribed, acking every batch on the next setImmediate (the browser host path without its bridge socket). Time from the app\'s open event to the batch that carries the last flood frame.',
        'Baseline: a bare ws client counting messages, from open to the last frame. Sides alternate run by run (bare, engine, engine+JSON).',
        `Entries skipped by the stream (ring evicted before sending), all runs: ${skipped}; flood frames missing at the app client: ${appMessagesShort}.`,
      ],
    };
  },
};
