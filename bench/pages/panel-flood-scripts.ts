// In-page scripts (sent as text over CDP) for the panel throughput measurement: a probe in the panel
// page (applied counts per animation frame from the e2e hook, Long Tasks, long animation frames), a flood
// opened by the mini-app through `my`, and a plain-WebSocket flood counter for the baseline page.
// Times are epoch milliseconds (performance.timeOrigin + performance.now()), comparable across pages.

export interface FloodPlan {
  url: string;
  count: number;
  /** Subprotocols the mini-app offers (`connectSocket`'s `protocols`); none when absent or empty. */
  protocols?: string[];
}

/** What the panel probe reports when stopped. */
export interface PanelProbeReport {
  appliedAtStart: number;
  appliedAtEnd: number;
  /** The connection of the middle entry applied since the start: the flood's (null: nothing applied). */
  floodConnection: string | null;
  /** The connections of the ring's newest entries (at most TAIL_ENTRIES), oldest first; the last is entry `appliedAtEnd`. */
  tailConnections: string[];
  lastSeqAtStart: number;
  lastSeqAtEnd: number;
  ascending: boolean;
  /** Epoch ms and applied count at each animation frame, flattened pairs. */
  frames: number[];
  longTasks: number[];
  longAnimationFrames: number[];
  longAnimationFramesSupported: boolean;
  /** Scripts that ran in long animation frames (LoAF attribution), one per script entry. */
  longFrameScripts: LongFrameScript[];
  /** Where each long animation frame's time went, one per frame. */
  longFramePhases: LongFramePhases[];
}

/** A long animation frame split by the LoAF API's timings (ms). */
export interface LongFramePhases {
  duration: number;
  /** Scripts together, forced style and layout inside them included. */
  script: number;
  /** Style and layout that scripts forced (reading layout, setting scrollTop after DOM changes). */
  forcedLayout: number;
  /** The frame's own style, layout and paint (from styleAndLayoutStart to the end). */
  styleLayoutPaint: number;
}

/** One script of a long animation frame, as the LoAF API attributes it. */
export interface LongFrameScript {
  invoker: string;
  functionName: string;
  sourceURL: string;
  /** Character offset of the function in its script. */
  charPosition: number;
  duration: number;
}

/** Installs `window.__benchProbe` in the panel page (needs `window.__devtoolsTest`). */
export const START_PANEL_PROBE = `(() => {
  const hook = window.__devtoolsTest;
  const now = () => performance.timeOrigin + performance.now();
  const probe = {
    running: true,
    appliedAtStart: hook.applied,
    lastSeqAtStart: hook.lastSeq ?? -1,
    frames: [],
    longTasks: [],
    longAnimationFrames: [],
    longAnimationFramesSupported: PerformanceObserver.supportedEntryTypes.includes('long-animation-frame'),
    longFrameScripts: [],
    longFramePhases: [],
    observers: [],
  };
  probe.recordFrame = (entry) => {
    probe.longAnimationFrames.push(entry.duration);
    const scripts = entry.scripts ?? [];
    probe.longFramePhases.push({
      duration: entry.duration,
      script: scripts.reduce((sum, script) => sum + script.duration, 0),
      forcedLayout: scripts.reduce((sum, script) => sum + (script.forcedStyleAndLayoutDuration ?? 0), 0),
      styleLayoutPaint: entry.styleAndLayoutStart > 0 ? entry.startTime + entry.duration - entry.styleAndLayoutStart : 0,
    });
    for (const script of entry.scripts ?? []) {
      if (probe.longFrameScripts.length < 20000) probe.longFrameScripts.push({ invoker: script.invoker, functionName: script.sourceFunctionName, sourceURL: script.sourceURL, charPosition: script.sourceCharPosition, duration: script.duration });
    }
  };
  const tick = () => {
    probe.frames.push(now(), hook.applied);
    if (probe.running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const longTasks = new PerformanceObserver((list) => { for (const entry of list.getEntries()) probe.longTasks.push(entry.duration); });
  longTasks.observe({ type: 'longtask' });
  probe.observers.push(longTasks);
  if (probe.longAnimationFramesSupported) {
    const frames = new PerformanceObserver((list) => { for (const entry of list.getEntries()) probe.recordFrame(entry); });
    frames.observe({ type: 'long-animation-frame' });
    probe.observers.push(frames);
  }
  window.__benchProbe = probe;
  return true;
})()`;

