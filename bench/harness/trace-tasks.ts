// Main-thread task lengths from a Chromium trace (Playwright's browser.startTracing / stopTracing): every
// `RunTask` slice on a renderer main thread (`CrRendererMain`). Unlike the `longtask` PerformanceObserver, which
// reports only tasks of 50 ms or more, this shows how far under 50 ms the longest task stays, and with the
// thread time (`tdur`, CPU) beside the wall time it tells work from waiting for a core on a loaded machine.

interface TraceEvent {
  name?: string;
  ph?: string;
  pid?: number;
  tid?: number;
  ts?: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { frames?: { processId?: number; url?: string; parent?: string }[] } };
}

export interface TaskTime {
  /** Wall-clock ms. */
  wall: number;
  /** ms of CPU the thread spent on it (equal to `wall` when the trace has no thread times). */
  cpu: number;
}

function eventsOf(trace: Buffer | string): TraceEvent[] {
  const parsed = JSON.parse(trace.toString()) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

/** The traced renderer main threads ("pid:tid"); with `mainFrameOnly`, only the main frame's (TracingStartedInBrowser names it). */
function mainThreadsOf(events: readonly TraceEvent[], mainFrameOnly: boolean): Set<string> {
  const started = events.find((event) => event.name === 'TracingStartedInBrowser');
  const mainFramePid = started?.args?.data?.frames?.find((frame) => frame.parent === undefined)?.processId;
  return new Set(
    events
      .filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .filter((event) => !mainFrameOnly || event.pid === mainFramePid)
      .map((event) => `${event.pid}:${event.tid}`),
  );
}

const isTask = (event: TraceEvent, threads: Set<string>) => event.name === 'RunTask' && event.ph === 'X' && threads.has(`${event.pid}:${event.tid}`);

/**
 * Every main-thread task in the trace, longest (wall) first; with `mainFrameOnly`, only the renderer of
 * the traced page's main frame (not its out-of-process iframes).
 */
export function mainThreadTasks(trace: Buffer | string, mainFrameOnly = false): TaskTime[] {
  const events = eventsOf(trace);
  const threads = mainThreadsOf(events, mainFrameOnly);
  return events
    .filter((event) => isTask(event, threads))
    .map((event) => ({ wall: (event.dur ?? 0) / 1000, cpu: (event.tdur ?? event.dur ?? 0) / 1000 }))
    .sort((a, b) => b.wall - a.wall);
}

/**
 * What the main-thread tasks of at least `minWallMs` contain: wall ms of the trace events inside them by
 * name (FunctionCall, FireAnimationFrame, MajorGC, Layout, …), largest first. Events nest (a FunctionCall
 * holds the MinorGC it triggered), so the figures overlap and do not add up to the tasks' time.
 */
export function longTaskContents(trace: Buffer | string, minWallMs: number, mainFrameOnly = false): { name: string; ms: number }[] {
  const events = eventsOf(trace);
  const threads = mainThreadsOf(events, mainFrameOnly);
  const long = events.filter((event) => isTask(event, threads) && (event.dur ?? 0) >= minWallMs * 1000);
  const byName = new Map<string, number>();
  for (const task of long) {
    const from = task.ts ?? 0;
    const to = from + (task.dur ?? 0);
    for (const event of events) {
      if (event === task || event.ph !== 'X' || event.pid !== task.pid || event.tid !== task.tid || event.name === 'RunTask' || event.name === undefined) continue;
      const at = event.ts ?? -1;
      if (at < from || at >= to) continue;
      byName.set(event.name, (byName.get(event.name) ?? 0) + (event.dur ?? 0) / 1000);
    }
  }
  return [...byName.entries()].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
}
