// In-page scripts for the start-up measurement. The probe is installed before any of the page's own
// scripts (Page.addScriptToEvaluateOnNewDocument) and records, in epoch ms, the first contentful paint
// and the first animation frame after the panel applied its first capture entry (the demo mini-app's
// `client-attached`: the demo is connected and the panel shows it).

/** What `window.__benchStartup` holds. */
export interface StartupMarks {
  fcp: number;
  firstEntryFrame: number;
}

/** For the panel: switches the e2e hook on, then watches paints and the hook. */
export const PANEL_STARTUP_PROBE = `(() => {
  if (window.top !== window) return;
  window.__MSD_TEST__ = true;
  const now = () => performance.timeOrigin + performance.now();
  const marks = { fcp: 0, firstEntryFrame: 0 };
  window.__benchStartup = marks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint' && !marks.fcp) marks.fcp = performance.timeOrigin + entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  const tick = () => {
    const hook = window.__devtoolsTest;
    if (hook && hook.applied > 0) { requestAnimationFrame(() => { marks.firstEntryFrame = now(); }); return; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/** For the baseline page: only the first contentful paint. */
export const PLAIN_STARTUP_PROBE = `(() => {
  if (window.top !== window) return;
  const marks = { fcp: 0, firstEntryFrame: 0 };
  window.__benchStartup = marks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint' && !marks.fcp) marks.fcp = performance.timeOrigin + entry.startTime;
  }).observe({ type: 'paint', buffered: true });
})();`;

export const STARTUP_MARKS = '({ ...(window.__benchStartup ?? { fcp: 0, firstEntryFrame: 0 }) })';
