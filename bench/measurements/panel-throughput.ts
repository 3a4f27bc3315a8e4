// 2. Panel throughput: a flood opened by the mini-app through `my`, shown live in the panel (browser
// host, Chromium): frames/s applied to the log view, frames never applied, the longest main-thread task
// and the share of animation frames over 50 ms; plus the fastest flood vs a plain browser WebSocket.
import type { CdpContext, CdpPage } from '../../e2e/harness/cdp-client';
import { launchChromium, type LaunchedChromium } from '../../e2e/harness/cdp-chromium';
import { startBrowserHostProcess } from '../harness/browser-host-process';
import { floodUrl } from '../harness/flood-url';
import { openLabOriginPage } from '../harness/lab-origin-page';
import type { BenchContext, Measurement, MeasurementOutput } from '../harness/measurement';
import { openPanelPage } from '../harness/panel-page';
import { summarize } from '../harness/stats';
import {
  MINIAPP_FLOOD_STATE,
  PANEL_LAST_SEQ,
  START_PANEL_PROBE,
  STOP_PANEL_PROBE,
  startMiniappFloodScript,
  webSocketFloodScript,
  type MiniappFloodState,
  type PanelProbeReport,
} from '../pages/panel-flood-scripts';

const FRAME_BYTES = 100;
const SUSTAINED_RATE = 50_000;
/** The lab paces in 10 ms ticks and the probe samples once per animation frame: 2% covers both. */
const SUSTAINED_TOLERANCE = 0.98;
const LONG_MS = 50;

/** One flood through the panel, reduced to what the table shows. */
interface PanelFloodRun {
  appliedPerSecond: number;
  /** Entries of the engine the panel never applied (lost, or skipped after a ring overflow). */
  notApplied: number;
  appFrames: number;
  /** ms from the app's last frame to the panel having applied everything. */
  lagMs: number;
  /** ms from the app's open to the panel having applied everything. */
  totalMs: number;
  longestTaskMs: number;
  longTasks: number;
  animationFrames: number;
  slowFrameShare: number;
  longestFrameMs: number;
  longestAnimationFrameMs: number | null;
  ascending: boolean;
}

async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until the panel's last seq has not moved for `quietMs`. */
async function waitForPanelQuiet(page: CdpPage, quietMs: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = await page.evaluate<number>(PANEL_LAST_SEQ);
  let since = Date.now();
  while (Date.now() - since < quietMs) {
    if (Date.now() > deadline) throw new Error('the panel did not settle');
    await sleep(250);
    const now = await page.evaluate<number>(PANEL_LAST_SEQ);
    if (now !== last) {
      last = now;
      since = Date.now();
    }
  }
}

async function floodThroughPanel(page: CdpPage, miniapp: CdpContext, url: string, count: number): Promise<PanelFloodRun> {
  await waitForPanelQuiet(page, 500, 30_000);
  await page.evaluate(START_PANEL_PROBE);
  await page.evaluate(startMiniappFloodScript({ url, count }), miniapp);
  const deadline = Date.now() + 180_000;
  let app: MiniappFloodState;
  for (;;) {
    await sleep(500);
    app = await page.evaluate<MiniappFloodState>(MINIAPP_FLOOD_STATE, miniapp);
    if (app.error) throw new Error(`the mini-app's flood failed: ${app.error}`);
    if (app.closedAt > 0) break;
    if (Date.now() > deadline) throw new Error(`the flood did not finish (${app.received} of ${count} frames at the app)`);
  }
  await waitForPanelQuiet(page, 1500, 180_000);
  const report = await page.evaluate<PanelProbeReport>(STOP_PANEL_PROBE);
  return reduce(report, app);
}

