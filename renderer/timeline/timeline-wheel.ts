// The timeline's wheel: over the plot it zooms around the pointer, sideways or with Shift it pans. It needs a
// non-passive listener to keep the page from scrolling, so React's onWheel cannot do it.
import { useEffect, type RefObject } from 'react';

/** Zoom and pan the timeline on `canvasRef`'s wheel events right of the label gutter (`gutterRef`). */
export function useTimelineWheel(canvasRef: RefObject<HTMLCanvasElement | null>, gutterRef: RefObject<number>, pan: (dx: number) => void, zoom: (factor: number, anchorX?: number) => void): void {
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const onWheel = (event: WheelEvent) => {
      const x = event.offsetX - gutterRef.current;
      if (x < 0) return;
      event.preventDefault();
      if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) pan(-(event.shiftKey ? event.deltaY : event.deltaX));
      else zoom(Math.exp(event.deltaY * 0.0015), x);
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, [canvasRef, gutterRef, pan, zoom]);
}
