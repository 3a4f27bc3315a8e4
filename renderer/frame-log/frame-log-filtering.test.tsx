// @vitest-environment jsdom
// A filter over a big log is built across tasks (filter.ts deadline): the log says so meanwhile and ends
// with the same rows as in one go.
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { liveRing } from '../capture/entry-ring';
import { makeEntries } from '../capture/test-support/make-entry';
import { usePanelStore } from '../store/panel-store';
import { FrameLog } from './frame-log';

beforeEach(() => {
  usePanelStore.getState().reset();
  usePanelStore.getState().setLink('open');
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('FrameLog filtering a big log', () => {
  it('shows "Filtering…" while the index is built across tasks, then every matching row', async () => {
    liveRing.append(makeEntries(0, 20_000).map((entry) => ({ ...entry, payload: entry.seq % 4 === 0 ? 'tick nvda' : 'tick aapl' })));
    usePanelStore.getState().applied(null);
    render(<FrameLog />);
    // A clock that jumps past every deadline: each task tests one slice of entries.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 1_000));
    act(() => usePanelStore.getState().setFilters({ text: 'NVDA' }));
    expect(screen.getByTestId('filtering').textContent).toMatch(/^Filtering… \d+%$/);
    const firstRows = Number(screen.getByRole('grid', { name: 'log rows' }).dataset.rowCount);
    expect(firstRows).toBeLessThan(5_000);
    await waitFor(() => expect(screen.queryByTestId('filtering')).toBeNull(), { timeout: 5000 }); // 78 tasks: slow on a loaded machine
    expect(screen.getByRole('grid', { name: 'log rows' }).dataset.rowCount).toBe('5000');
    expect(screen.getByText(/15,000 hidden by filter/)).toBeTruthy();
  });
});
