// 2. Panel throughput: a flood opened by the mini-app through `my`, shown live in the panel (browser
// host, Chromium): frames/s applied to the log view, entries never applied, the longest main-thread task
// and the share of animation frames over 50 ms; plus the fastest flood vs a plain browser WebSocket, and the
// longest task while Find scans a large capture (panel-find.ts).
import { join } from 'node:path';
import type { CdpPage } from '../../e2e/harness/cdp-client';
import { launchChromium, type LaunchedChromium } from '../../e2e/harness/cdp-chromium';
import { startBrowserHostProcess, type BrowserHostProcess } from '../harness/browser-host-process';
import { busyStretches, describeBusyStretches, type BusyStretchOptions } from '../harness/busy-stretches';
import { describeHotspots, hotspots } from '../harness/cpu-profile';
import { floodUrl } from '../harness/flood-url';
import { openLabOriginPage } from '../harness/lab-origin-page';
import type { BenchContext, Measurement, MeasurementOutput } from '../harness/measurement';
import { openPanelPage, type PanelPage } from '../harness/panel-page';
import { measurePanelFind } from './panel-find';
import { chromiumCpuByType, mainThreadTaskSeconds, processCpuSeconds } from '../harness/process-cpu';
import { startPageTrace } from '../harness/cdp-trace';
import { createNodeProfileFolder, startPageProfile } from '../harness/profile-capture';
import { longTaskContents, mainThreadTasks } from '../harness/trace-tasks';
import { createSourcePositionMapper, type SourcePositionMapper } from '../harness/source-positions';
import { describeLongFrameScripts } from '../harness/long-frame-scripts';
import {
  MINIAPP_FLOOD_STATE,
  PANEL_LAST_SEQ,
  START_PANEL_PROBE,
  STOP_PANEL_PROBE,
  floodAppliedAtEnd,
  startMiniappFloodScript,
  webSocketFloodScript,
  type MiniappFloodState,
  type PanelProbeReport,
} from '../pages/panel-flood-scripts';
import type { PanelFloodRun, RunSet } from './panel-throughput-report';
import { FRAME_BYTES, LONG_MS, SUSTAINED_GRACE_MS, SUSTAINED_RATE, SUSTAINED_TOLERANCE, describeLongFramePhases, notesOf, rowsOf } from './panel-throughput-report';

async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until the panel's last seq has not moved for `quietMs`; false when `deadline` came first. */
async function waitForPanelQuiet(page: CdpPage, quietMs: number, deadline: number): Promise<boolean> {
  let last = await page.evaluate<number>(PANEL_LAST_SEQ);
  let since = Date.now();
  while (Date.now() - since < quietMs) {
    if (Date.now() > deadline) return false;
    await sleep(250);
    const now = await page.evaluate<number>(PANEL_LAST_SEQ);
    if (now !== last) {
      last = now;
      since = Date.now();
    }
  }
  return true;
}

/**
 * Floods through the mini-app and watches the panel. `windowMs` bounds the rate's window (from the first
 * applying frame); the run stops waiting `waitMs` after the flood started, complete or not. `protocols`: the
 * subprotocols the app offers (none by default).
 */
export async function floodThroughPanel(panel: PanelPage, url: string, count: number, windowMs: number, waitMs: number, protocols: string[] = []): Promise<PanelFloodRun> {
  const { page, miniapp } = panel;
  await waitForPanelQuiet(page, 500, Date.now() + 30_000);
  await page.evaluate(START_PANEL_PROBE);
  await page.evaluate(startMiniappFloodScript({ url, count, protocols }), miniapp);
  const deadline = Date.now() + waitMs;
  let app: MiniappFloodState;
  for (;;) {
    await sleep(500);
    app = await page.evaluate<MiniappFloodState>(MINIAPP_FLOOD_STATE, miniapp);
    if (app.error) throw new Error(`the mini-app's flood failed: ${app.error}`);
    if (app.closedAt > 0 || Date.now() > deadline) break;
  }
  const settled = await waitForPanelQuiet(page, 1500, Math.max(deadline, Date.now() + 3000));
  const report = await page.evaluate<PanelProbeReport>(STOP_PANEL_PROBE);
  return reduce(report, app, count, windowMs, settled && app.closedAt > 0 && app.received === count);
}

