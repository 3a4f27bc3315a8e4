// Decoder cost on the product path (the target row of "Decoder cost on the flood"): the browser host in
// Chromium, the demo mini-app floods MQTT over WebSocket through `my.connectSocket`, the engine captures, and the
// panel (its own renderer process) shows the flood live. Sides, each in a fresh host, order rotated per run:
// - plain: the app offers no subprotocol, so no decoder is in force, and no filter: the baseline;
// - filter: the app offers `mqtt` (as mqtt.js does), so the MQTT decoder is in force for the connection, and the
//   log's filter box holds `topic:alipay/orders/7` (typed before the flood, live while it runs);
// - unserved: the same with `topic:orders/[7]$`, whose one required word (`orders/`) every frame holds, so the panel
//   decodes the fields of every frame.
// The panel has no decoded columns: outside filters, only the inspector's one selected frame is decoded.
import { join } from 'node:path';
import type { LaunchedChromium } from '../../e2e/harness/cdp-chromium';
import { launchChromium } from '../../e2e/harness/cdp-chromium';
import { startChildService } from '../harness/child-script';
import { describeHotspots, hotspots, type CpuProfile } from '../harness/cpu-profile';
import { MQTT_FILTER_WORD, mqttFilterHits } from '../harness/mqtt-flood-packets';
import type { BenchContext, MeasurementOutput, ResultRow } from '../harness/measurement';
import type { PanelPage } from '../harness/panel-page';
import { mainThreadTaskSeconds } from '../harness/process-cpu';
import { startPageProfile } from '../harness/profile-capture';
import { createSourcePositionMapper } from '../harness/source-positions';
import { describeLongFrameScripts } from '../harness/long-frame-scripts';
import { summarize, type Summary } from '../harness/stats';
import { ENGINE_FLOOD_SPAN, FOCUS_FILTER_BOX, SHOWN_ROWS, type EngineFloodSpan } from '../pages/decoder-panel-scripts';
import { floodThroughPanel, withPanel } from './panel-throughput';
import type { PanelFloodRun } from './panel-throughput-report';

/** The flood with the decoder and a live filter may be at most this much slower (issue target: ≤ 10 %). */
const TARGET_RATIO = 0.9;
type Side = 'plain' | 'filter' | 'unserved';
const SIDES: readonly Side[] = ['plain', 'filter', 'unserved'];
const FILTER_TEXT: Record<Side, string | null> = { plain: null, filter: `topic:${MQTT_FILTER_WORD}`, unserved: 'topic:orders/[7]$' };

interface SideRun {
  flood: PanelFloodRun;
  /** Flood frames/s as the engine recorded them (its monotonic times of the first and last). */
  enginePerSecond: number;
  /** Rows the log shows once the flood settled. */
  shownRows: number;
  /** Panel main-thread task time per flood frame. */
  panelMicrosPerFrame: number;
  /** The panel page's CPU profile over the flood, when asked for. */
  profile?: CpuProfile;
}

async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** Types `text` into the filter box as a user does, and waits past the box's debounce. */
async function typeFilter(panel: PanelPage, text: string): Promise<void> {
  if (!(await panel.page.evaluate<boolean>(FOCUS_FILTER_BOX))) throw new Error('the filter box was not found');
  await panel.page.send('Input.insertText', { text });
  await sleep(600);
}

/** The log's row count once it stops changing (the filter may still be scanning in slices). */
async function settledRows(panel: PanelPage): Promise<number> {
  let rows = await panel.page.evaluate<number>(SHOWN_ROWS);
  for (let tries = 0; tries < 30; tries += 1) {
    await sleep(500);
    const now = await panel.page.evaluate<number>(SHOWN_ROWS);
    if (now === rows) return rows;
    rows = now;
  }
  return rows;
}

