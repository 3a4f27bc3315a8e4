// The live frame log: a virtualized list over the module-level ring (fixed row height, no measuring),
// re-read once per store version. It follows new rows while the user is at the bottom and stops when
// they scroll up; the keyboard moves the selection; markers say what is hidden, dropped or waiting.
// A flood costs O(new rows) per frame: the virtualizer's count grows in steps (virtualCountFor), and
// while following, the rows rendered are the newest ones, so the scroll that reveals them needs no
// second render to fill them in.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { connectionCatalog } from '../capture/connection-catalog';
import { entryRing } from '../capture/entry-ring';
import { usePanelStore } from '../store/panel-store';
import { compileFilters, FILTER_SLICE_MS, updateFilteredIndex, type FilteredIndex } from './filter';
import { useGapFillStore } from './gap-fill-store';
import { GapRow } from './gap-row';
import { layoutGaps, seqsInGaps, type LogRowModel } from './gap-rows';
import { LogMarkers } from './log-markers';
import { MessagesBanner } from './messages-banner';
import { FindBar } from './find-bar';
import { useFindStore } from './find-store';
import { LogRow } from './log-row';
import { LogHeader } from './log-header';
import { SessionOlder } from './session-older';
import { columnStyle } from './log-columns';
import { usePreferencesStore } from '../store/preferences-store';
import { stillFollowing, useFollowScroll } from './follow-scroll';
import { FOLLOW_OVERSCAN, nextRow, OVERSCAN, ROW_HEIGHT, rowKey, rowsInRange, tailRows, virtualCountFor } from './frame-log-rows';
import './frame-log.css';

interface FrameLogProps {
  /** Opens the row menu (the app owns it: its actions reach beyond the log). */
  onRowMenu?(seq: number, x: number, y: number): void;
}

