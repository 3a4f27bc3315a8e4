// Column titles aligned with the rows: drag a title's right edge to resize its column, and show or hide
// columns from the "Columns" menu. Both are remembered (docs/behaviour.md#panel-preferences).
import { useState } from 'react';
import type { PointerEvent } from 'react';
import { usePreferencesStore } from '../store/preferences-store';
import { hiddenColumns, LOG_COLUMNS, resizeColumn, toggleColumn, type LogColumnId } from './log-columns';
import './log-columns.css';
import './log-header.css';

export function LogHeader() {
  const columns = usePreferencesStore((state) => state.preferences.columns);
  const update = usePreferencesStore((state) => state.update);
  const [menuOpen, setMenuOpen] = useState(false);
  const hidden = hiddenColumns(columns);

  function startResize(id: LogColumnId, event: PointerEvent<HTMLSpanElement>): void {
    const cell = event.currentTarget.parentElement;
    if (!cell) return;
    event.preventDefault();
    const grip = event.currentTarget;
    grip.setPointerCapture(event.pointerId);
    const startX = event.clientX;
    const startWidth = cell.getBoundingClientRect().width;
    const move = (moveEvent: globalThis.PointerEvent) => update({ columns: resizeColumn(usePreferencesStore.getState().preferences.columns, id, startWidth + moveEvent.clientX - startX) });
    const end = () => {
      grip.removeEventListener('pointermove', move);
      grip.removeEventListener('pointerup', end);
      grip.removeEventListener('pointercancel', end);
    };
    grip.addEventListener('pointermove', move);
    grip.addEventListener('pointerup', end);
    grip.addEventListener('pointercancel', end);
  }

  return (
    <div className="log-header" role="row">
      {LOG_COLUMNS.map((column) => (
        <span key={column.id} className={`c-${column.id}`} title={column.label} aria-label={column.id === 'dir' ? 'direction' : undefined}>
          {column.id === 'dir' ? '⇅' : column.label}
          <span className="column-grip" aria-hidden="true" onPointerDown={(event) => startResize(column.id, event)} />
        </span>
      ))}
      <span className="c-preview">Preview</span>
      <button type="button" className="columns-button" aria-expanded={menuOpen} onClick={() => setMenuOpen(!menuOpen)} title="Show or hide columns">
        Columns ▾
      </button>
      {menuOpen && (
        <div className="columns-menu" role="group" aria-label="columns">
          {LOG_COLUMNS.map((column) => (
            <label key={column.id}>
              <input type="checkbox" checked={!hidden.includes(column.id)} onChange={() => update({ columns: toggleColumn(columns, column.id) })} /> {column.label}
            </label>
          ))}
        </div>
      )}
    </div>
  );
}
