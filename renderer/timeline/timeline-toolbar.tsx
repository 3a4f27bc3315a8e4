// The timeline's view controls (zoom, pan, fit all, follow live) and its legend. The keyboard and the wheel
// on the canvas do the same through the zoom and pan the Timeline passes in.
import type { ViewMode } from './timeline';

/** One zoom step of the buttons and the + / - keys. */
export const ZOOM_STEP = 1.6;
/** One pan step of the buttons and the arrow keys, in pixels. */
export const PAN_STEP_PX = 120;

export interface TimelineToolbarProps {
  mode: ViewMode;
  /** Multiplies the visible span by `factor`. */
  zoom(factor: number): void;
  /** Moves the view by `dx` pixels (positive: earlier). */
  pan(dx: number): void;
  setMode(mode: ViewMode): void;
}

export function TimelineToolbar({ mode, zoom, pan, setMode }: TimelineToolbarProps) {
  return (
    <div className="msd-timeline__toolbar" role="toolbar" aria-label="Timeline view">
      <span className="msd-timeline__title">Timeline</span>
      <button type="button" className="msd-tl-button" onClick={() => zoom(1 / ZOOM_STEP)} title="Zoom in (+ or wheel)" aria-label="Zoom in">
        +
      </button>
      <button type="button" className="msd-tl-button" onClick={() => zoom(ZOOM_STEP)} title="Zoom out (- or wheel)" aria-label="Zoom out">
        −
      </button>
      <button type="button" className="msd-tl-button" onClick={() => pan(PAN_STEP_PX)} title="Earlier (← or drag)" aria-label="Pan to earlier">
        ◀
      </button>
      <button type="button" className="msd-tl-button" onClick={() => pan(-PAN_STEP_PX)} title="Later (→ or drag)" aria-label="Pan to later">
        ▶
      </button>
      <button type="button" className="msd-tl-button" aria-pressed={mode === 'fit'} onClick={() => setMode('fit')} title="Show everything, and keep showing everything as it grows (0)">
        Fit all
      </button>
      <button
        type="button"
        className="msd-tl-button"
        aria-pressed={mode === 'follow'}
        onClick={() => setMode(mode === 'follow' ? 'manual' : 'follow')}
        title="Keep the zoom and slide along with the newest entries (L)"
      >
        Follow live
      </button>
      <TimelineLegend />
    </div>
  );
}

function TimelineLegend() {
  return (
    <ul className="msd-timeline__legend" aria-label="Legend">
      <li><span className="msd-tl-key msd-tl-key--call" />call</li>
      <li><span className="msd-tl-key msd-tl-key--open" />open</li>
      <li><span className="msd-tl-key msd-tl-key--close" />close</li>
      <li><span className="msd-tl-key msd-tl-key--warning" />warning</li>
      <li><span className="msd-tl-key msd-tl-key--error" />error</li>
      <li><span className="msd-tl-key msd-tl-key--in" />in</li>
      <li><span className="msd-tl-key msd-tl-key--out" />out</li>
    </ul>
  );
}