async function floodSide(context: BenchContext, chromium: LaunchedChromium, url: string, count: number, side: Side, profiled = false): Promise<SideRun> {
  return withPanel(context, chromium, async (panel) => {
    const filter = FILTER_TEXT[side];
    if (filter) await typeFilter(panel, filter);
    const sessionId = panel.page.sessionId;
    const cpuBefore = await mainThreadTaskSeconds(chromium.cdp, sessionId);
    const stopProfile = profiled ? await startPageProfile(chromium.cdp, sessionId) : undefined;
    const flood = await floodThroughPanel(panel, url, count, Number.POSITIVE_INFINITY, 180_000, side === 'plain' ? [] : ['mqtt']);
    const profile = await stopProfile?.();
    const cpuAfter = await mainThreadTaskSeconds(chromium.cdp, sessionId);
    const shownRows = await settledRows(panel);
    const span = await panel.page.evaluate<EngineFloodSpan>(ENGINE_FLOOD_SPAN);
    if (!flood.complete || span.frames !== count) throw new Error(`${side}: the flood did not finish (${flood.appFrames} of ${count} at the app, ${span.frames} in the panel)`);
    const expected = filter ? mqttFilterHits(count) : count;
    if (filter ? shownRows !== expected : shownRows < expected) throw new Error(`${side}: the log shows ${shownRows} rows, expected ${filter ? '' : 'at least '}${expected}`);
    return {
      flood,
      enginePerSecond: (span.frames - 1) / (Math.max(1, span.lastMs - span.firstMs) / 1000),
      shownRows,
      panelMicrosPerFrame: ((cpuAfter - cpuBefore) * 1e6) / count,
      ...(profile ? { profile } : {}),
    };
  });
}

/** Applied frames/s from the app's open to the panel's last applying frame (what the user sees keep up). */
function appliedPerSecond(run: SideRun, count: number): number {
  return count / (Math.max(1, run.flood.totalMs) / 1000);
}

function ratios(product: number[], bare: number[]): Summary {
  return summarize(product.map((value, i) => value / (bare[i] ?? value)));
}

function appliedRates(runs: readonly SideRun[], count: number): number[] {
  return runs.map((run) => appliedPerSecond(run, count));
}

function targetMet(runs: Record<Side, SideRun[]>, count: number): boolean {
  return ratios(appliedRates(runs.filter, count), appliedRates(runs.plain, count)).median >= TARGET_RATIO;
}

function rowsOf(runs: Record<Side, SideRun[]>, count: number): ResultRow[] {
  const baseline = (label: string, values: number[]) => ({ label, summary: summarize(values) });
  const applied = (side: Side) => appliedRates(runs[side], count);
  const engine = (side: Side) => runs[side].map((run) => run.enginePerSecond);
  const target = ratios(applied('filter'), applied('plain'));
  const plainLabel = 'no decoder, no filter';
  const flood = `${count.toLocaleString('en-US')} MQTT PUBLISH frames, rate 0`;
  const all = SIDES.flatMap((side) => runs[side]);
  return [
    {
      metric: `PRODUCT PATH: frames/s applied in the panel (app open → all applied), MQTT decoder + live filter topic:${MQTT_FILTER_WORD}, ${flood}`,
      unit: 'frames/s',
      product: summarize(applied('filter')),
      baseline: baseline(plainLabel, applied('plain')),
      ratio: target,
      target: `≥ ${TARGET_RATIO}× no decoder (at most 10 % slower)`,
      met: target.median >= TARGET_RATIO,
    },
    { metric: 'product path: frames/s recorded by the engine, decoder + that filter', unit: 'frames/s', product: summarize(engine('filter')), baseline: baseline(plainLabel, engine('plain')), ratio: ratios(engine('filter'), engine('plain')) },
    { metric: `product path: frames/s applied in the panel, filter ${FILTER_TEXT.unserved} (every frame passes the pre-check: every frame's fields decoded)`, unit: 'frames/s', product: summarize(applied('unserved')), baseline: baseline(plainLabel, applied('plain')), ratio: ratios(applied('unserved'), applied('plain')) },
    { metric: 'product path: frames/s recorded by the engine, that filter', unit: 'frames/s', product: summarize(engine('unserved')), baseline: baseline(plainLabel, engine('plain')), ratio: ratios(engine('unserved'), engine('plain')) },
    ...SIDES.filter((side) => side !== 'plain').map((side) => ({
      metric: `product path: panel main-thread time per flood frame, ${FILTER_TEXT[side]}`,
      unit: 'µs',
      product: summarize(runs[side].map((run) => run.panelMicrosPerFrame)),
      baseline: baseline(plainLabel, runs.plain.map((run) => run.panelMicrosPerFrame)),
      ratio: ratios(runs[side].map((run) => run.panelMicrosPerFrame), runs.plain.map((run) => run.panelMicrosPerFrame)),
    })),
    { metric: 'product path: panel longest main-thread task, decoder + filter (plain-word / unserved)', unit: 'ms', product: summarize(runs.filter.map((run) => run.flood.longestTaskMs)), baseline: baseline('unserved filter', runs.unserved.map((run) => run.flood.longestTaskMs)) },
    { metric: 'product path: panel longest main-thread task, no decoder, no filter', unit: 'ms', product: summarize(runs.plain.map((run) => run.flood.longestTaskMs)) },
    {
      metric: `product path: entries never applied, all ${all.length} floods`,
      unit: '',
      product: summarize(all.map((run) => run.flood.notApplied)),
      target: '0',
      met: all.every((run) => run.flood.notApplied === 0 && run.flood.ascending),
    },
  ];
}

