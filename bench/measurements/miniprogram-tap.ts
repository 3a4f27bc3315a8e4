// Mini-program view, part 2: a tap on a row of a 1,000-item a:for list to its re-render, through the real
// logic runtime in a Worker (bench/pages/miniprogram-tap-*.ts), and the longest main-thread task meanwhile.
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright';
import type { BenchContext, ResultRow } from '../harness/measurement';
import { summarize } from '../harness/stats';
import type { ListRow } from '../pages/miniprogram-list-page';
import type { TapTimes } from '../pages/miniprogram-tap-page';

const LONG_TASK_MS = 50;

async function bundled(context: BenchContext, entry: string): Promise<string> {
  const result = await build({ entryPoints: [join(context.root, entry)], bundle: true, write: false, format: 'iife', target: 'chrome120', minify: true });
  return result.outputFiles[0]?.text ?? '';
}

/** Rows for the tap measurement; `listCode` is the compiled list AXML. */
export async function tapRows(context: BenchContext, browser: Browser, listCode: string, rows: ListRow[]): Promise<ResultRow[]> {
  const taps = context.quick ? 20 : 60;
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ content: await bundled(context, 'bench/pages/miniprogram-tap-page.ts') });
  const workerCode = await bundled(context, 'bench/pages/miniprogram-tap-worker.ts');
  const times: number[] = [];
  const longTasks: number[] = [];
  const mountLongTasks: number[] = [];
  for (let run = 0; run < Math.max(3, context.runs); run += 1) {
    const result = (await page.evaluate(`__mpTapBench.run(${JSON.stringify(listCode)}, ${JSON.stringify(workerCode)}, ${JSON.stringify(rows)}, ${taps})`)) as TapTimes;
    times.push(...result.taps);
    longTasks.push(...result.longTasks);
    mountLongTasks.push(...result.mountLongTasks);
  }
  await page.close();
  const longest = Math.max(0, ...longTasks);
  const longestMount = Math.max(0, ...mountLongTasks);
  context.log(`tap → re-render: median ${summarize(times).median.toFixed(2)} ms; longest main-thread task ${longest.toFixed(0)} ms while tapping, ${longestMount.toFixed(0)} ms while mounting`);
  return [
    {
      metric: `a tap on a row of the ${rows.length}-item list → logic Worker setData → row re-rendered (rendered acknowledged)`,
      unit: 'ms',
      product: summarize(times),
    },
    {
      metric: `longest main-thread task while tapping (tasks under ${LONG_TASK_MS} ms are not reported: 0 = none)`,
      unit: 'ms',
      product: summarize([longest]),
      target: `no task over ${LONG_TASK_MS} ms`,
      met: longest <= LONG_TASK_MS,
    },
    {
      metric: `longest main-thread task while the Worker boots and the ${rows.length} rows render first`,
      unit: 'ms',
      product: summarize([longestMount]),
      target: `no task over ${LONG_TASK_MS} ms`,
      met: longestMount <= LONG_TASK_MS,
    },
  ];
}
