// The timeline's scroll track (docs/behaviour.md#panel-layout): fit-all leaves nothing to scroll, a zoomed
// window scrolls over the whole range at its scale, scrolling maps back to the same window, and the track
// is capped however far the user zoomed in.
import { describe, expect, it } from 'vitest';
import { gutterFor, NARROW_TIMELINE_GUTTER, TIMELINE_GUTTER } from './timeline-layout';
import type { ScrollPlacement } from './timeline-scroll';
import { MAX_TRACK_PX, placeScrollTrack, scrollTrack, userScrollWindow, viewportAtScroll } from './timeline-scroll';
import { FIT_PADDING_PX, fitViewport, zoomViewport } from './timeline-viewport';

const range = { first: 1000, last: 11_000 };

describe('timeline scroll track', () => {
  it('fit all shows the whole range: the track is the window, nothing to scroll', () => {
    const track = scrollTrack(fitViewport(range, 400), range);
    expect(track.contentWidth).toBeCloseTo(400, 6);
    expect(track.scrollLeft).toBe(0);
  });

  it('zoomed in 4×, the track is the range four times as wide and the thumb sits where the window is', () => {
    const fitted = fitViewport(range, 400);
    const zoomed = zoomViewport(fitted, 1 / 4, 200); // centred
    const track = scrollTrack(zoomed, range);
    // The range filled 400 px less the fit padding; at 4× it is four times that, plus the padding.
    const padding = FIT_PADDING_PX.left + FIT_PADDING_PX.right;
    expect(track.contentWidth).toBeCloseTo(4 * (400 - padding) + padding, 3);
    expect(track.scrollLeft / (track.contentWidth - 400)).toBeGreaterThan(0.3);
    expect(track.scrollLeft / (track.contentWidth - 400)).toBeLessThan(0.7);
  });

  it('scrolling to a position gives the window whose track puts the thumb there, at the same zoom; the ends stay put', () => {
    const zoomed = zoomViewport(fitViewport(range, 400), 1 / 8, 0);
    const track = scrollTrack(zoomed, range);
    const atEnd = viewportAtScroll(track, zoomed, track.contentWidth - 400);
    expect(atEnd.end - atEnd.start).toBeCloseTo(zoomed.end - zoomed.start, 6);
    expect(atEnd.end).toBeCloseTo(track.fullEnd, 6);
    const middle = viewportAtScroll(track, zoomed, 700);
    expect(scrollTrack(middle, range, track).scrollLeft).toBeCloseTo(700, 3);
    expect(viewportAtScroll(track, zoomed, -50).start).toBeCloseTo(track.fullStart, 6);
  });

  it('a window panned past the capture still lies on the track', () => {
    const zoomed = zoomViewport(fitViewport(range, 400), 1 / 4, 200);
    const span = zoomed.end - zoomed.start;
    const beyond = { start: range.last + 5000, end: range.last + 5000 + span, width: 400 };
    const track = scrollTrack(beyond, range);
    expect(track.fullEnd).toBe(beyond.end);
    expect(track.scrollLeft).toBeCloseTo(track.contentWidth - 400, 3);
  });

  it('caps the track when zoomed to the narrowest window over a long capture', () => {
    const long = { first: 0, last: 3_600_000 };
    const viewport = { start: 1_800_000, end: 1_800_000.1, width: 400 };
    const track = scrollTrack(viewport, long);
    expect(track.contentWidth).toBe(MAX_TRACK_PX);
    const back = viewportAtScroll(track, viewport, track.scrollLeft);
    expect(back.start).toBeCloseTo(viewport.start, 0);
  });

  it('nothing captured: nothing to scroll', () => {
    expect(scrollTrack({ start: 0, end: 1000, width: 300 }, null)).toMatchObject({ fullStart: 0, fullEnd: 1000, contentWidth: 300, scrollLeft: 0 });
  });
});

describe('a user scroll and the drawings around it', () => {
  /** A scroll host as placeScrollTrack sees it: the browser clamps scrollLeft to the track (no layout here). */
  function fakeHost(clientWidth: number) {
    let left = 0;
    let scrollWidth = clientWidth;
    return {
      clientWidth,
      get scrollLeft() { return left; },
      set scrollLeft(value: number) { left = Math.max(0, Math.min(value, scrollWidth - clientWidth)); },
      growTo(width: number) { scrollWidth = width; },
    };
  }

  function placed(host: ReturnType<typeof fakeHost>, viewport: ReturnType<typeof fitViewport>): ScrollPlacement {
    const placement: ScrollPlacement = { track: null, setLeft: null };
    host.growTo(scrollTrack(viewport, range).contentWidth);
    placeScrollTrack(host as unknown as HTMLElement, null, placement, viewport, range, 0);
    return placement;
  }

  it('a drawing that runs before the scroll event takes the scroll, so the bar stays where the user put it', () => {
    const zoomed = zoomViewport(fitViewport(range, 400), 1 / 8, 0);
    const host = fakeHost(400);
    const placement = placed(host, zoomed);
    expect(host.scrollLeft).toBe(0);
    host.scrollLeft = 10_000; // scrolled to the end; its event comes a frame later
    const end = host.scrollLeft;
    // The drawing already queued runs first: it asks for the user's window before placing the bar.
    const scrolledTo = userScrollWindow(placement, zoomed, host);
    expect(scrolledTo?.end).toBeCloseTo(placement.track!.fullEnd, 6);
    placeScrollTrack(host as unknown as HTMLElement, null, placement, scrolledTo!, range, 0);
    expect(host.scrollLeft).toBe(end);
    // The late scroll event finds the bar where the drawing left it: nothing more to do.
    expect(userScrollWindow(placement, scrolledTo!, host)).toBeNull();
  });

  it('the bar the timeline moved itself, or a host resized since the track was placed, is not a user scroll', () => {
    const zoomed = zoomViewport(fitViewport(range, 400), 1 / 8, 0);
    const host = fakeHost(400);
    const placement = placed(host, zoomed);
    const later = viewportAtScroll(placement.track!, zoomed, 900);
    placeScrollTrack(host as unknown as HTMLElement, null, placement, later, range, 0);
    expect(placement.setLeft).toBeCloseTo(900, 3);
    expect(userScrollWindow(placement, later, host)).toBeNull();
    expect(userScrollWindow(placement, later, { scrollLeft: 100, clientWidth: 500 })).toBeNull();
    expect(userScrollWindow(placement, later, { scrollLeft: 100, clientWidth: 400 })?.start).toBeLessThan(later.start);
  });
});

describe('the label gutter', () => {
  it('narrows in a pane under 420 px (a 1280 px window), so the plot keeps most of the width', () => {
    expect(gutterFor(360)).toBe(NARROW_TIMELINE_GUTTER);
    expect(gutterFor(419)).toBe(NARROW_TIMELINE_GUTTER);
    expect(gutterFor(420)).toBe(TIMELINE_GUTTER);
    expect(gutterFor(800)).toBe(TIMELINE_GUTTER);
  });
});
