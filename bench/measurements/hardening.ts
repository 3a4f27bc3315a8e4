// 8. Hardening (issue 17, issue 10 item 1): the product under a hostile server and a hostile mini-app.
// Peak RSS under a 1 GiB flood (1024 × 1 MiB) and the slowest echo a page waited for meanwhile; a burst of
// 50,000 sends through `my` (0 failures, time vs a bare ws client to the same echo); RSS growth over a
// 1,000,000-send burst, sampled in the product's process alone (the page in a process of its own, as Chromium
// is). Each side runs in a fresh child (bench/children/hostile-load.ts).
import { join } from 'node:path';
import type { HostileLoadInput, HostileLoadResult } from '../children/hostile-load';
import type { LabServerInfo } from '../children/lab-server';
import { runChildScript, startChildService } from '../harness/child-script';
import type { BenchContext, Measurement, MeasurementOutput } from '../harness/measurement';
import { summarize } from '../harness/stats';

function growthOf(result: HostileLoadResult | undefined): number {
  return result ? result.rssPeakMiB - result.rssStartMiB : 0;
}

export const hardening: Measurement = {
  name: 'hardening',
  title: 'Hardening: flood, burst, memory bounds',
  async run(context: BenchContext): Promise<MeasurementOutput> {
    const lab = await startChildService<LabServerInfo>(context.root, 'lab-server.ts', {}, { timeoutMs: 30_000 });
    const base = { outDir: join(context.root, 'out'), floodUrl: lab.info.floodUrl, echoUrl: lab.info.echoUrl };
    const options = { timeoutMs: 600_000 };
    const child = (input: Omit<HostileLoadInput, 'outDir' | 'floodUrl' | 'echoUrl'>) => runChildScript<HostileLoadResult>(context.root, 'hostile-load.ts', { ...base, ...input }, options);
    const floodMiB = context.quick ? 256 : 1024;
    const bigBurst = context.quick ? 200_000 : 1_000_000;
    const floods: HostileLoadResult[] = [];
    const mine: HostileLoadResult[] = [];
    const bare: HostileLoadResult[] = [];
    const big: HostileLoadResult[] = [];
    const samePage: HostileLoadResult[] = [];
    try {
      for (let run = 1; run <= context.runs; run += 1) {
        floods.push(await child({ side: 'flood', floodMiB }));
        bare.push(await child({ side: 'burst-bare', sends: 50_000 }));
        mine.push(await child({ side: 'burst-my', sends: 50_000 }));
        big.push(await child({ side: 'burst-rss', sends: bigBurst }));
        context.log(`hardening run ${run}: flood peak ${Math.round(floods.at(-1)?.rssPeakMiB ?? 0)} MiB, burst my ${Math.round(mine.at(-1)?.ms ?? 0)} ms vs bare ${Math.round(bare.at(-1)?.ms ?? 0)} ms, ${bigBurst} sends: product RSS +${Math.round(growthOf(big.at(-1)))} MiB`);
      }
      samePage.push(await child({ side: 'burst-my', sends: bigBurst }));
    } finally {
      await lab.stop();
    }
    const throughputRatio = mine.map((result, i) => (bare[i] as HostileLoadResult).ms / result.ms);
    const growth = big.map(growthOf);
    const burstName = `${bigBurst.toLocaleString('en-US')}-send burst through my`;
    return {
      rows: [
        { metric: `peak RSS during a ${floodMiB} MiB flood (1 MiB messages)`, unit: 'MiB', product: summarize(floods.map((result) => result.rssPeakMiB)), target: '≤ 1024 MiB (capture bound 256 MiB)', met: floods.every((result) => result.rssPeakMiB <= 1024) },
        { metric: 'slowest echo round trip of another page during the flood (how long it stayed unresponsive)', unit: 'ms', product: summarize(floods.map((result) => result.ms)) },
        { metric: 'failed calls in a burst of 50,000 sends through my', unit: 'calls', product: summarize(mine.map((result) => result.failures)), target: '0', met: mine.every((result) => result.failures === 0) },
        {
          metric: 'burst of 50,000 sends: time to the last echo through my (ratio: bare time ÷ my time = relative throughput)',
          unit: 'ms',
          product: summarize(mine.map((result) => result.ms)),
          baseline: { label: 'bare ws client, same echo (ms)', summary: summarize(bare.map((result) => result.ms)) },
          ratio: summarize(throughputRatio),
          target: '≥ 0.5× (moonshot 0.8×)',
          met: summarize(throughputRatio).median >= 0.5,
        },
        {
          metric: 'that burst: CPU time of the process (ratio: bare CPU ÷ my CPU; steadier than wall time on a loaded machine)',
          unit: 'ms',
          product: summarize(mine.map((result) => result.cpuMs)),
          baseline: { label: 'bare ws client process (ms)', summary: summarize(bare.map((result) => result.cpuMs)) },
          ratio: summarize(mine.map((result, i) => (bare[i] as HostileLoadResult).cpuMs / result.cpuMs)),
        },
        { metric: `RSS growth of the product's process (engine + browser host) during a ${burstName}; the page and the echo server in processes of their own`, unit: 'MiB', product: summarize(growth), target: '≤ 200 MB', met: growth.every((value) => value <= 200 / 1.048576) },
        { metric: 'that burst: V8 heap used at the RSS peak', unit: 'MiB', product: summarize(big.map((result) => result.atPeak.heapUsedMiB)) },
        { metric: 'that burst: V8 heap total (used + headroom V8 holds) at the RSS peak', unit: 'MiB', product: summarize(big.map((result) => result.atPeak.heapTotalMiB)) },
        { metric: 'that burst: memory outside the V8 heap at the RSS peak (external, incl. array buffers)', unit: 'MiB', product: summarize(big.map((result) => result.atPeak.externalMiB)) },
        { metric: `context: RSS growth during the ${burstName} with the page in the product's process (the old arrangement: includes the page's buffered sends and the echoes it receives)`, unit: 'MiB', product: summarize(samePage.map(growthOf)) },
      ],
      notes: [
        'Flood and 50,000-send burst: the product (engine + browser host) and the pages (raw bridge clients batching as the page shim does) share one child process, so RSS includes the test pages\' own buffers: those figures are upper bounds.',
        `RSS growth: peak minus start (before the engine is created) of the process running createEngine() and the browser host, sampled every 20 ms; the page (a raw bridge client batching as the page shim does, bench/children/page-burst.ts) runs in a child of its own, as the real page runs in Chromium, and the echo stands for the user's server in the lab server's child. The embedded lab would add its own per-echo work to the product process; this row measures the user's-server case.`,
        'The lab server runs in its own child. Throughput ratio = bare time / my time for the same 50,000 echoes.',
      ],
    };
  },
};