/** One more flood per side with the panel page profiled: where its main thread's time goes. */
async function diagnose(context: BenchContext, chromium: LaunchedChromium, url: string, count: number): Promise<string[]> {
  const mapPosition = createSourcePositionMapper(join(context.root, 'out'), context.root);
  const notes: string[] = [];
  for (const side of SIDES) {
    const { profile } = await floodSide(context, chromium, url, count, side, true);
    if (profile) notes.push(`Panel page during an extra profiled flood, ${FILTER_TEXT[side] ?? 'no decoder, no filter'} (self time as a share of wall time): ${describeHotspots(hotspots(profile, 10, mapPosition))}.`);
  }
  return notes;
}

/** Runs the three sides `context.runs` times against one MQTT flood server. */
export async function measureDecoderInPanel(context: BenchContext): Promise<MeasurementOutput> {
  const count = context.quick ? 30_000 : 100_000;
  const server = await startChildService<{ url: string }>(context.root, 'per-frame-flood-server.ts', {}, { timeoutMs: 30_000 });
  const chromium = await launchChromium();
  const runs: Record<Side, SideRun[]> = { plain: [], filter: [], unserved: [] };
  let diagnosis: string[] = [];
  try {
    const url = `${server.info.url}?count=${count}&frames=mqtt`;
    for (let run = 1; run <= context.runs; run += 1) {
      // Rotate the order, so a drift in the machine's load does not favour one side.
      const order = SIDES.map((_, i) => SIDES[(i + run - 1) % SIDES.length] as Side);
      for (const side of order) runs[side].push(await floodSide(context, chromium, url, count, side));
      const figures = SIDES.map((side) => {
        const last = runs[side].at(-1) as SideRun;
        return `${side} ${Math.round(appliedPerSecond(last, count))}/s applied (the app's last frame +${Math.round(last.flood.panelAfterAppMs)} ms), engine ${Math.round(last.enginePerSecond)}/s, ${last.shownRows} rows, longest task ${Math.round(last.flood.longestTaskMs)} ms, panel ${last.panelMicrosPerFrame.toFixed(1)} µs/frame`;
      });
      context.log(`decoders (panel) run ${run}: ${figures.join('; ')}`);
    }
    if (!targetMet(runs, count)) {
      context.log('decoders (panel): the target was missed; one more flood per side with the panel profiled');
      diagnosis = await diagnose(context, chromium, url, count).catch((error: unknown) => [`The diagnosis floods failed: ${error instanceof Error ? error.message : String(error)}`]);
    }
  } finally {
    await chromium.close();
    await server.stop();
  }
  return {
    rows: rowsOf(runs, count),
    notes: [
      `PRODUCT PATH rows: each flood gets a fresh browser host and its panel in one headless Chromium (the panel throughput harness). The demo mini-app opens the per-frame flood server (one ws.send per packet, paced only by backpressure) with \`my.connectSocket({ multiple: true })\`: ${count.toLocaleString('en-US')} different MQTT PUBLISH packets (16 topics, mqtt-packet). Sides: no subprotocol offered and no filter (no decoder in force); \`protocols: ['mqtt']\` (the MQTT decoder detected for the connection, as for mqtt.js) with \`topic:${MQTT_FILTER_WORD}\` typed into the filter box before the flood; the same with \`${FILTER_TEXT.unserved}\`. Order rotated per run.`,
      `Applied frames/s: from the app's open event to the panel's last applying animation frame. Engine frames/s: the engine's monotonic times of the connection's first and last incoming frame (from the panel's entries). Each filter run must end showing exactly the ${mqttFilterHits(count).toLocaleString('en-US')} frames of topic 7, so the filter did test every frame. Panel main-thread time: the Performance domain's TaskDuration of the panel page over the flood.`,
      'The panel has no decoded columns; beyond filters, only the frame selected in the inspector is decoded (fields and tree, cached).',
      ...SIDES.flatMap((side) => describeLongFrameScripts(context.root, `the ${FILTER_TEXT[side] ?? 'plain (no decoder, no filter)'} floods`, runs[side].flatMap((run) => run.flood.longFrameScripts)) ?? []),
      ...diagnosis,
    ],
  };
}