function reduce(report: PanelProbeReport, app: MiniappFloodState, count: number, windowMs: number, complete: boolean): PanelFloodRun {
  const samples: { at: number; applied: number }[] = [];
  for (let i = 0; i + 1 < report.frames.length; i += 2) samples.push({ at: report.frames[i] as number, applied: report.frames[i + 1] as number });
  const first = samples.find((sample) => sample.applied > report.appliedAtStart);
  const last = samples[samples.length - 1];
  if (!first || !last) throw new Error('the panel applied nothing during the flood');
  // The flood's own last entry, not the panel's last: the demo's ticker adds entries every 2 s, and one
  // applied in the quiet wait after the flood added up to 1.5 s to the flood's time (docs/architecture.md#decoding-cost).
  const floodEnd = floodAppliedAtEnd(report);
  const done = samples.find((sample) => sample.applied >= floodEnd) ?? last;
  const windowEnd = Math.min(done.at, first.at + windowMs);
  const inWindow = samples.filter((sample) => sample.at >= first.at && sample.at <= windowEnd);
  const appliedInWindow = (inWindow[inWindow.length - 1] ?? first).applied - report.appliedAtStart;
  const intervals = inWindow.slice(1).map((sample, i) => sample.at - (inWindow[i] as { at: number }).at);
  const slow = intervals.filter((interval) => interval > LONG_MS).length;
  const appEnd = app.lastAt > 0 ? app.lastAt : performance.timeOrigin + performance.now();
  return {
    appliedPerSecond: appliedInWindow / (Math.max(1, windowEnd - first.at) / 1000),
    complete,
    notApplied: report.lastSeqAtEnd - report.lastSeqAtStart - (report.appliedAtEnd - report.appliedAtStart),
    appFrames: app.received,
    appPerSecond: app.received / (Math.max(1, appEnd - app.openedAt) / 1000),
    totalMs: count > 0 ? done.at - app.openedAt : 0,
    panelAfterAppMs: app.lastAt > 0 ? done.at - app.lastAt : Number.NaN,
    longestTaskMs: Math.max(0, ...report.longTasks),
    longTasks: report.longTasks.length,
    animationFrames: intervals.length,
    slowFrameShare: intervals.length > 0 ? slow / intervals.length : 0,
    longestFrameMs: Math.max(0, ...intervals),
    longestAnimationFrameMs: report.longAnimationFramesSupported ? Math.max(0, ...report.longAnimationFrames) : null,
    longFrameScripts: report.longFrameScripts,
    longFramePhases: report.longFramePhases,
    ascending: report.ascending,
  };
}

/** Starts a fresh host and opens its panel; `use` gets both, the host stops afterwards. */
export async function withPanel<T>(context: BenchContext, chromium: LaunchedChromium, use: (panel: PanelPage, host: BrowserHostProcess, floodBase: string) => Promise<T>, nodeFlags: string[] = []): Promise<T> {
  const host = await startBrowserHostProcess(context.root, { nodeFlags });
  try {
    const panel = await openPanelPage(chromium, host);
    const floodBase = (await panel.page.evaluate<string>("window.__MSD_LAB__.endpoints.find((endpoint) => endpoint.name === 'flood').url", panel.miniapp)).split('?')[0] as string;
    const result = await use(panel, host, floodBase);
    await panel.page.close();
    return result;
  } finally {
    await host.stop();
  }
}

async function oneRun(context: BenchContext, chromium: LaunchedChromium, seconds: number, fastestCount: number): Promise<RunSet> {
  const windowMs = seconds * 1000;
  const sustained = await withPanel(context, chromium, (panel, _host, floodBase) =>
    floodThroughPanel(panel, floodUrl(floodBase, SUSTAINED_RATE * seconds, FRAME_BYTES, SUSTAINED_RATE), SUSTAINED_RATE * seconds, windowMs, windowMs + SUSTAINED_GRACE_MS),
  );
  return withPanel(context, chromium, async (panel, _host, floodBase) => {
    const url = floodUrl(floodBase, fastestCount, FRAME_BYTES, 0);
    const fastest = await floodThroughPanel(panel, url, fastestCount, Number.POSITIVE_INFINITY, 180_000);
    const labPage = await openLabOriginPage(chromium, floodBase);
    const plain = await labPage.evaluate<{ received: number; openedAt: number; lastAt: number }>(webSocketFloodScript({ url, count: fastestCount }));
    await labPage.close();
    return { sustained, fastest, baselinePerSecond: plain.received / ((plain.lastAt - plain.openedAt) / 1000) };
  });
}

