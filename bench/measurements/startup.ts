// 6. Start-up: from launching the browser host to the panel's first paint with the demo connected, vs a
// bare Node HTTP server and a static page's first paint in the same browser.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { CdpPage } from '../../e2e/harness/cdp-client';
import { openPage } from '../../e2e/harness/cdp-client';
import { launchChromium } from '../../e2e/harness/cdp-chromium';
import { startBrowserHostProcess } from '../harness/browser-host-process';
import type { BenchContext, Measurement, MeasurementOutput } from '../harness/measurement';
import { summarize } from '../harness/stats';
import { startStaticPageProcess } from '../harness/static-page-process';
import { PANEL_STARTUP_PROBE, PLAIN_STARTUP_PROBE, STARTUP_MARKS, type StartupMarks } from '../pages/startup-scripts';

interface StartupRun {
  /** All from the spawn of the server process, ms. */
  serverReady: number;
  firstPaint: number;
  demoShown: number;
}

/** ms until `node bin/mini-socket-devtools.mjs --version` exits: Node's start plus loading the CLI bundle. */
function versionRun(root: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'mini-socket-devtools.mjs'), '--version'], { cwd: root, stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`--version exited with ${code}`))));
  });
}

const epochNow = (): number => performance.timeOrigin + performance.now();

async function marksWhen(page: CdpPage, ready: (marks: StartupMarks) => boolean, what: string, timeoutMs = 30_000): Promise<StartupMarks> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const marks = await page.evaluate<StartupMarks>(STARTUP_MARKS);
    if (ready(marks)) return marks;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function productRun(context: BenchContext, page: CdpPage): Promise<StartupRun> {
  const spawned = epochNow();
  const host = await startBrowserHostProcess(context.root);
  try {
    const ready = epochNow();
    await page.navigate(host.panelUrl);
    const marks = await marksWhen(page, (found) => found.fcp > 0 && found.firstEntryFrame > 0, 'the panel to show the demo');
    return { serverReady: ready - spawned, firstPaint: marks.fcp - spawned, demoShown: marks.firstEntryFrame - spawned };
  } finally {
    await host.stop();
  }
}

async function baselineRun(page: CdpPage): Promise<StartupRun> {
  const spawned = epochNow();
  const server = await startStaticPageProcess();
  try {
    const ready = epochNow();
    await page.navigate(server.url);
    const marks = await marksWhen(page, (found) => found.fcp > 0, 'the static page to paint');
    return { serverReady: ready - spawned, firstPaint: marks.fcp - spawned, demoShown: marks.fcp - spawned };
  } finally {
    await server.stop();
  }
}

export const startup: Measurement = {
  name: 'startup',
  title: 'Start-up',
  async run(context: BenchContext): Promise<MeasurementOutput> {
    const runs = Math.max(context.runs, context.quick ? 2 : 5);
    const chromium = await launchChromium();
    const product: StartupRun[] = [];
    const baseline: StartupRun[] = [];
    const versions: number[] = [];
    try {
      for (let run = 1; run <= runs; run += 1) {
        const plainPage = await openPage(chromium.cdp);
        await plainPage.send('Page.addScriptToEvaluateOnNewDocument', { source: PLAIN_STARTUP_PROBE });
        baseline.push(await baselineRun(plainPage));
        await plainPage.close();
        const panelPage = await openPage(chromium.cdp);
        await panelPage.send('Page.addScriptToEvaluateOnNewDocument', { source: PANEL_STARTUP_PROBE });
        product.push(await productRun(context, panelPage));
        await panelPage.close();
        versions.push(await versionRun(context.root));
        const last = product[product.length - 1] as StartupRun;
        context.log(`startup run ${run}: host ready ${Math.round(last.serverReady)} ms, first paint ${Math.round(last.firstPaint)} ms, demo shown ${Math.round(last.demoShown)} ms`);
      }
    } finally {
      await chromium.close();
    }
    const pick = (list: StartupRun[], key: keyof StartupRun) => summarize(list.map((run) => run[key]));
    const paired = (key: keyof StartupRun, baseKey: keyof StartupRun) => summarize(product.map((run, i) => run[key] / (baseline[i] as StartupRun)[baseKey]));
    return {
      rows: [
        {
          metric: 'launch → panel painted with the demo connected',
          unit: 'ms',
          product: pick(product, 'demoShown'),
          baseline: { label: 'bare node HTTP server → static page first paint', summary: pick(baseline, 'firstPaint') },
          ratio: paired('demoShown', 'firstPaint'),
        },
        { metric: 'launch → panel first contentful paint', unit: 'ms', product: pick(product, 'firstPaint'), baseline: { label: 'static page first paint', summary: pick(baseline, 'firstPaint') }, ratio: paired('firstPaint', 'firstPaint') },
        { metric: 'launch → host ready (prints its panel URL)', unit: 'ms', product: pick(product, 'serverReady'), baseline: { label: 'bare node server ready', summary: pick(baseline, 'serverReady') }, ratio: paired('serverReady', 'serverReady') },
        { metric: 'for comparison: `mini-socket-devtools --version` exits (Node start + loading the CLI bundle)', unit: 'ms', product: summarize(versions) },
      ],
      notes: [
        `Product: \`node bin/mini-socket-devtools.mjs --web --no-open\` spawned (engine, embedded lab with its TLS certificate, panel and mini-app servers), then a new tab of an already running Chromium opens the printed panel URL. "Demo connected" = the first animation frame after the panel applied its first capture entry, the demo mini-app's \`client-attached\` (its \`my\` bridge is open and the panel shows it). Times in epoch ms from the spawn; ${runs} runs.`,
        'The `--version` row loads the same bundle (out/main/cli.js and its packages) and exits: what the host needs before it starts any server.',
        'Baseline: `node -e` with a 10-line HTTP server answering one static HTML page, spawned the same way, and the same browser\'s first contentful paint of that page. No target was set for start-up.',
      ],
    };
  },
};
