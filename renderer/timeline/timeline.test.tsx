// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { liveRing } from '../capture/entry-ring';
import { usePanelStore } from '../store/panel-store';
import { entry } from './test-support/timeline-entries';
import { Timeline } from './timeline';
import { DEFAULT_LAYOUT_OPTIONS, TIMELINE_GUTTER } from './timeline-layout';
import { fitViewport, timeToX } from './timeline-viewport';

// jsdom does no layout, no canvas drawing and has no PointerEvent: give elements the width a real
// timeline has, a canvas without a 2D context (as when a browser refuses one), and pointer events that
// carry coordinates.
const HOST_WIDTH = 800;
const savedWidth = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth');
const savedGetContext = Object.getOwnPropertyDescriptor(HTMLCanvasElement.prototype, 'getContext');
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => HOST_WIDTH });
  Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', { configurable: true, value: () => null });
  if (typeof window.PointerEvent !== 'function') {
    class PointerEventWithId extends MouseEvent {
      readonly pointerId: number;
      constructor(type: string, init: PointerEventInit = {}) {
        super(type, init);
        this.pointerId = init.pointerId ?? 0;
      }
    }
    Object.defineProperty(window, 'PointerEvent', { configurable: true, value: PointerEventWithId });
  }
});
afterAll(() => {
  if (savedWidth) Object.defineProperty(HTMLElement.prototype, 'clientWidth', savedWidth);
  if (savedGetContext) Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', savedGetContext);
});
beforeEach(() => usePanelStore.getState().reset());
afterEach(cleanup);

/** Until the drawing scheduled before it ran: it draws in a task after the next frame. */
const nextFrame = () => act(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));

/** Two connections: s1 opens and gets an error 6 at 1000 ms, t2 opens at 500 ms. */
async function showEntries() {
  liveRing.append([
    entry(0, 0, { kind: 'lifecycle', name: 'connecting', connectionId: 's1', direction: 'none', opcode: undefined, detail: { url: 'ws://127.0.0.1:1/a' } }),
    entry(1, 500, { kind: 'lifecycle', name: 'open', connectionId: 't2', direction: 'none', opcode: undefined, detail: { url: 'ws://127.0.0.1:1/b' } }),
    entry(2, 1000, { kind: 'error', name: 'error', connectionId: 's1', direction: 'in', opcode: undefined, errorCode: 6, cause: 'handshake timed out' }),
  ]);
  act(() => usePanelStore.getState().applied(null));
  await nextFrame();
}

describe('Timeline', () => {
  it('draws one lane per connection from the ring when the store version moves', async () => {
    render(<Timeline />);
    await nextFrame();
    const canvas = screen.getByRole('img');
    expect(canvas.getAttribute('aria-label')).toMatch(/^Timeline of 0 connection lanes/);
    await showEntries();
    expect(canvas.getAttribute('aria-label')).toMatch(/^Timeline of 2 connection lanes/);
    expect(canvas.style.height).toBe(`${DEFAULT_LAYOUT_OPTIONS.axisHeight + 2 * DEFAULT_LAYOUT_OPTIONS.laneHeight}px`);
  });

  it('selects the log entry of a clicked marker, and shows its tooltip on hover', async () => {
    render(<Timeline />);
    await showEntries();
    const canvas = screen.getByRole('img');
    const plotWidth = HOST_WIDTH - TIMELINE_GUTTER - 12;
    const x = TIMELINE_GUTTER + timeToX(fitViewport({ first: 0, last: 1000 }, plotWidth), 1000);
    const y = DEFAULT_LAYOUT_OPTIONS.axisHeight + 15;
    fireEvent.pointerMove(canvas, { clientX: x, clientY: y });
    expect((await screen.findByRole('tooltip', {}, { timeout: 10_000 })).textContent).toContain('Error 6: Connection timed out.');
    fireEvent.pointerDown(canvas, { clientX: x, clientY: y, button: 0, pointerId: 1 });
    fireEvent.pointerUp(canvas, { clientX: x, clientY: y, button: 0, pointerId: 1 });
    expect(usePanelStore.getState().selectedSeq).toBe(2);
  });

  it('switches between fit all, follow live and manual with buttons and keys', async () => {
    render(<Timeline />);
    await showEntries();
    const fit = screen.getByRole('button', { name: 'Fit all' });
    const follow = screen.getByRole('button', { name: 'Follow live' });
    expect([fit.getAttribute('aria-pressed'), follow.getAttribute('aria-pressed')]).toEqual(['true', 'false']);
    fireEvent.click(follow);
    expect([fit.getAttribute('aria-pressed'), follow.getAttribute('aria-pressed')]).toEqual(['false', 'true']);
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(follow.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Pan to earlier' }));
    expect([fit.getAttribute('aria-pressed'), follow.getAttribute('aria-pressed')]).toEqual(['false', 'false']);
    fireEvent.keyDown(screen.getByRole('img'), { key: 'f' });
    expect(fit.getAttribute('aria-pressed')).toBe('true');
    fireEvent.keyDown(screen.getByRole('img'), { key: 'l' });
    expect(follow.getAttribute('aria-pressed')).toBe('true');
  });

  it('pans on drag without selecting anything', async () => {
    render(<Timeline />);
    await showEntries();
    const canvas = screen.getByRole('img');
    const y = DEFAULT_LAYOUT_OPTIONS.axisHeight + 15;
    fireEvent.pointerDown(canvas, { clientX: 500, clientY: y, button: 0, pointerId: 1 });
    fireEvent.pointerMove(canvas, { clientX: 560, clientY: y, pointerId: 1 });
    fireEvent.pointerMove(canvas, { clientX: 640, clientY: y, pointerId: 1 });
    fireEvent.pointerUp(canvas, { clientX: 640, clientY: y, button: 0, pointerId: 1 });
    expect(usePanelStore.getState().selectedSeq).toBeNull();
    expect(screen.getByRole('button', { name: 'Fit all' }).getAttribute('aria-pressed')).toBe('false');
    expect(screen.queryByRole('tooltip')).toBeNull();
  });
});
