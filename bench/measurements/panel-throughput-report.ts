// The table rows and notes of the panel-throughput measurement (panel-throughput.ts runs the floods),
// with the targets and the shape of one run they are computed from.
import type { ResultRow } from '../harness/measurement';
import { summarize } from '../harness/stats';
import type { LongFramePhases, LongFrameScript } from '../pages/panel-flood-scripts';

export const FRAME_BYTES = 100;
export const SUSTAINED_RATE = 50_000;
/** The lab paces in 10 ms ticks and the probe samples once per animation frame: 2% covers both. */
export const SUSTAINED_TOLERANCE = 0.98;
export const LONG_MS = 50;
/** How long after the sustained window a flood may take to finish before the run stops waiting. */
export const SUSTAINED_GRACE_MS = 5000;

/** One flood through the panel, reduced to what the table shows. */
export interface PanelFloodRun {
  /** Entries applied per second from the first applying frame to the end of the window (or the end). */
  appliedPerSecond: number;
  /** The flood reached the app, and the panel applied everything, before the run stopped waiting. */
  complete: boolean;
  /** Entries of the engine the panel never applied (lost, or skipped after a ring overflow); complete runs only. */
  notApplied: number;
  appFrames: number;
  /** Flood frames/s that reached the mini-app's onMessage (open to last frame, or to now). */
  appPerSecond: number;
  /** ms from the app's open to the panel having applied everything. */
  totalMs: number;
  /** ms between the app's last frame and the panel's last applying frame (negative: the panel was first). */
  panelAfterAppMs: number;
  longestTaskMs: number;
  longTasks: number;
  animationFrames: number;
  slowFrameShare: number;
  longestFrameMs: number;
  longestAnimationFrameMs: number | null;
  longFrameScripts: LongFrameScript[];
  longFramePhases: LongFramePhases[];
  ascending: boolean;
}

export interface RunSet {
  sustained: PanelFloodRun;
  fastest: PanelFloodRun;
  baselinePerSecond: number;
}

export function rowsOf(runs: RunSet[], seconds: number, sustainedCount: number, fastestCount: number): ResultRow[] {
  const sustained = runs.map((run) => run.sustained);
  const fastest = runs.map((run) => run.fastest);
  const rate = summarize(sustained.map((run) => run.appliedPerSecond));
  const fastestRate = fastest.map((run) => fastestCount / (Math.max(1, run.totalMs) / 1000));
  const plain = { label: 'plain browser WebSocket counting, same browser', summary: summarize(runs.map((run) => run.baselinePerSecond)) };
  const versusPlain = (values: number[]) => summarize(values.map((value, i) => value / (runs[i] as RunSet).baselinePerSecond));
  const loafSupported = sustained.every((run) => run.longestAnimationFrameMs !== null);
  const complete = [...sustained.filter((run) => run.complete), ...fastest];
  const incomplete = sustained.filter((run) => !run.complete).length;
  return [
    {
      metric: `frames/s applied to the log in the first ${seconds} s, ${sustainedCount.toLocaleString('en-US')} × ${FRAME_BYTES} B offered at ${SUSTAINED_RATE.toLocaleString('en-US')}/s`,
      unit: 'frames/s',
      product: rate,
      target: `keeps up: ≥ ${(SUSTAINED_RATE * SUSTAINED_TOLERANCE).toLocaleString('en-US')}/s for ${seconds} s`,
      met: rate.median >= SUSTAINED_RATE * SUSTAINED_TOLERANCE,
    },
    {
      metric: `offered flood finished and fully applied within ${seconds} s + ${SUSTAINED_GRACE_MS / 1000} s`,
      unit: 'runs',
      product: summarize([sustained.length - incomplete]),
      baseline: { label: 'runs', summary: summarize([sustained.length]) },
    },
    {
      metric: `entries never applied (lost, or skipped by a ring overflow), floods that finished (${complete.length})`,
      unit: '',
      product: summarize(complete.map((run) => run.notApplied)),
      target: '0',
      met: complete.every((run) => run.notApplied === 0 && run.ascending) && fastest.every((run) => run.appFrames === fastestCount),
    },
    {
      metric: `longest main-thread task in the panel during the ${seconds} s flood (Long Tasks API; 0 = none over 50 ms)`,
      unit: 'ms',
      product: summarize(sustained.map((run) => run.longestTaskMs)),
      target: `no task > ${LONG_MS} ms`,
      met: sustained.every((run) => run.longTasks === 0),
    },
    { metric: 'long tasks (> 50 ms) in the panel during that flood', unit: '', product: summarize(sustained.map((run) => run.longTasks)) },
    { metric: 'share of animation frames over 50 ms (rAF intervals in the window)', unit: '%', product: summarize(sustained.map((run) => run.slowFrameShare * 100)) },
    { metric: 'longest animation frame interval (rAF)', unit: 'ms', product: summarize(sustained.map((run) => run.longestFrameMs)) },
    ...(loafSupported ? [{ metric: 'longest long-animation-frame entry (LoAF API)', unit: 'ms', product: summarize(sustained.map((run) => run.longestAnimationFrameMs ?? 0)) }] : []),
    {
      metric: `fastest flood (${fastestCount.toLocaleString('en-US')} × ${FRAME_BYTES} B, rate 0): frames/s from the app's open to all applied in the panel`,
      unit: 'frames/s',
      product: summarize(fastestRate),
      baseline: plain,
      ratio: versusPlain(fastestRate),
      target: `≥ ${SUSTAINED_RATE.toLocaleString('en-US')}/s`,
      met: summarize(fastestRate).median >= SUSTAINED_RATE,
    },
    {
      metric: "fastest flood: frames/s reaching the mini-app's onMessage (open → last frame)",
      unit: 'frames/s',
      product: summarize(fastest.map((run) => run.appPerSecond)),
      baseline: plain,
      ratio: versusPlain(fastest.map((run) => run.appPerSecond)),
    },
    { metric: "fastest flood: panel's last applying frame after the app's last message (negative: panel first)", unit: 'ms', product: summarize(fastest.map((run) => run.panelAfterAppMs)) },
    { metric: 'fastest flood: longest main-thread task in the panel', unit: 'ms', product: summarize(fastest.map((run) => run.longestTaskMs)) },
  ];
}

