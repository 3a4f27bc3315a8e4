// In-page scripts (sent as text over CDP) for the panel Find measurement: a Long Tasks and long animation
// frames probe, and what the panel shows (row count, Find's count, the selected row).

/** What the probe reports. */
export interface FindProbeReport {
  longTasks: number[];
  /** The longest time between two animation frames (a task of any length shows in it, plus up to a frame). */
  longestFrameGapMs: number;
  /** Scripts of long animation frames: "invoker → function" and ms. */
  longFrameScripts: { name: string; ms: number }[];
}

/** Starts recording every long task of the panel page in `window.__findProbe`. */
export const START_FIND_PROBE = `(() => {
  const probe = { longTasks: [], longFrameScripts: [], longestFrameGapMs: 0 };
  let last = performance.now();
  const frame = (now) => {
    probe.longestFrameGapMs = Math.max(probe.longestFrameGapMs, now - last);
    last = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) probe.longTasks.push(entry.duration); }).observe({ type: 'longtask' });
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
    new PerformanceObserver((list) => {
      for (const frame of list.getEntries()) for (const script of frame.scripts ?? []) probe.longFrameScripts.push({ name: script.invoker + (script.sourceFunctionName ? ' → ' + script.sourceFunctionName : ''), ms: script.duration });
    }).observe({ type: 'long-animation-frame' });
  }
  window.__findProbe = probe;
  return true;
})()`;

export const STOP_FIND_PROBE = 'window.__findProbe';

/** The log's row count. */
export const LOG_ROW_COUNT = `Number(document.querySelector('[role="grid"][aria-label="log rows"]')?.getAttribute('aria-rowcount') ?? -1)`;

/** Focuses the log rows (shortcuts act from there, as a user's click would). */
export const FOCUS_LOG = `(document.querySelector('[role="grid"][aria-label="log rows"]')?.focus(), true)`;

/** Focuses Find's box (it is focused once Find opens; this makes sure keys land there). */
export const FOCUS_FIND = `(() => { const box = document.querySelector('input[type="search"][aria-label="Find in payloads"]'); box?.focus(); return box !== null; })()`;

/** Find's "current / count" text. */
export const FIND_STATUS = `document.querySelector('[role="status"][aria-label="matches"]')?.textContent ?? ''`;

/** The seq of the selected log row, or -1. */
export const SELECTED_SEQ = `Number(document.querySelector('.log-row.selected')?.getAttribute('data-seq') ?? -1)`;
