// Row geometry shared by the log, its header and its keyboard navigation: one fixed row height (no
// measuring) and fixed column widths, so nothing jumps while traffic flows.

/** Pixel height of every log row. */
export const ROW_HEIGHT = 24;

/** Rows rendered above and below the visible window. */
export const OVERSCAN = 12;

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
