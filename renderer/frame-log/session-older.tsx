// Above the live log's rows, once the capture has outgrown the panel ring: what the ring evicted, read
// back from the run's session on disk — the text filter's older matches, or "Older" pages of entries
// (docs/session-storage.md "The live log reaches the session"). Rows select into the inspector, which reads
// the full entry from the session.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { CaptureEntry } from '../../shared/capture';
import { entryRing } from '../capture/entry-ring';
import { usePanelStore } from '../store/panel-store';
import { OVERSCAN, ROW_HEIGHT } from './frame-log-rows';
import { LogRow } from './log-row';
import { useSessionOlderStore, type SessionOlderView } from './session-older-store';
import './session-older.css';

/** Quiet time after the last keystroke before the engine searches the session. */
const SEARCH_DELAY_MS = 300;

export function SessionOlder() {
  const source = usePanelStore((state) => state.source);
  const dropped = usePanelStore((state) => state.dropped);
  const text = usePanelStore((state) => state.filters.text);
  const replier = usePanelStore((state) => state.replier);
  const selectedSeq = usePanelStore((state) => state.selectedSeq);
  const select = usePanelStore((state) => state.select);
  usePanelStore((state) => state.version);
  const { view, loading, error, searchOlder, loadOlder, reset } = useSessionOlderStore();
  const reaches = source === 'live' && dropped > 0 && replier !== null;
  const oldestHeld = entryRing.at(0)?.seq ?? null;
  const newestHeld = entryRing.at(entryRing.size() - 1)?.seq ?? null;

  useEffect(() => {
    if (!reaches || text === '' || newestHeld === null) {
      reset();
      return undefined;
    }
    const timer = setTimeout(() => void searchOlder(replier, text, newestHeld + 1), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
    // A new search for a new text or once the ring starts evicting, not for every entry the ring takes.
  }, [reaches, text]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!reaches || oldestHeld === null || newestHeld === null) return null;
  const entries = view.kind === 'matches' ? view.result.entries : view.kind === 'pages' ? view.entries : [];
  const reachedStart = view.kind === 'pages' && (view.entries[0]?.seq ?? oldestHeld) <= view.liveFromSeq;
  return (
    <section className="session-older" aria-label="older entries from the session">
      <div className="session-older-bar" role="status">
        <span className="session-older-badge">From the session on disk</span>
        <Summary view={view} text={text} dropped={dropped} oldestHeld={oldestHeld} />
        {loading && <span className="muted">reading…</span>}
        {error && <span className="session-older-error">{error}</span>}
        {text === '' && (
          <button type="button" disabled={loading || reachedStart || oldestHeld === 0} onClick={() => void loadOlder(replier, oldestHeld)}>
            ◀ Older
          </button>
        )}
        {text !== '' && (
          <button type="button" disabled={loading} onClick={() => void searchOlder(replier, text, newestHeld + 1)}>
            Search again
          </button>
        )}
      </div>
      {entries.length > 0 && <OlderRows entries={entries} selectedSeq={selectedSeq} onSelect={select} />}
    </section>
  );
}

/** The strip's rows, virtualized like the log's (a render stays small however many pages were read). */
function OlderRows({ entries, selectedSeq, onSelect }: { entries: readonly CaptureEntry[]; selectedSeq: number | null; onSelect(seq: number): void }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: entries.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: OVERSCAN });
  return (
    <div ref={scrollRef} className="session-older-rows" role="grid" aria-label="older rows" aria-rowcount={entries.length}>
      <div className="log-canvas" style={{ height: entries.length * ROW_HEIGHT }}>
        {virtualizer.getVirtualItems().map((item) => {
          const entry = entries[item.index];
          return entry && <LogRow key={entry.seq} entry={entry} top={item.start} delta={null} selected={entry.seq === selectedSeq} onSelect={onSelect} />;
        })}
      </div>
    </div>
  );
}

function Summary({ view, text, dropped, oldestHeld }: { view: SessionOlderView; text: string; dropped: number; oldestHeld: number }) {
  const count = (n: number) => n.toLocaleString('en-US');
  if (view.kind === 'matches' && view.text === text) {
    const { matches, scanned, entries } = view.result;
    const shown = entries.length < matches ? `; the latest ${count(entries.length)} shown` : '';
    return (
      <span data-testid="older-summary">
        {count(matches)} {matches === 1 ? 'match' : 'matches'} the log's memory no longer holds ({count(scanned)} entries up to #{view.toSeq - 1} searched){shown}
      </span>
    );
  }
  if (view.kind === 'pages' && view.entries.length > 0) {
    return (
      <span data-testid="older-summary">
        #{view.entries[0]?.seq}–#{view.entries.at(-1)?.seq} read back{(view.entries.at(-1)?.seq ?? 0) + 1 < oldestHeld ? ` (up to #${oldestHeld - 1} left the strip)` : ", before the log's oldest"}
      </span>
    );
  }
  return <span data-testid="older-summary">{count(dropped)} entries the log's memory no longer holds are in the session</span>;
}
