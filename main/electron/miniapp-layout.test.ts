import { describe, expect, it } from 'vitest';
import { createMiniappLayout, fitMiniappBounds } from './miniapp-layout';

describe('mini-app layout', () => {
  it('rounds to whole pixels and clips to the window content', () => {
    expect(fitMiniappBounds({ x: 10.4, y: 20.6, width: 375.5, height: 667 }, { width: 1440, height: 900 })).toEqual({ x: 10, y: 21, width: 376, height: 667 });
    expect(fitMiniappBounds({ x: 1300, y: 800, width: 375, height: 667 }, { width: 1440, height: 900 })).toEqual({ x: 1300, y: 800, width: 140, height: 100 });
  });

  it('hides the view when nothing of it would be visible', () => {
    expect(fitMiniappBounds({ x: 0, y: 0, width: 0, height: 667 }, { width: 1440, height: 900 })).toBeNull();
    expect(fitMiniappBounds({ x: 2000, y: 0, width: 375, height: 667 }, { width: 1440, height: 900 })).toBeNull();
  });

  it('applies reports to the fake of Electron WebContentsView / BaseWindow, and re-fits on resize', () => {
    const calls: unknown[] = [];
    let size = [1440, 900];
    const layout = createMiniappLayout({
      view: { setBounds: (bounds) => calls.push(['bounds', bounds]), setVisible: (visible) => calls.push(['visible', visible]) },
      window: { getContentSize: () => size, isDestroyed: () => false },
    });
    layout.refresh();
    expect(calls).toEqual([]);
    layout.apply({ x: 1000, y: 100, width: 375, height: 667 });
    size = [1200, 700];
    layout.refresh();
    layout.apply({ x: 0, y: 0, width: 0, height: 0 });
    expect(calls).toEqual([
      ['bounds', { x: 1000, y: 100, width: 375, height: 667 }],
      ['visible', true],
      ['bounds', { x: 1000, y: 100, width: 200, height: 600 }],
      ['visible', true],
      ['visible', false],
    ]);
  });
});
