// The e2e flood check's window into the panel (Signal's SignalCI idea): installed only when the page was
// started with `window.__MSD_TEST__` set, read-only, and never part of the user-facing panel.
import type { BatchApplier } from './batch-applier';
import type { EntryRingView } from './entry-ring';

/** What `window.__devtoolsTest` reports. */
export interface DevtoolsTestHook {
  readonly applied: number;
  readonly duplicates: number;
  readonly version: number;
  readonly rafFlushes: number;
  readonly ringSize: number;
  /** seq of the first and last entries held, for order checks. */
  readonly firstSeq: number | null;
  readonly lastSeq: number | null;
  /** True when every held entry has a larger seq than the one before. */
  ascending(): boolean;
  /** A summary of held entries [start, end) (payloads cut to 32 characters), for order checks. */
  slice(start: number, end: number): TestEntrySummary[];
}

/** What `slice` reports per entry. */
export interface TestEntrySummary {
  seq: number;
  /** The engine's monotonic ms when it recorded the entry (for rates measured at the engine). */
  monoTime: number;
  connectionId: string;
  kind: string;
  /** The frame type (`text`, `binary`, `close`…), event or API. */
  name: string;
  direction: string;
  payload?: string;
}

declare global {
  interface Window {
    __MSD_TEST__?: unknown;
    __devtoolsTest?: DevtoolsTestHook;
  }
}

/** Installs the hook when the test flag is set; does nothing otherwise. */
export function installTestHook(win: Window, applier: BatchApplier, ring: EntryRingView, version: () => number): void {
  if (!win.__MSD_TEST__) return;
  win.__devtoolsTest = {
    get applied() {
      return applier.counters().applied;
    },
    get duplicates() {
      return applier.counters().duplicates;
    },
    get version() {
      return version();
    },
    get rafFlushes() {
      return applier.counters().flushes;
    },
    get ringSize() {
      return ring.size();
    },
    get firstSeq() {
      return ring.at(0)?.seq ?? null;
    },
    get lastSeq() {
      return ring.at(ring.size() - 1)?.seq ?? null;
    },
    ascending() {
      let previous = -1;
      let ordered = true;
      ring.forEach((entry) => {
        if (entry.seq <= previous) ordered = false;
        previous = entry.seq;
      });
      return ordered;
    },
    slice(start, end) {
      const out: TestEntrySummary[] = [];
      for (let index = Math.max(0, start); index < Math.min(end, ring.size()); index += 1) {
        const entry = ring.at(index);
        if (!entry) continue;
        out.push({ seq: entry.seq, monoTime: entry.monoTime, connectionId: entry.connectionId, kind: entry.kind, name: entry.name, direction: entry.direction, ...(entry.payload !== undefined ? { payload: entry.payload.slice(0, 32) } : {}) });
      }
      return out;
    },
  };
}
