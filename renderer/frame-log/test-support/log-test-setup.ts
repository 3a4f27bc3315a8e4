// What every jsdom test of the frame log needs: a 10-row viewport (jsdom has no layout, and the virtualizer
// renders no rows without one), unmounting after each test, and a fresh panel store with an open link.
import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach } from 'vitest';
import { usePanelStore } from '../../store/panel-store';
import { ROW_HEIGHT } from '../frame-log-rows';

/** Call at the top of a frame-log test file. */
export function frameLogTestSetup(): void {
  beforeAll(() => {
    const height = ROW_HEIGHT * 10;
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => height });
    Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 800 });
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => height });
  });
  afterEach(cleanup);
  beforeEach(() => {
    usePanelStore.getState().reset();
    usePanelStore.getState().setLink('open');
  });
}
