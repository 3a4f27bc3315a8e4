// The connected problems list: reads the shared timeline index (synced from the entry ring when the
// store's version moves) and the selection, so a click here, on the timeline or in the log selects the
// same entry everywhere.
import { useMemo, useRef } from 'react';
import type { CaptureEntry } from '../../shared/capture';
import { usePanelStore } from '../store/panel-store';
import { syncTimelineIndex } from '../timeline/shared-timeline-index';
import { ProblemsListView } from './problems-list-view';

/** Problems in seq order; a new array only when the set changed, so the list re-renders only then. */
function useProblems(): readonly CaptureEntry[] {
  const version = usePanelStore((state) => state.version);
  const cache = useRef<{ key: string; problems: readonly CaptureEntry[] }>({ key: '', problems: [] });
  return useMemo(() => {
    void version;
    const problems = syncTimelineIndex().problemEntries();
    const key = `${problems.length}:${problems[0]?.seq ?? ''}:${problems.at(-1)?.seq ?? ''}`;
    if (key !== cache.current.key) cache.current = { key, problems: [...problems] };
    return cache.current.problems;
  }, [version]);
}

/** The warnings and errors list with explanations (see the module comment). */
export function ProblemsList() {
  const problems = useProblems();
  const selectedSeq = usePanelStore((state) => state.selectedSeq);
  const select = usePanelStore((state) => state.select);
  return <ProblemsListView problems={problems} selectedSeq={selectedSeq} onSelect={select} />;
}
