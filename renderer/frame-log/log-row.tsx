// One row of the log (and the header above them): fixed height, fixed column widths, tabular numbers.
import { memo } from 'react';
import type { RingEntry } from '../capture/entry-ring';
import { entryTypeOf } from '../capture/entry-type';
import { directionArrow, formatClock, formatDelta, formatSize, previewOf } from './format-cells';
import './log-columns.css';
import './log-row.css';

interface LogRowProps {
  entry: RingEntry;
  top: number;
  /** ms since the previous shown row, null for the first. */
  delta: number | null;
  selected: boolean;
  onSelect(seq: number): void;
  /** Right click (or the context-menu key): the row menu at that point. */
  onMenu?(seq: number, x: number, y: number): void;
}

/** A row; re-renders only when its entry, place, delta or selection changes. */
export const LogRow = memo(function LogRow({ entry, top, delta, selected, onSelect, onMenu }: LogRowProps) {
  const type = entryTypeOf(entry);
  const failed = entry.kind === 'error' || entry.errorCode !== undefined;
  const preview = previewOf(entry);
  const classes = ['log-row', `dir-${entry.direction}`, `type-${type}`, failed ? 'failed' : '', selected ? 'selected' : ''].filter(Boolean).join(' ');
  return (
    <div
      className={classes}
      role="row"
      aria-selected={selected}
      data-seq={entry.seq}
      style={{ transform: `translateY(${top}px)` }}
      onMouseDown={() => onSelect(entry.seq)}
      onContextMenu={(event) => {
        if (!onMenu) return;
        event.preventDefault();
        onMenu(entry.seq, event.clientX, event.clientY);
      }}
    >
      <span className="c-seq" role="gridcell">
        {entry.seq}
      </span>
      <span className="c-time" role="gridcell">
        {formatClock(entry.wallTime)}
      </span>
      <span className="c-delta" role="gridcell">
        {formatDelta(delta)}
      </span>
      <span className="c-conn" role="gridcell" title={entry.page === undefined ? entry.clientId : `${entry.clientId} · ${entry.page}`}>
        {entry.connectionId || '—'}
      </span>
      <span className="c-dir" role="gridcell" aria-label={entry.direction === 'none' ? '' : entry.direction}>
        {directionArrow(entry.direction)}
      </span>
      <span className="c-type" role="gridcell">
        {type}
      </span>
      <span className="c-size" role="gridcell">
        {entry.kind === 'frame' ? formatSize(entry.size) : ''}
      </span>
      <span className="c-preview" role="gridcell" title={preview}>
        {/* The mini-program page whose logic made the call (docs/miniprogram-runtime.md "Sockets"). */}
        {entry.page !== undefined && <span className="c-page">{entry.page}</span>}
        {/* Put on the wire by the user, not the app (docs/behaviour.md#resend-through-the-apps-connection). */}
        {entry.detail?.resent === true && <span className="c-tag" title={`Resent by you from #${String(entry.detail.resentFrom)}`}>resent</span>}
        {preview}
      </span>
    </div>
  );
});
