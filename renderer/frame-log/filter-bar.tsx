// The log's filter controls: text or regex (with a hint saying which it was read as), direction and
// type toggles, and a connection picker fed by the connections seen in the capture.
import { useEffect, useState } from 'react';
import type { Direction } from '../../shared/capture';
import { connectionCatalog } from '../capture/connection-catalog';
import { usePanelStore } from '../store/panel-store';
import { ENTRY_TYPES, type EntryType } from '../capture/entry-type';
import { callsHidden, toggleHideCalls } from '../store/messages-view';
import { compileTextMatcher } from '../../shared/text-matcher';
import './filter-bar.css';

/** The filter box's hint; also its tooltip, since a narrow log cuts the placeholder. */
const FILTER_HINT = 'Filter: text, regex, event:… topic:… type:…';

const DIRECTIONS: [Direction, string, string][] = [
  ['out', '↑ out', 'sent by the app'],
  ['in', '↓ in', 'received by the app'],
  ['none', '• other', 'calls, results, lifecycle, warnings'],
];

/** Filter controls bound to the store's `filters`. */
export function FilterBar() {
  const filters = usePanelStore((state) => state.filters);
  const setFilters = usePanelStore((state) => state.setFilters);
  usePanelStore((state) => state.version); // new connections appear as traffic arrives
  const [text, setText] = useState(filters.text);
  const mode = compileTextMatcher(text).mode;

  // Typing is debounced a little so a flood is not re-filtered on every keystroke.
  useEffect(() => {
    if (text === filters.text) return undefined;
    const timer = setTimeout(() => setFilters({ text }), 150);
    return () => clearTimeout(timer);
  }, [text, filters.text, setFilters]);
  useEffect(() => setText(filters.text), [filters.text]);

  const toggle = <T,>(list: readonly T[], value: T): T[] => (list.includes(value) ? list.filter((item) => item !== value) : [...list, value]);
  const connectionIds = connectionCatalog.ids();

  return (
    <div className="filter-bar" role="search">
      <div className="filter-text">
        <input type="search" placeholder={FILTER_HINT} title={FILTER_HINT} value={text} onChange={(event) => setText(event.target.value)} spellCheck={false} aria-label="Filter text or regex" />
        <span
          className={`filter-mode mode-${mode}`}
          data-testid="filter-mode"
          title={mode === 'regex' ? 'read as a case-insensitive regular expression' : mode === 'literal' ? 'not a valid regular expression: matched as plain text' : ''}
        >
          {mode === 'regex' ? 'regex' : mode === 'literal' ? 'text' : ''}
        </span>
      </div>
      <div className="toggle-group" role="group" aria-label="Direction">
        {DIRECTIONS.map(([direction, label, title]) => (
          <button
            key={direction}
            type="button"
            title={title}
            aria-pressed={filters.directions.includes(direction)}
            className={filters.directions.includes(direction) ? 'on' : ''}
            onClick={() => setFilters({ directions: toggle(filters.directions, direction) })}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="toggle-group" role="group" aria-label="Type">
        {ENTRY_TYPES.map((type: EntryType) => (
          <button
            key={type}
            type="button"
            aria-pressed={filters.types.includes(type)}
            className={`${filters.types.includes(type) ? 'on' : ''} chip-${type}`}
            onClick={() => setFilters({ types: toggle(filters.types, type) })}
            onDoubleClick={() => setFilters({ types: [type] })}
            title="Click to toggle; double-click to show only this type"
          >
            {type}
          </button>
        ))}
      </div>
      <button type="button" className="preset-button" aria-pressed={callsHidden(filters)} onClick={toggleHideCalls} title="Hide the my.* call and result rows: frames, events and errors stay">
        Hide calls
      </button>
      <label className="filter-connection">
        <span className="visually-hidden">Connection</span>
        <select aria-label="Connection" value={filters.connectionId ?? ''} onChange={(event) => setFilters({ connectionId: event.target.value === '' ? null : event.target.value })}>
          <option value="">All connections</option>
          {connectionIds.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
          {filters.connectionId !== null && !connectionIds.includes(filters.connectionId) && <option value={filters.connectionId}>{filters.connectionId}</option>}
        </select>
      </label>
    </div>
  );
}