function reduce(report: PanelProbeReport, app: MiniappFloodState): PanelFloodRun {
  const applied = report.appliedAtEnd - report.appliedAtStart;
  const samples: { at: number; applied: number }[] = [];
  for (let i = 0; i + 1 < report.frames.length; i += 2) samples.push({ at: report.frames[i] as number, applied: report.frames[i + 1] as number });
  const first = samples.find((sample) => sample.applied > report.appliedAtStart);
  const done = samples.find((sample) => sample.applied >= report.appliedAtEnd);
  if (!first || !done) throw new Error('the panel applied nothing during the flood');
  const during = samples.filter((sample) => sample.at >= first.at && sample.at <= done.at);
  const intervals = during.slice(1).map((sample, i) => sample.at - (during[i] as { at: number }).at);
  const slow = intervals.filter((interval) => interval > LONG_MS).length;
  return {
    appliedPerSecond: applied / (Math.max(1, done.at - first.at) / 1000),
    notApplied: report.lastSeqAtEnd - report.lastSeqAtStart - applied,
    appFrames: app.received,
    lagMs: done.at - app.lastAt,
    totalMs: done.at - app.openedAt,
    longestTaskMs: Math.max(0, ...report.longTasks),
    longTasks: report.longTasks.length,
    animationFrames: intervals.length,
    slowFrameShare: intervals.length > 0 ? slow / intervals.length : 0,
    longestFrameMs: Math.max(0, ...intervals),
    longestAnimationFrameMs: report.longAnimationFramesSupported ? Math.max(0, ...report.longAnimationFrames) : null,
    ascending: report.ascending,
  };
}

interface RunSet {
  sustained: PanelFloodRun;
  fastest: PanelFloodRun;
  baselinePerSecond: number;
}

async function oneRun(context: BenchContext, chromium: LaunchedChromium, sustainedCount: number, fastestCount: number): Promise<RunSet> {
  const host = await startBrowserHostProcess(context.root);
  try {
    const panel = await openPanelPage(chromium, host);
    const floodBase = (await panel.page.evaluate<string>("window.__MSD_LAB__.endpoints.find((endpoint) => endpoint.name === 'flood').url", panel.miniapp)).split('?')[0] as string;
    const sustained = await floodThroughPanel(panel.page, panel.miniapp, floodUrl(floodBase, sustainedCount, FRAME_BYTES, SUSTAINED_RATE), sustainedCount);
    const fastest = await floodThroughPanel(panel.page, panel.miniapp, floodUrl(floodBase, fastestCount, FRAME_BYTES, 0), fastestCount);
    await panel.page.close();
    const labPage = await openLabOriginPage(chromium, floodBase);
    const plain = await labPage.evaluate<{ received: number; openedAt: number; lastAt: number }>(webSocketFloodScript({ url: floodUrl(floodBase, fastestCount, FRAME_BYTES, 0), count: fastestCount }));
    await labPage.close();
    return { sustained, fastest, baselinePerSecond: plain.received / ((plain.lastAt - plain.openedAt) / 1000) };
  } finally {
    await host.stop();
  }
}

