// Where the timeline's hover cards go: into <body> at fixed viewport coordinates, so the scrolling timeline
// never clips them; below the pointer, or above it in the lower half of the window.
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';

const CARD_WIDTH = 400;
const GAP = 14;

/** A tooltip card next to (clientX, clientY), a position in the window. */
export function FloatingCard({ clientX, clientY, children }: { clientX: number; clientY: number; children: ReactNode }) {
  const left = Math.max(4, Math.min(clientX + GAP, window.innerWidth - CARD_WIDTH - 8));
  const below = clientY < window.innerHeight / 2;
  const place = below ? { top: clientY + GAP } : { bottom: window.innerHeight - clientY + GAP };
  return createPortal(
    <div className="msd-timeline__tooltip" role="tooltip" style={{ left, width: CARD_WIDTH, ...place }}>
      {children}
    </div>,
    document.body,
  );
}
