// The state of Find (Ctrl+F): whether the bar is open, the query, the matches found so far and which one
// is current. `reveal` changes when the log should scroll the current match into view.
import { create } from 'zustand';
import { usePanelStore } from '../store/panel-store';
import type { FindScan } from './find-scan';

interface FindState {
  open: boolean;
  query: string;
  scan: FindScan | null;
  /** Index into scan.matches, -1 = none chosen yet. */
  current: number;
  reveal: number;
  setOpen(open: boolean): void;
  setQuery(query: string): void;
  setScan(scan: FindScan): void;
  /** Moves to the next (+1) or previous (-1) match, wrapping, and selects it. */
  step(direction: 1 | -1): void;
}

export const useFindStore = create<FindState>()((set, get) => ({
  open: false,
  query: '',
  scan: null,
  current: -1,
  reveal: 0,
  setOpen: (open) => set({ open }),
  setQuery: (query) => set({ query, current: -1 }),
  setScan: (scan) => set({ scan }),
  step(direction) {
    const { scan, current, reveal } = get();
    const count = scan?.matches.length ?? 0;
    if (!scan || count === 0) return;
    const next = current < 0 ? (direction === 1 ? 0 : count - 1) : (current + direction + count) % count;
    const seq = scan.matches[next];
    if (seq === undefined) return;
    set({ current: next, reveal: reveal + 1 });
    usePanelStore.getState().select(seq);
  },
}));
