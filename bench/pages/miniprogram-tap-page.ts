// Bundled into a Chromium page by bench/measurements/miniprogram-tap.ts: the view runtime renders a compiled
// 1,000-row a:for list whose logic runs in a real Worker; a tap on a row goes view → Worker (the page's
// handler calls setData) → view re-render → `rendered`. Long tasks (≥ 50 ms) on the page's main thread are
// recorded apart for the mount and for the taps.
import { DEFINE_GLOBAL } from '../../shared/miniprogram/view-bundle';
import type { LogicToView, ViewToLogic } from '../../shared/miniprogram/view-logic-protocol';
import { applyDataOps } from '../../shared/miniprogram/data-path';
import { ModuleRegistry } from '../../renderer/miniprogram/view/module-registry';
import { MiniProgramView } from '../../renderer/miniprogram/view/view-runtime';
import type { ListRow } from './miniprogram-list-page';

export interface TapTimes {
  /** ms from the click to the view's `rendered` acknowledgement, one per tap. */
  taps: number[];
  /** Every main-thread task over 50 ms seen while tapping (ms). */
  longTasks: number[];
  /** The same while the Worker booted and the 1,000 rows were first rendered. */
  mountLongTasks: number[];
  /** ms from starting the Worker to `page-ready` (every row mounted). */
  mountMs: number;
}

interface Inputs {
  code: string;
  workerCode: string;
  rows: ListRow[];
}
let inputs: Inputs | undefined;

/** Takes the inputs in a task of its own, so parsing them is not part of a measured run. */
function prepare(code: string, workerCode: string, rows: ListRow[]): void {
  inputs = { code, workerCode, rows };
}

async function run(taps: number): Promise<TapTimes> {
  if (inputs === undefined) throw new Error('prepare() first');
  const { code, workerCode, rows } = inputs;
  const mountLongTasks: number[] = [];
  const longTasks: number[] = [];
  let sink = mountLongTasks;
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => sink.push(entry.duration)));
  observer.observe({ type: 'longtask', buffered: false });
  // Long-task entries are delivered after the task: give them a frame before switching or stopping.
  const settle = (): Promise<unknown> => new Promise((resolve) => setTimeout(resolve, 100));
  document.body.innerHTML = '<div id="phone" style="width:375px;height:667px"></div>';
  const registry = new ModuleRegistry(() => undefined);
  new Function(DEFINE_GLOBAL, code)((kind: string, path: string, factory: unknown) => registry.define(kind, path, factory));
  const worker = new Worker(URL.createObjectURL(new Blob([workerCode], { type: 'text/javascript' })));
  let acknowledged: (() => void) | undefined;
  let ready: (() => void) | undefined;
  const mounted = new Promise<void>((resolve) => (ready = resolve));
  const post = (message: ViewToLogic): void => {
    if (message.t === 'rendered') acknowledged?.();
    // Sent after the last slice of the list rendered (list-slices.ts).
    if (message.t === 'page-ready') ready?.();
    worker.postMessage({ view: message });
  };
  const manifest = { pages: [{ route: 'pages/list/list', window: {}, usingComponents: {} }], components: [], window: {}, axml: [], sjs: [], deps: {}, acss: [], problems: [] };
  const container = document.getElementById('phone') as HTMLElement;
  const view = new MiniProgramView({ container, manifest, registry, post, applyDataOps });
  worker.onmessage = (event: MessageEvent<LogicToView>) => view.receive(event.data);
  const mountStarted = performance.now();
  worker.postMessage({ rows });
  await mounted;
  const mountMs = performance.now() - mountStarted;
  await settle();
  sink = longTasks;
  const times: number[] = [];
  for (let tap = 0; tap < taps; tap += 1) {
    const index = (tap * 7919) % rows.length;
    const row = container.querySelectorAll<HTMLElement>('.row')[index];
    if (row === undefined) throw new Error(`no row ${index}`);
    const rendered = new Promise<void>((resolve) => (acknowledged = resolve));
    const started = performance.now();
    row.click();
    await rendered;
    times.push(performance.now() - started);
    if (row.querySelector('.name')?.textContent !== `tapped ${tap + 1}`) throw new Error(`row ${index} shows "${row.textContent}"`);
  }
  await settle();
  observer.disconnect();
  view.stop();
  worker.terminate();
  return { taps: times, longTasks, mountLongTasks, mountMs };
}

(globalThis as Record<string, unknown>).__mpTapBench = { prepare, run };