/** The hook's last seq (to see when the panel has caught up). */
export const PANEL_LAST_SEQ = 'window.__devtoolsTest.lastSeq ?? -1';

/** The ring's newest entries the stopped probe reports the connections of. */
const TAIL_ENTRIES = 4096;

/** Stops the probe and returns its report. */
export const STOP_PANEL_PROBE = `(() => {
  const probe = window.__benchProbe;
  const hook = window.__devtoolsTest;
  probe.running = false;
  for (const observer of probe.observers) {
    for (const entry of observer.takeRecords()) { if (entry.entryType === 'longtask') probe.longTasks.push(entry.duration); else probe.recordFrame(entry); }
    observer.disconnect();
  }
  // The flood's connection is the one of the middle entry applied since the start (floodAppliedAtEnd).
  const size = hook.ringSize;
  const back = Math.floor((hook.applied - probe.appliedAtStart) / 2);
  const middle = hook.slice(size - 1 - back, size - back)[0];
  return {
    appliedAtStart: probe.appliedAtStart,
    appliedAtEnd: hook.applied,
    floodConnection: middle ? middle.connectionId : null,
    tailConnections: hook.slice(size - ${TAIL_ENTRIES}, size).map((entry) => entry.connectionId),
    lastSeqAtStart: probe.lastSeqAtStart,
    lastSeqAtEnd: hook.lastSeq ?? -1,
    ascending: hook.ascending(),
    frames: probe.frames,
    longTasks: probe.longTasks,
    longAnimationFrames: probe.longAnimationFrames,
    longAnimationFramesSupported: probe.longAnimationFramesSupported,
    longFrameScripts: probe.longFrameScripts,
    longFramePhases: probe.longFramePhases,
  };
})()`;

/**
 * The applied count once the panel had applied the flood connection's last entry. Entries of other
 * connections may come after it (the demo's ticker adds four every 2 s), and the flood must not end with them.
 */
export function floodAppliedAtEnd(report: Pick<PanelProbeReport, 'appliedAtEnd' | 'floodConnection' | 'tailConnections'>): number {
  const at = report.floodConnection === null ? -1 : report.tailConnections.lastIndexOf(report.floodConnection);
  return at < 0 ? report.appliedAtEnd : report.appliedAtEnd - (report.tailConnections.length - 1 - at);
}

/** What the mini-app's flood state reports. */
export interface MiniappFloodState {
  received: number;
  openedAt: number;
  lastAt: number;
  closedAt: number;
  error: string;
}

/** Opens the flood as a SocketTask in the mini-app and counts its messages in `window.__benchFlood`. */
export function startMiniappFloodScript(plan: FloodPlan): string {
  return `((plan) => {
    const now = () => performance.timeOrigin + performance.now();
    const state = { received: 0, openedAt: 0, lastAt: 0, closedAt: 0, error: '' };
    window.__benchFlood = state;
    const task = my.connectSocket({ url: plan.url, multiple: true, ...(plan.protocols?.length ? { protocols: plan.protocols } : {}) });
    task.onOpen(() => { state.openedAt = now(); });
    task.onMessage(() => { state.received += 1; if (state.received === plan.count) state.lastAt = now(); });
    task.onError((event) => { state.error = 'error ' + event.error + ': ' + event.errorMessage; });
    task.onClose(() => { state.closedAt = now(); });
    return true;
  })(${JSON.stringify(plan)})`;
}

export const MINIAPP_FLOOD_STATE = '({ ...window.__benchFlood })';

/** Baseline: a plain WebSocket counting the same flood; resolves with epoch open and last-frame times. */
export function webSocketFloodScript(plan: FloodPlan): string {
  return `((plan) => new Promise((resolve, reject) => {
    const now = () => performance.timeOrigin + performance.now();
    const socket = new WebSocket(plan.url);
    let received = 0;
    let openedAt = 0;
    const timer = setTimeout(() => reject(new Error('flood incomplete: ' + received + ' of ' + plan.count)), 120000);
    socket.onopen = () => { openedAt = now(); };
    socket.onmessage = () => {
      received += 1;
      if (received !== plan.count) return;
      clearTimeout(timer);
      resolve({ received, openedAt, lastAt: now() });
      socket.close(1000);
    };
    socket.onerror = () => reject(new Error('WebSocket error after ' + received + ' frames'));
  }))(${JSON.stringify(plan)})`;
}
