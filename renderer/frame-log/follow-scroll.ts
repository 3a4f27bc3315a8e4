// Following the newest row without a forced layout: the scroller is moved to the bottom in one place, a
// ResizeObserver on the rows' canvas and on the scroller, whose callback runs after the browser's own layout
// of the frame. Writing scrollTop there finds layout clean, so it costs no synchronous layout; writing it
// right after React changed the rows (a layout effect) made the browser lay out the new rows' text inside
// the update's script (docs/architecture.md#keeping-the-panels-frames-short). The offset comes from the
// known row count and height, never from reading layout; the browser clamps it to the bottom.
import { useEffect, type RefObject } from 'react';

/**
 * Keeps `scroller` at its bottom while `following.current`; `bottom.current` is the canvas height in px.
 * `written.current` is the offset the scroller took at its last move to the bottom, for `stillFollowing`.
 */
export function useFollowScroll(scroller: RefObject<HTMLElement | null>, canvas: RefObject<HTMLElement | null>, following: RefObject<boolean>, bottom: RefObject<number>, written: RefObject<number>): void {
  useEffect(() => {
    const scrollElement = scroller.current;
    const canvasElement = canvas.current;
    if (!scrollElement || !canvasElement || typeof ResizeObserver !== 'function') return undefined;
    const observer = new ResizeObserver(() => {
      if (!following.current || bottom.current <= 0) return;
      scrollElement.scrollTop = bottom.current;
      written.current = scrollElement.scrollTop;
    });
    observer.observe(canvasElement);
    observer.observe(scrollElement);
    return () => observer.disconnect();
  }, [scroller, canvas, following, bottom, written]);
}

/**
 * Whether a scroll event leaves the log following: at the bottom, or, while following, not above where the
 * log last moved itself. The event of our own move can arrive after the next update grew the canvas by
 * more than a row; only the user scrolling up stops following. Called on every scroll event, so the common
 * case reads scrollTop only (docs/architecture.md#keeping-the-panels-frames-short).
 */
export function stillFollowing(element: HTMLElement, following: boolean, writtenTop: number, rowHeight: number): boolean {
  // Our own moves (one per flood update) are answered from scrollTop alone: no read of the sizes.
  const top = element.scrollTop;
  if (following && top >= writtenTop - 1) return true;
  return element.scrollHeight - top - element.clientHeight <= rowHeight;
}