/** CPU seconds by component, read before and after a flood. */
async function cpuSnapshot(chromium: LaunchedChromium, hostPid: number, panel: PanelPage): Promise<Map<string, number>> {
  const snapshot = await chromiumCpuByType(chromium.cdp);
  const byComponent = new Map<string, number>([...snapshot].map(([type, seconds]) => [`Chromium ${type} processes`, seconds]));
  byComponent.set('host process (engine, lab, bridges)', processCpuSeconds(hostPid));
  byComponent.set('panel main thread', await mainThreadTaskSeconds(chromium.cdp, panel.page.sessionId));
  byComponent.set('mini-app main thread', await mainThreadTaskSeconds(chromium.cdp, panel.miniapp.sessionId));
  return byComponent;
}

function describeCpu(before: Map<string, number>, after: Map<string, number>, frames: number): string {
  const parts = [...after]
    .map(([name, seconds]) => ({ name, ms: ((seconds - (before.get(name) ?? 0)) * 1000 * 10_000) / frames }))
    .filter((part) => part.ms >= 1)
    .sort((a, b) => b.ms - a.ms);
  const total = parts.filter((part) => !part.name.includes('main thread')).reduce((sum, part) => sum + part.ms, 0);
  return `${parts.map((part) => `${part.name} ${Math.round(part.ms)} ms`).join('; ')}. All processes together: ${Math.round(total)} ms per 10,000 frames, i.e. about ${Math.round((2 * 1000 * 10_000) / Math.max(1, total)).toLocaleString('en-US')} frames/s if both cores did nothing else`;
}

/**
 * Two more fastest floods in one host: the first with CPU accounting by process (no profiler running),
 * the second with CPU profiles of the panel page, the mini-app frame and the host process.
 */
async function diagnose(context: BenchContext, chromium: LaunchedChromium, count: number): Promise<string[]> {
  const folder = await createNodeProfileFolder();
  const mapPosition = createSourcePositionMapper(join(context.root, 'out'), context.root);
  const notes = await withPanel(
    context,
    chromium,
    async (panel, host, floodBase) => {
      const url = floodUrl(floodBase, count, FRAME_BYTES, 0);
      const hostPid = host.process.pid ?? 0;
      const before = await cpuSnapshot(chromium, hostPid, panel);
      const accounted = await floodThroughPanel(panel, url, count, Number.POSITIVE_INFINITY, 180_000);
      const after = await cpuSnapshot(chromium, hostPid, panel);
      const stopPanel = await startPageProfile(chromium.cdp, panel.page.sessionId);
      const stopMiniapp = await startPageProfile(chromium.cdp, panel.miniapp.sessionId);
      const profiled = await floodThroughPanel(panel, url, count, Number.POSITIVE_INFINITY, 180_000);
      const panelProfile = await stopPanel();
      const miniappProfile = await stopMiniapp();
      const labPage = await openLabOriginPage(chromium, floodBase);
      const plainBefore = await chromiumCpuByType(chromium.cdp);
      await labPage.evaluate(webSocketFloodScript({ url, count }));
      const plainAfter = await chromiumCpuByType(chromium.cdp);
      await labPage.close();
      const prefixed = (map: Map<string, number>) => new Map([...map].map(([type, seconds]) => [`Chromium ${type} processes`, seconds]));
      return [
        `What the fastest flood's long tasks are made of (same profile): panel page: ${describeBusyStretches(busyStretches(panelProfile, stretchOptions(mapPosition)), LONG_MS)}.`,
        `Same-run reference: a plain WebSocket counting the same flood costs ${describeCpu(prefixed(plainBefore), prefixed(plainAfter), count)}.`,
        `CPU time per 10,000 flood frames by component (one extra fastest flood of ${count.toLocaleString('en-US')} frames, ${Math.round(accounted.appPerSecond)}/s at the app, no profiler; each main-thread figure is part of its renderer process): ${describeCpu(before, after, count)}.`,
        `Where the time goes (a second extra flood with CPU profiles, ${Math.round(profiled.appPerSecond)}/s at the app; self time as a share of wall time): panel page: ${describeHotspots(hotspots(panelProfile, 10, mapPosition))}. Mini-app frame: ${describeHotspots(hotspots(miniappProfile, 10, mapPosition))}.`,
      ];
    },
    folder.flags,
  );
  notes.push(await diagnoseSustainedTasks(context, chromium, mapPosition));
  const [hostProfile] = await folder.collect();
  if (hostProfile) notes.push(`Host process during both extra floods (--cpu-prof): ${describeHotspots(hotspots(hostProfile, 10, mapPosition))}.`);
  return notes;
}

