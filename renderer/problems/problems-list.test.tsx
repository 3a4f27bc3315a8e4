// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { liveRing } from '../capture/entry-ring';
import { usePanelStore } from '../store/panel-store';
import { entry } from '../timeline/test-support/timeline-entries';
import { ProblemsList } from './problems-list';

// jsdom does no layout: give the list the size a real pane has, so the virtualizer renders rows.
const saved = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 300 }));
afterAll(() => {
  if (saved) Object.defineProperty(HTMLElement.prototype, 'clientHeight', saved);
});
beforeEach(() => usePanelStore.getState().reset());
afterEach(cleanup);

describe('ProblemsList', () => {
  it('shows the problems of the ring as they arrive, selects through the store, and starts over on reset', () => {
    render(<ProblemsList />);
    expect(screen.getByText('No problems so far.')).toBeTruthy();
    liveRing.append([
      entry(0, 10, { kind: 'call', name: 'connectSocket', direction: 'none', opcode: undefined }),
      entry(1, 20, { kind: 'warning', name: 'url-fragment', direction: 'none', opcode: undefined, detail: { warning: 'url-fragment' } }),
      entry(2, 30, { kind: 'error', name: 'error', direction: 'in', opcode: undefined, errorCode: 8 }),
    ]);
    act(() => usePanelStore.getState().applied(null));
    const rows = screen.getAllByRole('option');
    expect(rows.map((row) => row.id)).toEqual(['msd-problem-1', 'msd-problem-2']);
    fireEvent.click(rows[1]!);
    expect(usePanelStore.getState().selectedSeq).toBe(2);
    act(() => usePanelStore.getState().reset());
    expect(screen.queryAllByRole('option')).toEqual([]);
  });
});