/** The centre panel: header, markers, rows. */
export function FrameLog({ onRowMenu }: FrameLogProps = {}) {
  const version = usePanelStore((state) => state.version);
  const filters = usePanelStore((state) => state.filters);
  const pausedAt = usePanelStore((state) => state.pausedAt);
  const selectedSeq = usePanelStore((state) => state.selectedSeq);
  const select = usePanelStore((state) => state.select);
  const source = usePanelStore((state) => state.source);
  const gapFills = useGapFillStore();
  const columns = usePreferencesStore((state) => state.preferences.columns);
  const shownColumns = useMemo(() => columnStyle(columns), [columns]);
  const indexRef = useRef<FilteredIndex | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  /** The canvas height in px (rows × ROW_HEIGHT): where following scrolls to, known without reading layout. */
  const bottomRef = useRef(0);
  const followRef = useRef(true);
  const writtenTopRef = useRef(Number.POSITIVE_INFINITY); // no move of its own yet
  const [following, setFollowing] = useState(true);
  const [filterSlices, setFilterSlices] = useState(0);
  const slicesRef = useRef(filterSlices);

  const index = useMemo(() => {
    // A store update (new entries, same filters) tests one slice of entries and leaves the rest to the
    // continuation tasks, which render the log alone: the update's task, which renders every view, stays short
    // (docs/architecture.md#decoding-cost). A new filter or a continuation gets the whole slice time.
    const storeUpdate = slicesRef.current === filterSlices && indexRef.current?.filters === filters;
    slicesRef.current = filterSlices;
    const next = updateFilteredIndex(indexRef.current, entryRing, filters, pausedAt ?? entryRing.appended(), performance.now() + (storeUpdate ? 0 : FILTER_SLICE_MS));
    indexRef.current = next;
    return next;
    // `version` is the signal that the ring (outside React) changed; `filterSlices` goes on with an incomplete index.
  }, [version, filters, pausedAt, filterSlices]); // eslint-disable-line react-hooks/exhaustive-deps

  // An incomplete index (a big log, a new filter) continues in the next task, so input and paint get in between.
  useEffect(() => {
    if (index.complete) return undefined;
    const timer = setTimeout(() => setFilterSlices((slices) => slices + 1), 0);
    return () => clearTimeout(timer);
  }, [index]);

  const predicate = useMemo(() => compileFilters(filters), [filters]);
  // Gap rows where the stream skipped entries, with what was read back into them (docs/behaviour.md#a27-gaps-in-the-live-log).
  const layout = useMemo(() => {
    const fills = gapFills.generation === entryRing.generation() ? gapFills.fills : {};
    const gaps = source === 'live' ? entryRing.gaps() : [];
    return layoutGaps(index, gaps, (gap) => fills[gap.fromSeq]?.entries ?? [], (entry) => predicate.test(entry));
  }, [index, gapFills, source, predicate]);
  const rowCount = layout.rowCount;
  const virtualizer = useVirtualizer({
    count: virtualCountFor(rowCount),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    // While following, the rows shown do not depend on the scroll offset, and each flood update's own move to
    // the bottom is a scroll event: re-rendering the log synchronously inside it (flushSync) made every update
    // two renders and a forced layout in one task. Scrolled away, the user's scroll renders at once
    // (docs/architecture.md#keeping-the-panels-frames-short).
    useFlushSync: !following,
    rangeExtractor: (range) =>
      // Rows above the newest are replaced by the next batch anyway: following renders almost no overscan.
      followRef.current ? tailRows(rowCount, range.endIndex - range.startIndex + 1, FOLLOW_OVERSCAN) : rowsInRange(range.startIndex, range.endIndex, range.overscan, rowCount),
  });

  // Follow the newest row while the user has not scrolled away from the bottom, after the browser's layout.
  bottomRef.current = rowCount * ROW_HEIGHT;
  useFollowScroll(scrollRef, canvasRef, followRef, bottomRef, writtenTopRef);

  const selectedRow = useMemo(() => {
    if (selectedSeq === null) return null;
    const ringIndex = entryRing.indexOfSeq(selectedSeq);
    if (ringIndex < 0) return null;
    const row = index.rowOfPosition(entryRing.evicted() + ringIndex);
    return row < 0 ? null : layout.rowOfRingRow(row);
  }, [selectedSeq, index, layout]);

  // Find moved to a match: bring its row into view (when the log's filters show it).
  const reveal = useFindStore((state) => state.reveal);
  useEffect(() => {
    if (reveal === 0 || selectedRow === null) return;
    followRef.current = false;
    setFollowing(false);
    virtualizer.scrollToIndex(selectedRow, { align: 'center' });
  }, [reveal]); // eslint-disable-line react-hooks/exhaustive-deps

  function setFollow(follow: boolean): void {
    followRef.current = follow;
    setFollowing(follow);
  }

  function onScroll(): void {
    const element = scrollRef.current;
    if (!element) return;
    const follow = stillFollowing(element, followRef.current, writtenTopRef.current, ROW_HEIGHT);
    if (follow !== followRef.current) setFollow(follow);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const element = scrollRef.current;
    const pageRows = element ? Math.floor(element.clientHeight / ROW_HEIGHT) : 10;
    if ((event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) && selectedSeq !== null && onRowMenu) {
      event.preventDefault();
      const rowElement = element?.querySelector(`[data-seq="${selectedSeq}"]`)?.getBoundingClientRect();
      onRowMenu(selectedSeq, rowElement ? rowElement.left + 80 : 0, rowElement ? rowElement.bottom : 0);
      return;
    }
    let row = nextRow(event.key, selectedRow, rowCount, pageRows);
    if (row === null) {
      if (event.key === 'Escape') select(null);
      return;
    }
    event.preventDefault();
    // A gap row holds no entry: the selection goes on to the next entry row the way the key moves.
    const forward = event.key === 'Home' || (event.key !== 'End' && (selectedRow === null ? event.key === 'ArrowDown' || event.key === 'PageDown' : row >= selectedRow));
    const step = forward ? 1 : -1;
    while (layout.at(row).kind === 'gap' && row + step >= 0 && row + step < rowCount) row += step;
    const entry = entryOf(layout.at(row));
    if (!entry) return;
    select(entry.seq);
    setFollow(row === rowCount - 1);
    virtualizer.scrollToIndex(row, { align: 'auto' });
  }

  /** Brings the first gap row below the top of the view into its middle (the first gap again after the last). */
  function nextGap(): void {
    const top = Math.floor((scrollRef.current?.scrollTop ?? 0) / ROW_HEIGHT);
    const visible = Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_HEIGHT);
    const row = layout.gapRows.find((candidate) => candidate > top + visible / 2) ?? layout.gapRows[0];
    if (row === undefined) return;
    setFollow(false);
    virtualizer.scrollToIndex(row, { align: 'center' });
  }

  function jumpToLatest(): void {
    setFollow(true);
    const element = scrollRef.current;
    if (!element) return;
    element.scrollTop = bottomRef.current;
    writtenTopRef.current = element.scrollTop;
  }

  const items = virtualizer.getVirtualItems();
  const evicted = entryRing.evicted();
  const firstRow = items[0]?.index ?? 0;
  const entryOf = (model: LogRowModel) => (model.kind === 'filled' ? model.entry : model.kind === 'ring' ? entryRing.at(index.positionAt(model.row) - evicted) : undefined);
  const previousOfFirst = firstRow > 0 ? entryOf(layout.at(firstRow - 1)) : undefined;
  let previousWallTime = previousOfFirst?.wallTime ?? null;

  return (
    <section className={`frame-log ${shownColumns.className}`} style={shownColumns.style} aria-label="frame log">
      <FindBar />
      <MessagesBanner />
      <LogMarkers index={index} gaps={{ inRing: seqsInGaps(source === 'live' ? entryRing.gaps() : []), unread: layout.unread, gaps: layout.gapRows.length, filtered: !predicate.passesAll, onNextGap: nextGap }} />
      <LogHeader />
      <SessionOlder />
      <div
        ref={scrollRef}
        className="log-scroll"
        tabIndex={0}
        role="grid"
        aria-label="log rows"
        aria-rowcount={rowCount}
        data-row-count={rowCount}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
      >
        <div ref={canvasRef} className="log-canvas" style={{ height: rowCount * ROW_HEIGHT }}>
          {items.map((item) => {
            const model = layout.at(item.index);
            if (model.kind === 'gap') return <GapRow key={`gap-${model.gap.fromSeq}`} gap={model.gap} fromSeq={model.fromSeq} matched={model.matched} filtered={!predicate.passesAll} top={item.start} generation={entryRing.generation()} />;
            const entry = entryOf(model);
            if (!entry) return null;
            const delta = previousWallTime === null ? null : entry.wallTime - previousWallTime;
            previousWallTime = entry.wallTime;
            return <LogRow key={rowKey(item.index, entry.seq, following, firstRow)} entry={entry} top={item.start} delta={delta} selected={entry.seq === selectedSeq} onSelect={select} onMenu={onRowMenu} />;
          })}
        </div>
        <EmptyLog rowCount={rowCount} hidden={index.hidden} />
      </div>
      <FirstConnectionHint />
      {!following && rowCount > 0 && (
        <button type="button" className="jump-latest" onClick={jumpToLatest}>
          ↓ Latest
        </button>
      )}
    </section>
  );
}

