// 3. `my` latency: round trip mini-app sendSocketMessage → echo server → onSocketMessage in the panel's
// mini-app frame, vs a plain browser WebSocket to the same echo server from the same browser.
import { launchChromium } from '../../e2e/harness/cdp-chromium';
import { startBrowserHostProcess } from '../harness/browser-host-process';
import { openLabOriginPage } from '../harness/lab-origin-page';
import type { BenchContext, Measurement, MeasurementOutput, ResultRow } from '../harness/measurement';
import { openPanelPage } from '../harness/panel-page';
import { ascending, percentile, summarize } from '../harness/stats';
import { myRoundTripsScript, webSocketRoundTripsScript, type RoundTripPlan } from '../pages/echo-round-trips';

const PAYLOAD_BYTES = 100;
const TARGET_P50_OVERHEAD_MS = 1;
const TARGET_P99_OVERHEAD_MS = 5;

interface Percentiles {
  p50: number;
  p99: number;
}

function percentilesOf(samples: number[]): Percentiles {
  const sorted = ascending(samples);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

export const myLatency: Measurement = {
  name: 'latency',
  title: '`my` latency',
  async run(context: BenchContext): Promise<MeasurementOutput> {
    const count = context.quick ? 300 : 2000;
    const warmup = 100;
    const chromium = await launchChromium();
    const host = await startBrowserHostProcess(context.root).catch(async (error: unknown) => {
      await chromium.close();
      throw error;
    });
    const product: Percentiles[] = [];
    const baseline: Percentiles[] = [];
    try {
      const panel = await openPanelPage(chromium, host);
      const echoUrl = await panel.page.evaluate<string>("window.__MSD_LAB__.endpoints.find((endpoint) => endpoint.name === 'echo').url", panel.miniapp);
      const labPage = await openLabOriginPage(chromium, echoUrl);
      const plan: RoundTripPlan = { url: echoUrl, warmup, count, payloadBytes: PAYLOAD_BYTES };
      for (let run = 1; run <= context.runs; run += 1) {
        baseline.push(percentilesOf(await labPage.evaluate<number[]>(webSocketRoundTripsScript(plan))));
        product.push(percentilesOf(await panel.page.evaluate<number[]>(myRoundTripsScript(plan), panel.miniapp)));
        const last = (list: Percentiles[]) => list[list.length - 1] as Percentiles;
        context.log(`latency run ${run}: my p50 ${last(product).p50.toFixed(2)} ms p99 ${last(product).p99.toFixed(2)} ms; WebSocket p50 ${last(baseline).p50.toFixed(2)} ms p99 ${last(baseline).p99.toFixed(2)} ms`);
      }
      await labPage.close();
      await panel.page.close();
    } finally {
      await host.stop();
      await chromium.close();
    }
    const rows: ResultRow[] = [];
    for (const [key, target] of [
      ['p50', TARGET_P50_OVERHEAD_MS],
      ['p99', TARGET_P99_OVERHEAD_MS],
    ] as const) {
      const productValues = product.map((run) => run[key]);
      const baselineValues = baseline.map((run) => run[key]);
      const overhead = summarize(productValues.map((value, i) => value - (baselineValues[i] as number)));
      rows.push(
        {
          metric: `round trip ${key}, ${PAYLOAD_BYTES} B text, ${count.toLocaleString('en-US')} sequential`,
          unit: 'ms',
          product: summarize(productValues),
          baseline: { label: 'plain browser WebSocket, same echo', summary: summarize(baselineValues) },
          ratio: summarize(productValues.map((value, i) => value / (baselineValues[i] as number))),
        },
        {
          metric: `${key} overhead (product − baseline)`,
          unit: 'ms',
          product: overhead,
          target: `≤ ${target} ms`,
          met: overhead.median <= target,
        },
      );
    }
    return {
      rows,
      notes: [
        `Product: the browser host started as users start it (\`node bin/mini-socket-devtools.mjs --web --no-open\`), its panel open in Chromium with the demo mini-app in the panel's sandboxed iframe (Chromium runs it out of process); in that frame \`my.connectSocket({ url: <lab echo>, multiple: true })\`, then ${count.toLocaleString('en-US')} sequential \`task.send\` → echo → \`task.onMessage\` after ${warmup} warm-up round trips. Path: page → bridge WebSocket → engine (capture, panel batches) → ws → lab echo (in the host process) and back.`,
        'Baseline: the mini-app\'s CSP allows only its bridge (by design), so the plain WebSocket runs from another tab on the lab server\'s own HTTP origin (the host\'s embedded lab, no CSP), same browser, same echo endpoint, same payload and loop. Runs alternate baseline, product.',
        'Timing: performance.now() in the page; Chromium coarsens it to 100 µs in pages that are not cross-origin isolated, so values below about 0.2 ms are quantized.',
        'Chromium driven by a minimal CDP client (Runtime.evaluate); the Network domain is never enabled, so Chromium does not report WebSocket frames to the driver.',
      ],
    };
  },
};
