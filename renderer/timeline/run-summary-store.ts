// The engine's whole-run summary of the live capture (`live-summary`, shared/run-summary.ts), asked for once a
// second while the live capture is shown, so the timeline can draw what the panel ring no longer holds
// (docs/behaviour.md#a28-whole-run-timeline-summary). One request in flight at a time; a failure keeps the last one.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { RunSummary } from '../../shared/run-summary';
import { usePanelStore } from '../store/panel-store';
import type { RequestReplier } from '../transport/request-reply';

/** How often the summary is asked for. */
export const SUMMARY_POLL_MS = 1000;

export interface RunSummaryState {
  /** null before the first answer, and while an imported log is shown. */
  summary: RunSummary | null;
  set(summary: RunSummary | null): void;
}

export const useRunSummaryStore = create<RunSummaryState>()((set) => ({
  summary: null,
  set: (summary) => set({ summary }),
}));

/** Asks `replier` for the summary every SUMMARY_POLL_MS until the returned stop is called. */
export function pollRunSummary(replier: RequestReplier): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const ask = async (): Promise<void> => {
    try {
      const body = await replier.request({ kind: 'live-summary' }, 10_000);
      if (!stopped && typeof body === 'string') useRunSummaryStore.getState().set(JSON.parse(body) as RunSummary);
    } catch {
      // An engine that predates the request, or a link going away: the timeline keeps what the ring shows.
    }
    if (!stopped) timer = setTimeout(() => void ask(), SUMMARY_POLL_MS);
  };
  void ask();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/** Polls while the live capture is shown over a link; otherwise there is no summary. */
export function useRunSummaryPolling(): void {
  const replier = usePanelStore((state) => state.replier);
  const live = usePanelStore((state) => state.source === 'live');
  useEffect(() => {
    if (!replier || !live) {
      useRunSummaryStore.getState().set(null);
      return undefined;
    }
    return pollRunSummary(replier);
  }, [replier, live]);
}

/** The span the summary covers on the timeline's axis (monotonic ms), or null when it is empty. */
export function summaryRange(summary: RunSummary | null): { first: number; last: number } | null {
  if (!summary) return null;
  const firstBucket = summary.buckets.findIndex((bucket) => bucket !== null);
  if (firstBucket < 0) return null;
  let lastBucket = summary.buckets.length - 1;
  while (lastBucket > firstBucket && summary.buckets[lastBucket] === null) lastBucket -= 1;
  return { first: summary.startTime + firstBucket * summary.bucketMs, last: summary.startTime + (lastBucket + 1) * summary.bucketMs };
}
