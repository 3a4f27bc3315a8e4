// The timeline's own horizontal scrollbar (docs/behaviour.md#panel-layout): the whole captured range at
// the current zoom is a track as wide as it would be drawn, the canvas stays put over it (sticky), and the
// scroll position is the visible window's place in that range. So a narrow pane never widens the page:
// the timeline scrolls inside its pane, and zoom decides how much there is to scroll.
import type { TimelineViewport } from './timeline-viewport';
import { FIT_PADDING_PX } from './timeline-viewport';

/** Widest track (CSS px): browsers cap element sizes, and a scrollbar thumb must stay grabbable. */
export const MAX_TRACK_PX = 1_000_000;

/** The scroll track of one drawing: what the scrollbar spans and where its thumb is. */
export interface ScrollTrack {
  /** Monotonic time at the track's left and right ends (the captured range and the window, padded). */
  fullStart: number;
  fullEnd: number;
  /** The zoom it was made for (ms per CSS px). */
  msPerPx: number;
  /** Plot pixels of the whole track (≥ the window's width, ≤ MAX_TRACK_PX). */
  contentWidth: number;
  /** Pixels of the track left of the window. */
  scrollLeft: number;
}

/**
 * The track for `viewport` over the captured `range` (null: nothing captured). At the zoom of `previous`
 * the track only grows, so scrolling along it never moves its ends under the user's thumb.
 */
export function scrollTrack(viewport: TimelineViewport, range: { first: number; last: number } | null, previous: ScrollTrack | null = null): ScrollTrack {
  const msPerPx = (viewport.end - viewport.start) / viewport.width;
  const kept = previous !== null && Math.abs(previous.msPerPx - msPerPx) <= msPerPx * 1e-9 ? previous : null;
  const fullStart = Math.min(viewport.start, range ? range.first - FIT_PADDING_PX.left * msPerPx : viewport.start, kept?.fullStart ?? Infinity);
  const fullEnd = Math.max(viewport.end, range ? range.last + FIT_PADDING_PX.right * msPerPx : viewport.end, kept?.fullEnd ?? -Infinity);
  const contentWidth = Math.max(viewport.width, Math.min(MAX_TRACK_PX, (fullEnd - fullStart) / msPerPx));
  const hiddenTime = fullEnd - fullStart - (viewport.end - viewport.start);
  const scrollLeft = hiddenTime > 0 ? ((viewport.start - fullStart) / hiddenTime) * (contentWidth - viewport.width) : 0;
  return { fullStart, fullEnd, msPerPx, contentWidth, scrollLeft };
}

/** The window the user scrolled to: same zoom, its start where `scrollLeft` puts it on `track`. */
export function viewportAtScroll(track: ScrollTrack, viewport: TimelineViewport, scrollLeft: number): TimelineViewport {
  const span = viewport.end - viewport.start;
  const scrollable = track.contentWidth - viewport.width;
  if (scrollable <= 0) return viewport;
  const ratio = Math.min(1, Math.max(0, scrollLeft / scrollable));
  const start = track.fullStart + ratio * (track.fullEnd - track.fullStart - span);
  return { start, end: start + span, width: viewport.width };
}

/** What `placeScrollTrack` remembers between drawings: the track drawn last and the scrollLeft it set. */
export interface ScrollPlacement {
  track: ScrollTrack | null;
  setLeft: number | null;
  /** The host's width when the track was placed: a resize since then clamps the bar, which is not a user's scroll. */
  hostWidth?: number;
}

/**
 * The window the user's scroll asks for, or null when `scrollLeft` is where the timeline itself put the bar (its
 * own scroll, a clamped one, or a vertical scroll). Asked by the scroll event and by each drawing before it places
 * the bar: the event comes a frame after the scroll, and a drawing in between must not put the bar back.
 */
export function userScrollWindow(placement: ScrollPlacement, viewport: TimelineViewport, host: { scrollLeft: number; clientWidth: number }): TimelineViewport | null {
  const { track, setLeft } = placement;
  const { scrollLeft } = host;
  if (!track || host.clientWidth !== placement.hostWidth) return null;
  if (setLeft !== null && Math.abs(scrollLeft - setLeft) < 1) return null;
  placement.setLeft = null;
  if (Math.abs(scrollLeft - track.scrollLeft) < 1) return null;
  return viewportAtScroll(track, viewport, scrollLeft);
}

/** Sizes `trackElement` (under the sticky canvas) to the whole range at this zoom and moves `host`'s thumb to the window. */
export function placeScrollTrack(
  host: HTMLElement,
  trackElement: HTMLElement | null,
  state: ScrollPlacement,
  viewport: TimelineViewport,
  range: { first: number; last: number } | null,
  besidePlot: number,
): void {
  const track = scrollTrack(viewport, range, state.track);
  state.track = track;
  state.hostWidth = host.clientWidth;
  if (trackElement) trackElement.style.width = `${besidePlot + track.contentWidth}px`;
  if (Math.abs(host.scrollLeft - track.scrollLeft) >= 1) {
    host.scrollLeft = track.scrollLeft;
    state.setLeft = host.scrollLeft;
  }
}