export function notesOf(seconds: number, sustainedCount: number): string[] {
  return [
    'Setup: each flood gets a fresh browser host (`node bin/mini-socket-devtools.mjs --web --no-open`) and its panel in a new tab of one Chromium, with the e2e hook on (`window.__MSD_TEST__` via Page.addScriptToEvaluateOnNewDocument). The demo mini-app runs in the panel\'s sandboxed iframe (out of process in this Chromium); it opens the lab\'s /flood as a SocketTask (`my.connectSocket({ multiple: true })`) and counts its messages, and the panel shows the flood live.',
    `Sustained: ${sustainedCount.toLocaleString('en-US')} frames offered at ${SUSTAINED_RATE.toLocaleString('en-US')}/s by the lab (10 ms pacing ticks). frames/s applied = entries applied (hook \`applied\`) from the first applying animation frame to ${seconds} s later (or to the last one, if sooner) ÷ that time; the ${Math.round((1 - SUSTAINED_TOLERANCE) * 100)}% allowance in the target covers the lab's pacing and the once-per-frame sampling. The run waits at most ${SUSTAINED_GRACE_MS / 1000} s past the window for the flood to finish; a flood still draining then is counted as not finished.`,
    'Entries never applied = change of the hook\'s lastSeq − change of applied: the engine\'s seqs are contiguous, so this counts every entry lost or skipped; only floods that finished are counted, and the hook\'s ascending() check and the app\'s frame count must also hold.',
    'Main thread: a PerformanceObserver for `longtask` (and `long-animation-frame`) in the panel page and a requestAnimationFrame loop, from just before the flood until the panel settled; animation frames count only inside the rate\'s window.',
    'Fastest: rate 0 (as fast as the host drains), timed from the app\'s open event to the panel\'s last applying frame. Baseline: a plain WebSocket in a tab on the lab\'s own origin (no CSP) counting the same flood in the same browser.',
    'Chromium is launched directly (headless=new) and driven over CDP without the Network domain.',
  ];
}

/** Where the long animation frames of the sustained floods spent their time (LoAF timings), or undefined when none. */
export function describeLongFramePhases(phases: readonly LongFramePhases[]): string | undefined {
  if (phases.length === 0) return undefined;
  const sum = (pick: (phase: LongFramePhases) => number) => Math.round(phases.reduce((total, phase) => total + pick(phase), 0));
  const longest = phases.reduce((a, b) => (b.duration > a.duration ? b : a));
  const shape = (phase: LongFramePhases) =>
    `script ${Math.round(phase.script)} ms (forced style and layout ${Math.round(phase.forcedLayout)} ms), style/layout/paint ${Math.round(phase.styleLayoutPaint)} ms`;
  return `Long animation frames of the sustained floods by phase (LoAF timings, ${phases.length} frames, ${sum((phase) => phase.duration).toLocaleString('en-US')} ms): ${shape({
    duration: 0,
    script: sum((phase) => phase.script),
    forcedLayout: sum((phase) => phase.forcedLayout),
    styleLayoutPaint: sum((phase) => phase.styleLayoutPaint),
  })}; the longest (${Math.round(longest.duration)} ms): ${shape(longest)}.`;
}
