// The strip above the rows: what the log is not showing and why — entries hidden by the filter, older
// entries dropped (ring overflow or skipped batches), entries waiting while paused, a filter still running.
import { entryRing } from '../capture/entry-ring';
import { usePanelStore } from '../store/panel-store';
import type { FilteredIndex } from './filter';

/** Markers for `index` (nothing when everything is shown). */
export function LogMarkers({ index }: { index: FilteredIndex }) {
  const dropped = usePanelStore((state) => state.dropped);
  const pausedAt = usePanelStore((state) => state.pausedAt);
  const resetFilters = usePanelStore((state) => state.resetFilters);
  const setPaused = usePanelStore((state) => state.setPaused);
  const waiting = pausedAt === null ? 0 : Math.max(0, entryRing.appended() - pausedAt);
  if (index.hidden === 0 && dropped === 0 && pausedAt === null && index.complete) return null;
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
      {dropped > 0 && <span className="marker marker-dropped">{dropped.toLocaleString('en-US')} older entries dropped</span>}
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