export const panelThroughput: Measurement = {
  name: 'panel',
  title: 'Panel throughput',
  async run(context: BenchContext): Promise<MeasurementOutput> {
    const seconds = context.quick ? 2 : 10;
    const sustainedCount = SUSTAINED_RATE * seconds;
    const fastestCount = context.quick ? 100_000 : 300_000;
    const chromium = await launchChromium();
    const runs: RunSet[] = [];
    try {
      for (let run = 1; run <= context.runs; run += 1) {
        const result = await oneRun(context, chromium, sustainedCount, fastestCount);
        runs.push(result);
        const { sustained, fastest } = result;
        context.log(
          `panel run ${run}: sustained ${Math.round(sustained.appliedPerSecond)}/s applied, lag ${Math.round(sustained.lagMs)} ms, not applied ${sustained.notApplied}, longest task ${Math.round(sustained.longestTaskMs)} ms, slow frames ${(sustained.slowFrameShare * 100).toFixed(1)}%; fastest ${Math.round(fastest.appliedPerSecond)}/s vs plain WebSocket ${Math.round(result.baselinePerSecond)}/s`,
        );
      }
    } finally {
      await chromium.close();
    }
    const sustained = runs.map((run) => run.sustained);
    const fastest = runs.map((run) => run.fastest);
    const rate = summarize(sustained.map((run) => run.appliedPerSecond));
    const notApplied = summarize(sustained.map((run) => run.notApplied));
    const longest = summarize(sustained.map((run) => run.longestTaskMs));
    const fastestThroughput = fastest.map((run) => sustainedCountFree(run, fastestCount));
    const loafSupported = sustained.every((run) => run.longestAnimationFrameMs !== null);
    const label = `${sustainedCount.toLocaleString('en-US')} × ${FRAME_BYTES} B offered at ${SUSTAINED_RATE.toLocaleString('en-US')}/s`;
    return {
      rows: [
        {
          metric: `frames/s applied to the log, ${label}`,
          unit: 'frames/s',
          product: rate,
          target: `keeps up: ≥ ${(SUSTAINED_RATE * SUSTAINED_TOLERANCE).toLocaleString('en-US')}/s for ${seconds} s`,
          met: rate.median >= SUSTAINED_RATE * SUSTAINED_TOLERANCE,
        },
        { metric: 'panel lag behind the mini-app at the end of the flood', unit: 'ms', product: summarize(sustained.map((run) => run.lagMs)) },
        {
          metric: 'entries never applied (lost, or skipped by a ring overflow)',
          unit: '',
          product: notApplied,
          target: '0',
          met: sustained.every((run) => run.notApplied === 0 && run.ascending && run.appFrames === sustainedCount),
        },
        {
          metric: 'longest main-thread task in the panel (Long Tasks API; 0 = none over 50 ms)',
          unit: 'ms',
          product: longest,
          target: `no task > ${LONG_MS} ms`,
          met: sustained.every((run) => run.longTasks === 0),
        },
        { metric: 'long tasks (> 50 ms) during the flood', unit: '', product: summarize(sustained.map((run) => run.longTasks)) },
        { metric: 'share of animation frames over 50 ms', unit: '%', product: summarize(sustained.map((run) => run.slowFrameShare * 100)) },
        { metric: 'longest animation frame interval (rAF)', unit: 'ms', product: summarize(sustained.map((run) => run.longestFrameMs)) },
        ...(loafSupported
          ? [{ metric: 'longest long-animation-frame entry (LoAF API)', unit: 'ms', product: summarize(sustained.map((run) => run.longestAnimationFrameMs ?? 0)) }]
          : []),
        {
          metric: `fastest flood (${fastestCount.toLocaleString('en-US')} × ${FRAME_BYTES} B, rate 0): frames/s from the app's open to all applied`,
          unit: 'frames/s',
          product: summarize(fastestThroughput),
          baseline: { label: 'plain browser WebSocket counting, same browser', summary: summarize(runs.map((run) => run.baselinePerSecond)) },
          ratio: summarize(fastestThroughput.map((value, i) => value / (runs[i] as RunSet).baselinePerSecond)),
          target: `≥ ${SUSTAINED_RATE.toLocaleString('en-US')}/s`,
          met: summarize(fastestThroughput).median >= SUSTAINED_RATE,
        },
        {
          metric: 'fastest flood: entries never applied; longest task',
          unit: '',
          product: summarize(fastest.map((run) => run.notApplied)),
          baseline: { label: 'longest task ms', summary: summarize(fastest.map((run) => run.longestTaskMs)) },
        },
      ],
      notes: [
        'Setup per run: a fresh browser host (`node bin/mini-socket-devtools.mjs --web --no-open`), its panel in a new Chromium tab with the e2e hook on (`window.__MSD_TEST__`, set by Page.addScriptToEvaluateOnNewDocument), the demo mini-app in the panel\'s sandboxed iframe (out of process in this Chromium). The mini-app opens the lab\'s /flood as a SocketTask (`my.connectSocket({ multiple: true })`) and counts its messages; the panel shows the flood live.',
        `Sustained: ${label} by the lab (10 ms pacing ticks). frames/s applied = entries applied (hook \`applied\`) ÷ time from the first to the last animation frame that saw them; the ${Math.round((1 - SUSTAINED_TOLERANCE) * 100)}% allowance in the target covers the lab's pacing and the once-per-frame sampling. Entries never applied = change of the hook's lastSeq − change of applied (the engine's seqs are contiguous, so this counts every entry lost or skipped); the hook's ascending() check and the app's frame count must also hold.`,
        'Main thread: a PerformanceObserver for `longtask` (and `long-animation-frame` where supported) in the panel page and a requestAnimationFrame loop, from just before the flood until the panel settled; only the flood window between the first and last applying frame counts for animation frames.',
        'Fastest: the same with rate 0 (as fast as the host drains), timed from the app\'s open event to the panel\'s last applying frame. Baseline: a plain WebSocket in a tab on the lab\'s own origin (no CSP) counting the same flood in the same browser.',
        'Chromium is launched directly (headless=new) and driven over CDP without the Network domain.',
      ],
    };
  },
};

/** The fastest flood's throughput from the app's open to the panel having applied everything. */
function sustainedCountFree(run: PanelFloodRun, count: number): number {
  return count / (Math.max(1, run.totalMs) / 1000);
}
