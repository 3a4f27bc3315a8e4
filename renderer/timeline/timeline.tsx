// The error-code timeline: one lane per connection on a shared monotonic time axis, drawn on a canvas from
// a transient store subscription drawing after the next frame (no React render per frame). Zoom with the
// wheel or buttons, pan by dragging, with buttons or with the timeline's own horizontal scrollbar
// (timeline-scroll.ts), "Fit all" and "Follow live"; hovering shows what is
// under the pointer (a lane's marker, or a "Whole run" bucket, which [ and ] also step through from the
// keyboard), clicking selects its log entry. A frame only takes in the entries that arrived (the
// index is incremental), reads no style or layout (theme and width are cached until the colour scheme or
// the size changes), and skips drawing when nothing it shows changed.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import { afterNextFrame } from '../capture/after-frame';
import { entryRing } from '../capture/entry-ring';
import { showMessages } from '../store/messages-view';
import { usePanelStore } from '../store/panel-store';
import './timeline-theme.css';
import './timeline.css';
import type { TimelineTheme } from './draw-timeline';
import { drawTimeline } from './draw-timeline';
import { syncTimelineIndex } from './shared-timeline-index';
import type { TimelineHit } from './timeline-hit-test';
import { hitTestTimeline, laneAt, laneLabelText } from './timeline-hit-test';
import type { TimelineLayout } from './timeline-layout';
import { DEFAULT_LAYOUT_OPTIONS, gutterFor, layoutTimeline } from './timeline-layout';
import type { ScrollPlacement } from './timeline-scroll';
import { placeScrollTrack, userScrollWindow } from './timeline-scroll';
import { onThemeChange, readTheme } from './timeline-theme';
import { TimelineToolbar } from './timeline-toolbar';
import { TimelineTooltip } from './timeline-tooltip';
import { useTimelineWheel } from './timeline-wheel';
import { drawRunSummary, SUMMARY_BAND_HEIGHT } from './draw-run-summary';
import { hitTestBand, stepSummaryBucket, type BandPlace, type SummaryBucketHit } from './run-summary-hit';
import { RunSummaryTooltip } from './run-summary-tooltip';
import { summaryRange, useRunSummaryPolling, useRunSummaryStore } from './run-summary-store';
import { RunSummaryText } from './run-summary-text';
import { sameDrawing, sameHit, wholeRunRange, type DrawnState } from './timeline-drawn';
import type { TimelineViewport } from './timeline-viewport';
import { PAN_STEP_PX, ZOOM_STEP } from './timeline-toolbar';
import { fitViewport, followViewport, panViewport, resizeViewport, timeToX, zoomViewport } from './timeline-viewport';

const RIGHT_PADDING = 12;
const CLICK_SLOP_PX = 4;

/** 'fit' re-fits everything as it grows, 'follow' slides a fixed span with the newest entry, 'manual' stays put. */
export type ViewMode = 'fit' | 'follow' | 'manual';

/** A lane's marker or density bucket, or a bucket of the "Whole run" band (`keyboard`: chosen with [ or ]). */
type Hover = ({ hit: TimelineHit } | { band: SummaryBucketHit; keyboard: boolean }) & { clientX: number; clientY: number };

