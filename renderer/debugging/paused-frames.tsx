// Held frames (docs/debugging.md#frame-breakpoints): a bar above the log that names each one and opens it in
// the inspector, and the inspector's editor for the held frames of one connection.
import type { PausedFrameInfo } from '../../shared/debugging/debug-wire';
import { usePanelStore } from '../store/panel-store';
import { sendDebug } from './debug-commands';
import { PausedFrameEditor } from './paused-frame-editor';
import './debugging.css';

const NONE: PausedFrameInfo[] = [];

function usePaused(): PausedFrameInfo[] {
  return usePanelStore((state) => state.engineState?.debugging?.paused) ?? NONE;
}

/** Above the log: one line per held frame; clicking it selects its entry, so the inspector shows the editor. */
export function PausedFramesBar() {
  const paused = usePaused();
  const select = usePanelStore((state) => state.select);
  if (paused.length === 0) return null;
  return (
    <div className="paused-bar" role="status" aria-label="paused frames">
      {paused.map((frame) => (
        <button type="button" key={frame.pauseId} onClick={() => select(frame.seq)}>
          Paused {frame.direction === 'in' ? '↓' : '↑'} {frame.connectionId} held by {frame.ruleId}
          {frame.waiting > 0 ? ` (+${frame.waiting} waiting)` : ''} — edit in the inspector
        </button>
      ))}
    </div>
  );
}

/** The editors of the frames held on one connection. */
export function PausedFrames({ connectionId }: { connectionId: string }) {
  const transport = usePanelStore((state) => state.transport);
  const paused = usePaused().filter((frame) => frame.connectionId === connectionId);
  if (paused.length === 0) return null;
  return (
    <div className="paused-frames" role="region" aria-label="paused frames of this connection">
      {paused.map((frame) => (
        <PausedFrameEditor key={frame.pauseId} paused={frame} onResume={(action, edited) => sendDebug(transport, { op: 'resume', pauseId: frame.pauseId, action, ...(edited ? { frame: edited } : {}) })} />
      ))}
    </div>
  );
}
