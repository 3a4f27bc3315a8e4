// 8. Hardening (issue 17, issue 10 item 1): the product under a hostile server and a hostile mini-app.
// Peak RSS under a 1 GiB flood (1024 × 1 MiB) and the slowest echo a page waited for meanwhile; a burst of
// 50,000 sends through `my` (0 failures, time vs a bare ws client to the same echo); RSS growth over a
// 1,000,000-send burst. Each side runs in a fresh child (bench/children/hostile-load.ts).
import { join } from 'node:path';
import type { HostileLoadInput, HostileLoadResult } from '../children/hostile-load';
import type { LabServerInfo } from '../children/lab-server';
import { runChildScript, startChildService } from '../harness/child-script';
import type { BenchContext, Measurement, MeasurementOutput } from '../harness/measurement';
import { summarize } from '../harness/stats';

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
    try {
      for (let run = 1; run <= context.runs; run += 1) {
        floods.push(await child({ side: 'flood', floodMiB }));
        bare.push(await child({ side: 'burst-bare', sends: 50_000 }));
        mine.push(await child({ side: 'burst-my', sends: 50_000 }));
        context.log(`hardening run ${run}: flood peak ${Math.round(floods.at(-1)?.rssPeakMiB ?? 0)} MiB, burst my ${Math.round(mine.at(-1)?.ms ?? 0)} ms vs bare ${Math.round(bare.at(-1)?.ms ?? 0)} ms`);
      }
      big.push(await child({ side: 'burst-my', sends: bigBurst }));
    } finally {
      await lab.stop();
    }
    const throughputRatio = mine.map((result, i) => (bare[i] as HostileLoadResult).ms / result.ms);
    const growth = big.map((result) => result.rssPeakMiB - result.rssStartMiB);
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
        { metric: `RSS growth during a ${bigBurst.toLocaleString('en-US')}-send burst through my`, unit: 'MiB', product: summarize(growth), target: '≤ 200 MB', met: growth.every((value) => value <= 200 / 1.048576) },
      ],
      notes: [
        'The product (engine + browser host) and the pages (raw bridge clients batching as the page shim does) share one child process, so RSS includes the test pages\' own buffers: the figures are upper bounds.',
        'The lab server runs in its own child. Throughput ratio = bare time / my time for the same 50,000 echoes.',
      ],
    };
  },
};
