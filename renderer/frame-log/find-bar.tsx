// The Find bar over the log (Ctrl+F): searches every payload of the capture in slices (find-scan.ts),
// shows "current / count", Enter or ↓ for the next match, Shift+Enter or ↑ for the previous, Escape closes.
import { useEffect, useRef } from 'react';
import { entryRing } from '../capture/entry-ring';
import { usePanelStore } from '../store/panel-store';
import { FIND_SLICE_MS, MAX_MATCHES, scanComplete, scanForMatches } from './find-scan';
import { useFindStore } from './find-store';
import './find-bar.css';

export function FindBar() {
  const { open, query, scan, current, setOpen, setQuery, setScan, step } = useFindStore();
  const version = usePanelStore((state) => state.version);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (open) input.current?.select();
  }, [open]);

  // One slice per task until every held entry is read; new traffic (a new version) continues the scan.
  useEffect(() => {
    if (!open) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const slice = () => {
      const next = scanForMatches(useFindStore.getState().scan, entryRing, useFindStore.getState().query, performance.now() + FIND_SLICE_MS);
      setScan(next);
      if (!scanComplete(next, entryRing)) timer = setTimeout(slice, 0);
    };
    timer = setTimeout(slice, query === '' ? 0 : 120);
    return () => clearTimeout(timer);
  }, [open, query, version, setScan]);

  if (!open) return null;
  const count = scan && scan.needle === query.toLowerCase() ? scan.matches.length : 0;
  const scanning = scan !== null && query !== '' && !scanComplete(scan, entryRing);
  const countText = query === '' ? '' : `${current >= 0 ? current + 1 : 0} / ${count >= MAX_MATCHES ? `${MAX_MATCHES}+` : count}${scanning ? '…' : ''}`;
  return (
    <div className="find-bar" role="search" aria-label="find in payloads">
      <input
        ref={input}
        type="search"
        placeholder="Find in every payload"
        aria-label="Find in payloads"
        value={query}
        spellCheck={false}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') step(event.shiftKey ? -1 : 1);
          else if (event.key === 'Escape') setOpen(false);
          else return;
          event.preventDefault();
          event.stopPropagation();
        }}
      />
      <span className="find-count" role="status" aria-label="matches">
        {countText}
      </span>
      <button type="button" onClick={() => step(-1)} disabled={count === 0} title="Previous match (Shift+Enter)" aria-label="Previous match">
        ↑
      </button>
      <button type="button" onClick={() => step(1)} disabled={count === 0} title="Next match (Enter)" aria-label="Next match">
        ↓
      </button>
      <button type="button" onClick={() => setOpen(false)} title="Close (Escape)" aria-label="Close find">
        ✕
      </button>
    </div>
  );
}
