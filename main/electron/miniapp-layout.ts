// The mini-app view is composited above the panel, at the rectangle the panel reports (its phone frame).
// Main turns that report into whole-pixel bounds clipped to the window's content area.
import type { MiniappBounds } from '../../shared/electron-ipc';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Bounds for WebContentsView.setBounds, or null when the view should be hidden (nothing visible). */
export function fitMiniappBounds(reported: MiniappBounds, content: { width: number; height: number }): Rectangle | null {
  const x = Math.min(Math.round(reported.x), content.width);
  const y = Math.min(Math.round(reported.y), content.height);
  const width = Math.min(Math.round(reported.width), content.width - x);
  const height = Math.min(Math.round(reported.height), content.height - y);
  if (width <= 0 || height <= 0) return null;
  return { x, y, width, height };
}

/** The parts of Electron's WebContentsView and BaseWindow the layout touches. */
export interface LayoutTargets {
  view: { setBounds(bounds: Rectangle): void; setVisible(visible: boolean): void };
  window: { getContentSize(): number[]; isDestroyed(): boolean };
}

/** Applies the latest report; also re-applied on window resize with the last report. */
export function createMiniappLayout(targets: LayoutTargets): { apply(bounds: MiniappBounds): void; refresh(): void } {
  let last: MiniappBounds | null = null;
  function refresh(): void {
    if (last === null || targets.window.isDestroyed()) return;
    const [width = 0, height = 0] = targets.window.getContentSize();
    const fitted = fitMiniappBounds(last, { width, height });
    if (fitted === null) return targets.view.setVisible(false);
    targets.view.setBounds(fitted);
    targets.view.setVisible(true);
  }
  return {
    apply(bounds) {
      last = bounds;
      refresh();
    },
    refresh,
  };
}
