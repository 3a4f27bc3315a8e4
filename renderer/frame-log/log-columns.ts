// The log's columns (docs/behaviour.md#panel-layout): which can be hidden, their default widths, and the
// remembered choice. Rows read widths from CSS variables on the log and hide columns by class, so
// changing a column never re-renders a row.
import type { CSSProperties } from 'react';
import type { PanelPreferences } from '../../shared/panel-preferences';

export const LOG_COLUMNS = [
  { id: 'seq', label: '#', width: 64 },
  { id: 'time', label: 'Time', width: 92 },
  { id: 'delta', label: 'Δ ms', width: 62 },
  { id: 'conn', label: 'Conn', width: 46 },
  { id: 'dir', label: 'Direction', width: 22 },
  { id: 'type', label: 'Type', width: 70 },
  { id: 'size', label: 'Size', width: 70 },
] as const;
export type LogColumnId = (typeof LOG_COLUMNS)[number]['id'];

/** Hidden until the user shows them: at 1280 px the Preview keeps ≥ 320 px (docs/behaviour.md#panel-layout). */
export const DEFAULT_HIDDEN: readonly LogColumnId[] = ['seq', 'delta', 'size'];

type ColumnPreferences = PanelPreferences['columns'];

export function hiddenColumns(columns: ColumnPreferences): readonly string[] {
  return columns?.hidden ?? DEFAULT_HIDDEN;
}

/** Class names and CSS variables that apply the choice to the header and every row. */
export function columnStyle(columns: ColumnPreferences): { className: string; style: CSSProperties } {
  const hidden = hiddenColumns(columns);
  const style: Record<string, string> = {};
  for (const column of LOG_COLUMNS) style[`--w-${column.id}`] = `${columns?.widths[column.id] ?? column.width}px`;
  return { className: hidden.map((id) => `hide-${id}`).join(' '), style: style as CSSProperties };
}

/** The choice after showing or hiding one column. */
export function toggleColumn(columns: ColumnPreferences, id: LogColumnId): NonNullable<ColumnPreferences> {
  const hidden = hiddenColumns(columns);
  return { widths: columns?.widths ?? {}, hidden: hidden.includes(id) ? hidden.filter((other) => other !== id) : [...hidden, id] };
}

/** The choice after resizing one column (clamped to what the schema keeps). */
export function resizeColumn(columns: ColumnPreferences, id: LogColumnId, width: number): NonNullable<ColumnPreferences> {
  return { hidden: [...hiddenColumns(columns)], widths: { ...columns?.widths, [id]: Math.round(Math.min(600, Math.max(16, width))) } };
}
