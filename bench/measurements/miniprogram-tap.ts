// Mini-program view, part 2: a tap on a row of a 1,000-item a:for list to its re-render, through the real
// logic runtime in a Worker (bench/pages/miniprogram-tap-*.ts), and the longest main-thread task meanwhile.
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright';
import type { BenchContext, ResultRow } from '../harness/measurement';
import { summarize } from '../harness/stats';
import { mainThreadTasks, type TaskTime } from '../harness/trace-tasks';
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
  const mountTimes: number[] = [];
  await page.evaluate(`__mpTapBench.prepare(${JSON.stringify(listCode)}, ${JSON.stringify(workerCode)}, ${JSON.stringify(rows)})`);
  const tracedTasks: TaskTime[] = [];
  for (let run = 0; run < Math.max(3, context.runs); run += 1) {
    // Every run is traced: each main-thread task's wall and CPU time, not only what the longtask observer reports.
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    const result = (await page.evaluate(`__mpTapBench.run(${taps})`)) as TapTimes;
    times.push(...result.taps);
    longTasks.push(...result.longTasks);
    mountLongTasks.push(...result.mountLongTasks);
    mountTimes.push(result.mountMs);
    tracedTasks.push(...mainThreadTasks(await browser.stopTracing()));
  }
  await page.close();
  const longest = Math.max(0, ...longTasks);
  const longestMount = Math.max(0, ...mountLongTasks);
  const longestWall = Math.max(0, ...tracedTasks.map((task) => task.wall));
  const longestCpu = Math.max(0, ...tracedTasks.map((task) => task.cpu));
  const overTarget = tracedTasks.filter((task) => task.wall > LONG_TASK_MS);
  const waited = overTarget.map((task) => `${task.wall.toFixed(0)} ms (CPU ${task.cpu.toFixed(1)} ms)`).join(', ');
  context.log(`traced: ${tracedTasks.length} main-thread tasks, longest ${longestWall.toFixed(1)} ms wall, ${longestCpu.toFixed(1)} ms CPU; over ${LONG_TASK_MS} ms: ${waited || 'none'}`);
  context.log(`tap → re-render: median ${summarize(times).median.toFixed(2)} ms; longest main-thread task ${longest.toFixed(0)} ms while tapping, ${longestMount.toFixed(0)} ms while mounting (${mountLongTasks.length} long tasks); first render ${summarize(mountTimes).median.toFixed(0)} ms`);
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
      metric: `longest main-thread task, wall clock (Chromium trace of every task, mount + taps, all runs: ${tracedTasks.length} tasks; over ${LONG_TASK_MS} ms: ${waited || 'none'})`,
      unit: 'ms',
      product: summarize([longestWall]),
      target: `no task over ${LONG_TASK_MS} ms`,
      met: longestWall <= LONG_TASK_MS,
    },
    {
      metric: 'longest main-thread task, CPU time of the thread (the same trace; what the view costs, without waiting for a core)',
      unit: 'ms',
      product: summarize([longestCpu]),
      target: `no task over ${LONG_TASK_MS} ms`,
      met: longestCpu <= LONG_TASK_MS,
    },
    {
      metric: `first render: Worker started → page-ready (all ${rows.length} rows mounted, in slices)`,
      unit: 'ms',
      product: summarize(mountTimes),
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
