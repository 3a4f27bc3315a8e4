// Following the newest row without a forced layout: the scroller is moved to the bottom in one place, a
// ResizeObserver on the rows' canvas and on the scroller, whose callback runs after the browser's own layout
// of the frame. Writing scrollTop there finds layout clean, so it costs no synchronous layout; writing it
// right after React changed the rows (a layout effect) made the browser lay out the new rows' text inside
// the update's script (docs/architecture.md#keeping-the-panels-frames-short). The offset comes from the
// known row count and height, never from reading layout; the browser clamps it to the bottom.
import { useEffect, type RefObject } from 'react';

/** Keeps `scroller` at its bottom while `following.current`; `bottom.current` is the canvas height in px. */
export function useFollowScroll(scroller: RefObject<HTMLElement | null>, canvas: RefObject<HTMLElement | null>, following: RefObject<boolean>, bottom: RefObject<number>): void {
  useEffect(() => {
    const scrollElement = scroller.current;
    const canvasElement = canvas.current;
    if (!scrollElement || !canvasElement || typeof ResizeObserver !== 'function') return undefined;
    const observer = new ResizeObserver(() => {
      if (following.current && bottom.current > 0) scrollElement.scrollTop = bottom.current;
    });
    observer.observe(canvasElement);
    observer.observe(scrollElement);
    return () => observer.disconnect();
  }, [scroller, canvas, following, bottom]);
}