/** Until the first connection, a line at the foot of the log says how to get one. */
function FirstConnectionHint() {
  const source = usePanelStore((state) => state.source);
  const link = usePanelStore((state) => state.link);
  usePanelStore((state) => state.version);
  if (source !== 'live' || link !== 'open' || entryRing.size() === 0 || connectionCatalog.ids().length > 0) return null;
  return (
    <div className="log-hint" role="note">
      No socket yet: press <b>Connect</b> in the mini-app, or open one from <b>Connection controls</b> on the left. Every frame and event will
      appear here.
    </div>
  );
}

function EmptyLog({ rowCount, hidden }: { rowCount: number; hidden: number }) {
  const source = usePanelStore((state) => state.source);
  const link = usePanelStore((state) => state.link);
  if (rowCount > 0) return null;
  if (hidden > 0) return <div className="log-empty">No entry matches the filter.</div>;
  if (source !== 'live') return <div className="log-empty">The imported file holds no entries.</div>;
  if (link === 'closed') return <div className="log-empty">Not connected to the engine. Start the app again, then reload this page.</div>;
  return (
    <div className="log-empty">
      <h3>No socket traffic yet</h3>
      <p>
        Everything the mini-app does with <code>my.connectSocket</code> and its socket appears here: each call, each frame in both
        directions, each event and error.
      </p>
      <p>Use the mini-app on the left (the demo connects to the embedded echo server), or connect from the controls under the preview.</p>
    </div>
  );
}
