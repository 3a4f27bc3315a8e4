// Main-thread task lengths from a Chromium trace (Playwright's browser.startTracing / stopTracing): every
// `RunTask` slice on a renderer main thread (`CrRendererMain`). Unlike the `longtask` PerformanceObserver, which
// reports only tasks of 50 ms or more, this shows how far under 50 ms the longest task stays, and with the
// thread time (`tdur`, CPU) beside the wall time it tells work from waiting for a core on a loaded machine.

interface TraceEvent {
  name?: string;
  ph?: string;
  pid?: number;
  tid?: number;
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

/**
 * Every main-thread task in the trace, longest (wall) first; with `mainFrameOnly`, only the renderer of
 * the traced page's main frame (not its out-of-process iframes), as TracingStartedInBrowser names it.
 */
export function mainThreadTasks(trace: Buffer | string, mainFrameOnly = false): TaskTime[] {
  const events = eventsOf(trace);
  const started = events.find((event) => event.name === 'TracingStartedInBrowser');
  const mainFramePid = started?.args?.data?.frames?.find((frame) => frame.parent === undefined)?.processId;
  const mainThreads = new Set(
    events
      .filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .filter((event) => !mainFrameOnly || event.pid === mainFramePid)
      .map((event) => `${event.pid}:${event.tid}`),
  );
  return events
    .filter((event) => event.name === 'RunTask' && event.ph === 'X' && mainThreads.has(`${event.pid}:${event.tid}`))
    .map((event) => ({ wall: (event.dur ?? 0) / 1000, cpu: (event.tdur ?? event.dur ?? 0) / 1000 }))
    .sort((a, b) => b.wall - a.wall);
}
