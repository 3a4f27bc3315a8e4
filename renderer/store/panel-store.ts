// The panel's React-facing state. STORE CONTRACT (read by every panel area):
//
// - The capture itself is NOT here: it lives in `entryRing` (renderer/capture/entry-ring.ts), a
//   module-level ring outside React. Read it with entryRing.size()/at(i)/bySeq(seq)/forEach(fn); incremental
//   readers keep an absolute position and restart when entryRing.generation() changes.
// - `version` is bumped at most once per animation frame when batches arrived (batch-applier.ts), and
//   whenever the shown ring is swapped or cleared. Subscribe to it to re-read the ring:
//     const version = usePanelStore((s) => s.version);
// - `stats` (the engine's CaptureStats of the last batch), `skipped` (entries the engine never delivered)
//   and `dropped` (skipped + evicted from the panel ring: the "N older entries dropped" marker).
// - `paused` / `pausedAt`: while paused the log shows only the first `pausedAt` absolute positions; the
//   ring keeps filling. `selectedSeq`: the entry the inspector shows (null = none).
// - `filters`: the frame log filter (frame-log/log-filters.ts).
// - `engineState`: connections, clients, settings and lab endpoints (null until the first `state`).
// - `source`: 'live', or `{ importedFrom }` while an imported HAR/JSONL is shown instead of the live ring.
// - `transport`: the PanelTransport once connected (null before, and in component tests without one);
//   `replier`: request/reply over it (get-entry, export); `link`: the state of that transport.
// - Actions: select(seq), setPaused(paused), setFilters(patch), resetFilters(), clearCapture() (sends
//   `clear`; the engine's `cleared` empties the ring), showImported(name, entries, notes), backToLive(), plus the
//   internal ones the applier and the app use (setTransport, setLink, setEngineState, applied, reset).
import { create } from 'zustand';
import type { CaptureEntry, CaptureStats } from '../../shared/capture';
import type { EngineState, PanelTransport } from '../../shared/panel-wire';
import type { LinkState } from '../transport/panel-link';
import type { RequestReplier } from '../transport/request-reply';
import { entryRing, liveRing, showImportedEntries, showLiveEntries } from '../capture/entry-ring';
import type { LogFilters } from './log-filters';
import { NO_FILTERS } from './log-filters';

/** What is shown: the live capture or an imported file. */
export type CaptureSource = 'live' | { importedFrom: string };

/** The link to the engine: connecting until the first message, closed when the host went away. */

export interface PanelState {
  version: number;
  stats: CaptureStats | null;
  skipped: number;
  dropped: number;
  paused: boolean;
  /** Absolute ring position the log froze at (null when not paused). */
  pausedAt: number | null;
  selectedSeq: number | null;
  filters: LogFilters;
  engineState: EngineState | null;
  source: CaptureSource;
  transport: PanelTransport | null;
  replier: RequestReplier | null;
  link: LinkState;
  /** A message for the user about the last import or export ('' = none). */
  notice: string;
  /** What the last import had to say about its file (skipped lines, reordered entries, …). */
  importNotes: readonly string[];

  select(seq: number | null): void;
  setPaused(paused: boolean): void;
  setFilters(patch: Partial<LogFilters>): void;
  resetFilters(): void;
  clearCapture(): void;
  showImported(name: string, entries: readonly CaptureEntry[], notes?: readonly string[]): void;
  backToLive(): void;
  setNotice(notice: string): void;

  setTransport(transport: PanelTransport | null, replier?: RequestReplier | null): void;
  setLink(link: LinkState): void;
  setEngineState(state: EngineState): void;
  /** Called by the batch applier once per frame after entries were applied (or the ring was cleared). */
  applied(stats: CaptureStats | null): void;
  /** Back to the first-start state (tests). */
  reset(): void;
}

const initialData = {
  version: 0,
  stats: null,
  skipped: 0,
  dropped: 0,
  paused: false,
  pausedAt: null,
  selectedSeq: null,
  filters: NO_FILTERS,
  engineState: null,
  source: 'live' as CaptureSource,
  transport: null,
  replier: null,
  link: 'connecting' as LinkState,
  notice: '',
  importNotes: [] as readonly string[],
} satisfies Partial<PanelState>;

const lostCounts = () => ({ skipped: entryRing.skipped(), dropped: entryRing.skipped() + entryRing.evicted() });

/** The one store of the panel (see the contract at the top of this file). */
export const usePanelStore = create<PanelState>()((set, get) => ({
  ...initialData,

  select: (seq) => set({ selectedSeq: seq }),
  setPaused: (paused) => set({ paused, pausedAt: paused ? entryRing.appended() : null }),
  setFilters: (patch) => set({ filters: { ...get().filters, ...patch } }),
  resetFilters: () => set({ filters: NO_FILTERS }),
  clearCapture() {
    const { transport, source } = get();
    if (source !== 'live') {
      get().backToLive();
      return;
    }
    transport?.send({ kind: 'clear' });
  },
  showImported(name, entries, notes = []) {
    showImportedEntries(entries);
    set((state) => ({
      source: { importedFrom: name },
      importNotes: notes,
      version: state.version + 1,
      selectedSeq: null,
      paused: false,
      pausedAt: null,
      ...lostCounts(),
    }));
  },
  backToLive() {
    showLiveEntries();
    set((state) => ({ source: 'live', importNotes: [], version: state.version + 1, selectedSeq: null, ...lostCounts() }));
  },
  setNotice: (notice) => set({ notice }),

  setTransport: (transport, replier = null) => set({ transport, replier }),
  setLink: (link) => set({ link }),
  setEngineState: (engineState) => set({ engineState }),
  applied(stats) {
    set((state) => {
      const pausedAt = state.pausedAt === null ? null : Math.min(state.pausedAt, entryRing.appended());
      return { version: state.version + 1, stats: stats ?? state.stats, pausedAt, ...lostCounts() };
    });
  },
  reset() {
    liveRing.clear();
    showLiveEntries();
    set((state) => ({ ...initialData, version: state.version + 1 }));
  },
}));
