// The strip above the rows: what the log is not showing and why — entries hidden by the filter, older
// entries dropped (ring overflow or skipped batches), entries waiting while paused, a filter still running.
import { entryRing } from '../capture/entry-ring';
import { usePanelStore } from '../store/panel-store';
import type { FilteredIndex } from './filter';
import { useSessionOlderStore } from './session-older-store';
import './log-markers.css';

/** Entries the stream skipped that the log shows as gap rows, and a way to the next one. */
export interface GapMarker {
  /** Seqs in the gaps between held entries (read back or not). */
  inRing: number;
  unread: number;
  gaps: number;
  /** A filter is active: `unread` counts every skipped entry, not the matches (docs/behaviour.md#a27-gaps-in-the-live-log). */
  filtered: boolean;
  onNextGap(): void;
}

/** Markers for `index` (nothing when everything is shown). */
export function LogMarkers({ index, gaps }: { index: FilteredIndex; gaps?: GapMarker }) {
  const dropped = usePanelStore((state) => state.dropped);
  const pausedAt = usePanelStore((state) => state.pausedAt);
  const resetFilters = usePanelStore((state) => state.resetFilters);
  const setPaused = usePanelStore((state) => state.setPaused);
  const replier = usePanelStore((state) => state.replier);
  const source = usePanelStore((state) => state.source);
  const filterText = usePanelStore((state) => state.filters.text);
  const loadOlder = useSessionOlderStore((state) => state.loadOlder);
  const readingOlder = useSessionOlderStore((state) => state.loading);
  // Entries skipped between held ones have their gap rows; the rest of `dropped` lies before the oldest row.
  const older = dropped - (gaps?.inRing ?? 0);
  const waiting = pausedAt === null ? 0 : Math.max(0, entryRing.appended() - pausedAt);
  if (index.hidden === 0 && older <= 0 && pausedAt === null && index.complete && !gaps?.gaps) return null;
  const toFilter = (pausedAt ?? entryRing.appended()) - entryRing.evicted();
  const filtered = index.scannedTo - entryRing.evicted();
  return (
    <div className="log-markers" role="status">
      {!index.complete && (
        <span className="marker marker-filtering" data-testid="filtering">
          Filtering… {toFilter > 0 ? Math.floor((100 * Math.max(0, filtered)) / toFilter) : 0}%
        </span>
      )}
      {pausedAt !== null && (
        <span className="marker marker-paused">
          Paused{waiting > 0 ? ` — ${waiting.toLocaleString('en-US')} new entries waiting` : ''}{' '}
          <button type="button" onClick={() => setPaused(false)}>
            Resume
          </button>
        </span>
      )}
      {older > 0 && (
        <span className="marker marker-dropped">
          {older.toLocaleString('en-US')} older entries dropped{' '}
          {/* They are in the session on disk: read the ones before the oldest row into the strip above the log. */}
          {source === 'live' && replier !== null && filterText === '' && (
            <button type="button" disabled={readingOlder} onClick={() => void loadOlder(replier, entryRing.at(0)?.seq ?? entryRing.appended())}>
              ◀ Show older
            </button>
          )}
        </span>
      )}
      {gaps && gaps.gaps > 0 && (
        <span className="marker marker-gaps">
          {gaps.unread.toLocaleString('en-US')} not streamed in {gaps.gaps} {gaps.gaps === 1 ? 'gap' : 'gaps'}
          {gaps.filtered ? ' (filter not applied yet)' : ''}{' '}
          <button type="button" onClick={gaps.onNextGap}>
            Next gap ▾
          </button>
        </span>
      )}
      {index.hidden > 0 && (
        <span className="marker marker-hidden">
          {index.hidden.toLocaleString('en-US')} hidden by filter{' '}
          <button type="button" onClick={resetFilters}>
            Show all
          </button>
        </span>
      )}
    </div>
  );
}
