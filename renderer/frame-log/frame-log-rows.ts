// Row geometry shared by the log, its header and its keyboard navigation: one fixed row height (no
// measuring) and fixed column widths, so nothing jumps while traffic flows.

/** Pixel height of every log row. */
export const ROW_HEIGHT = 24;

/** Rows rendered above and below the visible window. */
export const OVERSCAN = 12;

/** Rows rendered above the visible window while following the newest rows. */
export const FOLLOW_OVERSCAN = 2;

/** Where a key press moves the selection (row numbers), or null when the key is not a navigation key. */
export function nextRow(key: string, current: number | null, rowCount: number, pageRows: number): number | null {
  if (rowCount === 0) return null;
  const last = rowCount - 1;
  const page = Math.max(1, pageRows - 1);
  switch (key) {
    case 'ArrowDown':
      return current === null ? 0 : Math.min(last, current + 1);
    case 'ArrowUp':
      return current === null ? last : Math.max(0, current - 1);
    case 'PageDown':
      return current === null ? Math.min(last, page) : Math.min(last, current + page);
    case 'PageUp':
      return current === null ? Math.max(0, last - page) : Math.max(0, current - page);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}

/**
 * The virtualizer's item count for `rowCount` rows: the next power of two (at least 1024). Tanstack
 * re-measures every item whenever its count changes, so a count that followed every frame of a flood
 * would cost O(rows) per frame; this one changes about log2(rows) times. Items past `rowCount` are never
 * reached (the canvas is `rowCount` rows tall) and render nothing.
 */
export function virtualCountFor(rowCount: number): number {
  if (rowCount <= 0) return 0;
  let count = 1024;
  while (count < rowCount) count *= 2;
  return count;
}

/** Row numbers to render while following the newest row: the last `visibleRows` rows plus `overscan` above. */
export function tailRows(rowCount: number, visibleRows: number, overscan: number): number[] {
  const from = Math.max(0, rowCount - visibleRows - overscan);
  const rows: number[] = [];
  for (let row = from; row < rowCount; row += 1) rows.push(row);
  return rows;
}

/** The visible rows of a range the virtualizer computed, cut to the rows that exist. */
export function rowsInRange(startIndex: number, endIndex: number, overscan: number, rowCount: number): number[] {
  const from = Math.max(0, startIndex - overscan);
  const to = Math.min(rowCount - 1, endIndex + overscan);
  const rows: number[] = [];
  for (let row = from; row <= to; row += 1) rows.push(row);
  return rows;
}

/**
 * The React key of the row at `row`. While following, rows are keyed by their place in the rendered window
 * (`firstRendered` is the window's first row): a flood then rewrites the text of the same row elements
 * instead of removing every row and creating new ones, which spares the DOM, style and garbage work of a
 * whole screen of rows per update (docs/architecture.md#keeping-the-panels-frames-short). Scrolled away,
 * rows are keyed by seq, so a scroll step creates only the rows it reveals.
 */
export function rowKey(row: number, seq: number, following: boolean, firstRendered: number): string {
  return following ? `slot-${row - firstRendered}` : `seq-${seq}`;
}