/** The timeline panel (see the module comment). */
export function Timeline() {
  const hostRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const trackRef = useRef<HTMLDivElement>(null);
  /** The scroll track drawn last, and the scrollLeft this component set (its own scroll event is not the user's). */
  const scrollRef = useRef<ScrollPlacement>({ track: null, setLeft: null });
  const viewportRef = useRef<TimelineViewport | null>(null);
  const modeRef = useRef<ViewMode>('fit');
  const layoutRef = useRef<TimelineLayout | null>(null);
  /** Cancels the scheduled drawing (null: none scheduled). */
  const frameRef = useRef<(() => void) | null>(null);
  /** The host's width and theme, re-read only after a resize or a colour-scheme change (null = re-read). */
  const widthRef = useRef<number | null>(null);
  const gutterRef = useRef(gutterFor(Number.POSITIVE_INFINITY)); // the last drawing's label gutter
  const bandRef = useRef<BandPlace | null>(null); // where the last drawing put the "Whole run" band
  const themeRef = useRef<TimelineTheme | null>(null);
  /** What the last drawing showed; an identical frame is not drawn again. */
  const drawnRef = useRef<DrawnState | null>(null);
  const dragRef = useRef<{ startX: number; lastX: number; moved: boolean } | null>(null);
  const [mode, setModeState] = useState<ViewMode>('fit');
  const [hover, setHover] = useState<Hover | null>(null);
  const [laneCount, setLaneCount] = useState(0);
  const select = usePanelStore((state) => state.select);
  useRunSummaryPolling();

  const render = useCallback(() => {
    frameRef.current = null;
    const host = hostRef.current;
    const canvas = canvasRef.current;
    if (!host || !canvas) return;
    const index = syncTimelineIndex();
    const { summary } = useRunSummaryStore.getState();
    const range = wholeRunRange(index.range(), summaryRange(summary));
    widthRef.current ??= host.clientWidth;
    themeRef.current ??= readTheme(host);
    const width = widthRef.current;
    const theme = themeRef.current;
    const gutter = (gutterRef.current = gutterFor(width));
    const plotWidth = Math.max(50, width - gutter - RIGHT_PADDING);
    // A scroll whose event has not come yet (it comes a frame later) is the user's choice of window.
    const scrolledTo = viewportRef.current ? userScrollWindow(scrollRef.current, viewportRef.current, host) : null;
    if (scrolledTo) {
      viewportRef.current = scrolledTo;
      modeRef.current = 'manual';
      setModeState('manual');
    }
    let viewport = viewportRef.current ? resizeViewport(viewportRef.current, plotWidth) : fitViewport(range, plotWidth);
    if (modeRef.current === 'fit') viewport = fitViewport(range, plotWidth);
    else if (modeRef.current === 'follow' && range) viewport = followViewport(viewport, range.last);
    viewportRef.current = viewport;

    const { engineState, selectedSeq } = usePanelStore.getState();
    const drawn: DrawnState = { version: index.version, start: viewport.start, end: viewport.end, width, selectedSeq, engineState, theme, summary };
    if (drawnRef.current && sameDrawing(drawnRef.current, drawn)) return;
    drawnRef.current = drawn;

    const layout = layoutTimeline(index, viewport, DEFAULT_LAYOUT_OPTIONS);
    const connections = engineState?.connections ?? [];
    for (const lane of layout.lanes) {
      if (lane.url === '') lane.url = connections.find((c) => c.connectionId === lane.connectionId)?.url ?? '';
    }
    layoutRef.current = layout;
    setLaneCount(layout.lanes.length);
    placeScrollTrack(host, trackRef.current, scrollRef.current, viewport, range, gutter + RIGHT_PADDING);

    const lanesHeight = Math.max(layout.height, DEFAULT_LAYOUT_OPTIONS.axisHeight + DEFAULT_LAYOUT_OPTIONS.laneHeight);
    const height = lanesHeight + (summary ? SUMMARY_BAND_HEIGHT : 0);
    bandRef.current = summary ? { top: lanesHeight, bottom: height, gutter } : null;
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      // New lanes arrive at the bottom: keep them in view when the user was looking at the bottom already.
      const atBottom = host.scrollTop + host.clientHeight >= host.scrollHeight - 2;
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
      if (atBottom) host.scrollTop = host.scrollHeight;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const selectedEntry = selectedSeq === null ? undefined : entryRing.bySeq(selectedSeq);
    drawTimeline(ctx, { ...layout, height: lanesHeight }, theme, {
      gutter,
      width,
      selectedSeq,
      selectedX: selectedEntry ? timeToX(viewport, selectedEntry.monoTime) : null,
      emptyText: 'No connections yet: calls, opens, errors, warnings and closes appear here on one time axis.',
    });
    if (summary) drawRunSummary(ctx, summary, viewport, theme, { top: lanesHeight, gutter, width });
  }, []);

  const schedule = useCallback(() => {
    if (frameRef.current !== null) return;
    // After the frame: the log's new rows are laid out by then, so reading the track's scroll offset forces no layout.
    frameRef.current = afterNextFrame(render);
  }, [render]);

  const setMode = useCallback(
    (next: ViewMode) => {
      modeRef.current = next;
      setModeState(next);
      schedule();
    },
    [schedule],
  );

  useEffect(() => {
    const unsubscribe = usePanelStore.subscribe((state, previous) => {
      if (state.version !== previous.version || state.selectedSeq !== previous.selectedSeq || state.engineState !== previous.engineState) schedule();
    });
    const host = hostRef.current;
    const onResize = () => {
      widthRef.current = null;
      schedule();
    };
    const onScheme = () => {
      themeRef.current = null;
      schedule();
    };
    const resize = typeof ResizeObserver === 'function' && host ? new ResizeObserver(onResize) : null;
    if (host) resize?.observe(host);
    const stopThemeChanges = onThemeChange(onScheme);
    const stopSummary = useRunSummaryStore.subscribe(schedule);
    schedule();
    return () => {
      unsubscribe();
      resize?.disconnect();
      stopThemeChanges();
      stopSummary();
      frameRef.current?.();
      frameRef.current = null;
    };
  }, [schedule]);

  const zoom = useCallback(
    (factor: number, anchorX?: number) => {
      const viewport = viewportRef.current;
      if (!viewport) return;
      const following = modeRef.current === 'follow';
      viewportRef.current = zoomViewport(viewport, factor, following ? viewport.width : anchorX);
      setHover(null);
      setMode(following ? 'follow' : 'manual');
    },
    [setMode],
  );

  const pan = useCallback(
    (dx: number) => {
      const viewport = viewportRef.current;
      if (!viewport) return;
      viewportRef.current = panViewport(viewport, dx);
      setHover(null);
      setMode('manual');
    },
    [setMode],
  );

  /** The user moved the timeline's scrollbar: show the window there, at the same zoom. */
  const onScroll = () => {
    const host = hostRef.current;
    const viewport = viewportRef.current;
    const scrolledTo = host && viewport ? userScrollWindow(scrollRef.current, viewport, host) : null;
    if (!scrolledTo) return;
    viewportRef.current = scrolledTo;
    setHover(null);
    setMode('manual');
  };

  useTimelineWheel(canvasRef, gutterRef, pan, zoom);

  const hitAt = (event: PointerEvent<HTMLCanvasElement>) => {
    const layout = layoutRef.current;
    const rect = event.currentTarget.getBoundingClientRect();
    const x = event.clientX - rect.left;
    const y = event.clientY - rect.top;
    const gutter = gutterRef.current;
    return { hit: layout && x >= gutter ? hitTestTimeline(layout, x - gutter, y) : null };
  };

  /** The lane whose label (in the gutter) is under the pointer. */
  const labelUnder = (event: PointerEvent<HTMLCanvasElement>) => {
    const layout = layoutRef.current;
    const rect = event.currentTarget.getBoundingClientRect();
    return layout && event.clientX - rect.left < gutterRef.current ? laneAt(layout, event.clientY - rect.top) : undefined;
  };

  /** Lane labels are cut to the gutter: hovering one shows it whole as the canvas's tooltip. */
  const laneLabelTitle = (event: PointerEvent<HTMLCanvasElement>) => {
    const lane = labelUnder(event);
    const title = lane ? laneLabelText(lane) : '';
    if (event.currentTarget.title !== title) event.currentTarget.title = title;
  };

  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture?.(event.pointerId);
    dragRef.current = { startX: event.clientX, lastX: event.clientX, moved: false };
  };

  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    const drag = dragRef.current;
    if (drag) {
      if (Math.abs(event.clientX - drag.startX) > CLICK_SLOP_PX) drag.moved = true;
      if (drag.moved) {
        pan(event.clientX - drag.lastX);
        drag.lastX = event.clientX;
        setHover(null);
        return;
      }
    }
    laneLabelTitle(event);
    const { hit } = hitAt(event);
    const { clientX, clientY } = event;
    const rect = event.currentTarget.getBoundingClientRect();
    const band = hitTestBand(useRunSummaryStore.getState().summary, viewportRef.current, bandRef.current, clientX - rect.left, clientY - rect.top);
    setHover((current) => {
      if (band) return current && 'band' in current && current.band.bucket === band.bucket ? current : { band, keyboard: false, clientX, clientY };
      if (!hit || hit.kind === 'lane') return null;
      if (current && 'hit' in current && sameHit(current.hit, hit)) return current;
      return { hit, clientX, clientY };
    });
  };

  const onPointerUp = (event: PointerEvent<HTMLCanvasElement>) => {
    const drag = dragRef.current;
    dragRef.current = null;
    if (!drag || drag.moved) return;
    // A click on a connection's label opens its Messages view.
    const lane = labelUnder(event);
    if (lane?.kind === 'connection') {
      showMessages(lane.connectionId);
      return;
    }
    const { hit } = hitAt(event);
    if (hit?.kind === 'marker') select(hit.marker.seq);
    else if (hit?.kind === 'bucket') select(hit.bucket.firstSeq);
  };

  /** [ / ]: the previous / next bucket of the "Whole run" band, its card shown at it (panned into view) and announced. */
  const stepBand = (step: 1 | -1) => {
    const { summary } = useRunSummaryStore.getState();
    const band = bandRef.current;
    const next = summary && band ? stepSummaryBucket(summary, hover && 'band' in hover ? hover.band.start : null, step) : null;
    if (!next || !band || !viewportRef.current || !canvasRef.current) return;
    const middle = (next.start + next.end) / 2;
    const x = timeToX(viewportRef.current, middle);
    if (x < 0 || x > viewportRef.current.width) pan(viewportRef.current.width / 2 - x);
    const rect = canvasRef.current.getBoundingClientRect();
    setHover({ band: next, keyboard: true, clientX: rect.left + band.gutter + timeToX(viewportRef.current, middle), clientY: rect.top + band.top + SUMMARY_BAND_HEIGHT / 2 });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLCanvasElement>) => {
    const actions: Record<string, () => void> = {
      '+': () => zoom(1 / ZOOM_STEP),
      '=': () => zoom(1 / ZOOM_STEP),
      '-': () => zoom(ZOOM_STEP),
      ArrowLeft: () => pan(PAN_STEP_PX),
      ArrowRight: () => pan(-PAN_STEP_PX),
      '0': () => setMode('fit'),
      f: () => setMode('fit'),
      l: () => setMode(modeRef.current === 'follow' ? 'manual' : 'follow'),
      '[': () => stepBand(-1),
      ']': () => stepBand(1),
      ...(hover ? { Escape: () => setHover(null) } : {}), // else Escape is the window's (clears the selection)
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  return (
    <section className="msd-timeline" aria-label="Error-code timeline">
      <TimelineToolbar mode={mode} zoom={zoom} pan={pan} setMode={setMode} />
      <div className="msd-timeline__scroll" ref={hostRef} onScroll={onScroll} data-testid="timeline-scroll">
        <div className="msd-timeline__track" ref={trackRef}>
          <canvas
            ref={canvasRef}
            className="msd-timeline__canvas"
            tabIndex={0}
            role="img"
            aria-label={`Timeline of ${laneCount} connection lane${laneCount === 1 ? '' : 's'}. The Problems list has the same errors and warnings as text; [ and ] step through the whole run's time buckets.`}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerLeave={() => setHover(null)}
            onBlur={() => setHover(null)}
            onKeyDown={onKeyDown}
          />
        </div>
        <RunSummaryText chosen={hover && 'band' in hover && hover.keyboard ? hover.band : null} />
        {hover && 'band' in hover && <RunSummaryTooltip hit={hover.band} clientX={hover.clientX} clientY={hover.clientY} />}
        {hover && 'hit' in hover && hover.hit.kind !== 'lane' && <TimelineTooltip hit={hover.hit} clientX={hover.clientX} clientY={hover.clientY} />}
      </div>
    </section>
  );
}
