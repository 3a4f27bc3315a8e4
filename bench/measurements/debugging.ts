// Debugging (docs/debugging.md): the cost of an enabled breakpoint rule that matches nothing on the flood
// (the engine with the rule vs without, paired runs on the same wire), and how close emulated latency comes
// to the set value (delay from the server's send to the app's receipt, p50, vs the same path with none set).
import type { EngineFloodInput, EngineFloodResult } from '../children/engine-flood-capture';
import type { LatencyEmulationInput, LatencyEmulationResult } from '../children/latency-emulation';
import { runChildScript, startChildService } from '../harness/child-script';
import { floodUrl } from '../harness/flood-url';
import type { BenchContext, Measurement, MeasurementOutput, ResultRow } from '../harness/measurement';
import { ascending, percentile, summarize } from '../harness/stats';

const FRAME_BYTES = 100;
/** The flood with an idle rule may be at most this much slower (issue target: ≤ 10 %). */
const MIN_RATIO = 0.9;
/** p50 of the measured delay within this of the set latency. */
const LATENCY_TOLERANCE_MS = 2;
const LATENCIES_MS = [20, 100];

async function breakpointCost(context: BenchContext): Promise<ResultRow[]> {
  const count = context.quick ? 100_000 : 500_000;
  const server = await startChildService<{ url: string }>(context.root, 'per-frame-flood-server.ts', {}, { timeoutMs: 30_000 });
  const without: number[] = [];
  const withRule: number[] = [];
  const cpuWithout: number[] = [];
  const cpuWithRule: number[] = [];
  try {
    const url = floodUrl(server.info.url, count, FRAME_BYTES);
    const run = (idleBreakpoint: boolean) =>
      runChildScript<EngineFloodResult>(context.root, 'engine-flood-capture.ts', { url, count, serialize: false, idleBreakpoint } satisfies EngineFloodInput, { timeoutMs: 120_000 });
    for (let i = 1; i <= context.runs; i += 1) {
      // Alternate which side goes first, so a drift in the machine's load does not favour one.
      const first = i % 2 === 1;
      const a = await run(first);
      const b = await run(!first);
      const [ruled, plain] = first ? [a, b] : [b, a];
      withRule.push(ruled.appFramesPerSecond);
      without.push(plain.appFramesPerSecond);
      cpuWithRule.push(ruled.cpuMicrosPerFrame);
      cpuWithout.push(plain.cpuMicrosPerFrame);
      context.log(`debugging run ${i}: flood ${Math.round(without.at(-1) ?? 0)}/s without a rule, ${Math.round(withRule.at(-1) ?? 0)}/s with an idle rule`);
    }
  } finally {
    await server.stop();
  }
  const ratio = summarize(withRule.map((value, i) => value / (without[i] as number)));
  const cpuRow: ResultRow = {
    metric: 'receiver CPU per flood frame (user + system), with the idle rule vs without (does not depend on the machine\'s load)',
    unit: 'µs',
    product: summarize(cpuWithRule),
    baseline: { label: 'the same engine, no rule', summary: summarize(cpuWithout) },
    ratio: summarize(cpuWithRule.map((value, i) => value / (cpuWithout[i] as number))),
  };
  return [{
    metric: `flood frames/s with an enabled breakpoint rule that matches nothing, ${count.toLocaleString('en-US')} × ${FRAME_BYTES} B, ordinary wire`,
    unit: 'frames/s',
    product: summarize(withRule),
    baseline: { label: 'the same engine, no rule', summary: summarize(without) },
    ratio,
    target: `≥ ${MIN_RATIO}× (at most 10 % slower)`,
    met: ratio.median >= MIN_RATIO,
  }, cpuRow];
}

async function latencyAccuracy(context: BenchContext, latencyMs: number): Promise<ResultRow> {
  const frames = context.quick ? 60 : 200;
  const p50s: number[] = [];
  const bare: number[] = [];
  for (let i = 1; i <= context.runs; i += 1) {
    const run = (set: number) => runChildScript<LatencyEmulationResult>(context.root, 'latency-emulation.ts', { latencyMs: set, frames, spacingMs: 7 } satisfies LatencyEmulationInput, { timeoutMs: 120_000 });
    p50s.push(percentile(ascending((await run(latencyMs)).delays), 50));
    bare.push(percentile(ascending((await run(0)).delays), 50));
  }
  const product = summarize(p50s);
  return {
    metric: `emulated incoming latency set to ${latencyMs} ms: measured delay server send → app receipt, p50 of ${frames} frames`,
    unit: 'ms',
    product,
    baseline: { label: 'same path, no latency set', summary: summarize(bare) },
    target: `${latencyMs} ± ${LATENCY_TOLERANCE_MS} ms`,
    met: Math.abs(product.median - latencyMs) <= LATENCY_TOLERANCE_MS,
  };
}

export const debugging: Measurement = {
  name: 'debugging',
  title: 'Debugging: idle breakpoint cost, latency emulation accuracy',
  async run(context: BenchContext): Promise<MeasurementOutput> {
    const rows = await breakpointCost(context);
    for (const latency of LATENCIES_MS) rows.push(await latencyAccuracy(context, latency));
    return {
      rows,
      notes: [
        'Breakpoint cost: the capture measurement\'s engine child (capture log, panel session streaming and acking) against the per-frame flood server, with and without one enabled rule ("contains" text no frame has, both directions), paired runs in alternating order.',
        'Latency: an engine and a ws server in one child process, so one clock stamps the server\'s send and the app\'s receipt; frames 7 ms apart; the row is the median over runs of each run\'s p50.',
      ],
    };
  },
};