/** Long-task attribution names the product's own functions (libraries show in the self-time list). */
function stretchOptions(mapPosition: SourcePositionMapper): BusyStretchOptions {
  return { minMs: LONG_MS, limit: 12, mapPosition, include: (name) => / (renderer|shared|preload)\//.test(name) };
}

/** A sustained flood on a fresh panel with a CPU profile of the panel page: what its long tasks are made of. */
async function diagnoseSustainedTasks(context: BenchContext, chromium: LaunchedChromium, mapPosition: SourcePositionMapper): Promise<string> {
  const seconds = context.quick ? 2 : 10;
  const count = SUSTAINED_RATE * seconds;
  return withPanel(context, chromium, async (panel, _host, floodBase) => {
    const stopTrace = await startPageTrace(chromium.cdp, panel.page.sessionId);
    const stop = await startPageProfile(chromium.cdp, panel.page.sessionId);
    const run = await floodThroughPanel(panel, floodUrl(floodBase, count, FRAME_BYTES, SUSTAINED_RATE), count, seconds * 1000, seconds * 1000 + SUSTAINED_GRACE_MS);
    const profile = await stop();
    const trace = await stopTrace();
    const tasks = mainThreadTasks(trace, true);
    const contents = longTaskContents(trace, LONG_MS, true).slice(0, 8).map((part) => `${part.name} ${Math.round(part.ms)} ms`);
    const long = tasks.filter((task) => task.wall >= LONG_MS);
    const shown = long.slice(0, 8).map((task) => `${Math.round(task.wall)}/${Math.round(task.cpu)}`);
    return `What the sustained flood's long tasks are made of (a third extra flood, ${count.toLocaleString('en-US')} at ${SUSTAINED_RATE.toLocaleString('en-US')}/s on a fresh panel, CPU profile and Chromium trace of the panel page; longest task ${Math.round(run.longestTaskMs)} ms, ${run.longTasks} long tasks). Trace: ${tasks.length.toLocaleString('en-US')} panel main-thread tasks, ${long.length} of ${LONG_MS} ms or more wall, ${long.filter((task) => task.cpu >= LONG_MS).length} of them with ${LONG_MS} ms or more of CPU (the rest waited for a core); the longest, wall/CPU ms: ${shown.join(', ') || 'none'}; trace events inside them (nested, so overlapping): ${contents.join('; ') || 'none'}. Profile: ${describeBusyStretches(busyStretches(profile, stretchOptions(mapPosition)), LONG_MS)}.`;
  });
}

function missedTargets(run: RunSet): boolean {
  const { sustained, fastest } = run;
  return sustained.appliedPerSecond < SUSTAINED_RATE * SUSTAINED_TOLERANCE || sustained.longTasks > 0 || !sustained.complete || fastest.notApplied !== 0;
}

export const panelThroughput: Measurement = {
  name: 'panel',
  title: 'Panel throughput',
  async run(context: BenchContext): Promise<MeasurementOutput> {
    const seconds = context.quick ? 2 : 10;
    const sustainedCount = SUSTAINED_RATE * seconds;
    const fastestCount = context.quick ? 50_000 : 100_000;
    const chromium = await launchChromium();
    const runs: RunSet[] = [];
    let diagnosis: string[] = [];
    try {
      for (let run = 1; run <= context.runs; run += 1) {
        const result = await oneRun(context, chromium, seconds, fastestCount);
        runs.push(result);
        const { sustained, fastest } = result;
        context.log(
          `panel run ${run}: sustained ${Math.round(sustained.appliedPerSecond)}/s applied (${sustained.complete ? 'complete' : 'incomplete'}), longest task ${Math.round(sustained.longestTaskMs)} ms, slow frames ${(sustained.slowFrameShare * 100).toFixed(1)}%; fastest ${Math.round(fastestCount / (fastest.totalMs / 1000))}/s applied, not applied ${fastest.notApplied}; plain WebSocket ${Math.round(result.baselinePerSecond)}/s`,
        );
      }
      if (runs.some(missedTargets)) {
        context.log('panel: a target was missed; two more floods for CPU accounting and profiles');
        diagnosis = await diagnose(context, chromium, fastestCount).catch((error: unknown) => [`The diagnosis runs failed: ${error instanceof Error ? error.message : String(error)}`]);
      }
    } finally {
      await chromium.close();
    }
    const longFrames = describeLongFrameScripts(context.root, 'the sustained floods', runs.flatMap((run) => run.sustained.longFrameScripts));
    const phases = describeLongFramePhases(runs.flatMap((run) => run.sustained.longFramePhases));
    const find = await measurePanelFind(context);
    return { rows: [...rowsOf(runs, seconds, sustainedCount, fastestCount), ...find.rows], notes: [...notesOf(seconds, sustainedCount), ...(longFrames ? [longFrames] : []), ...(phases ? [phases] : []), ...diagnosis, ...find.notes] };
  },
};
