// @vitest-environment jsdom
// A filter over a big log is built across tasks (filter.ts deadline): the log says so meanwhile and ends
// with the same rows as in one go. The tasks are run one by one on a fake setTimeout, so the test counts
// tasks, not seconds, and a loaded machine only makes it slower.
import { act, cleanup, render, screen } from '@testing-library/react';
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
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('FrameLog filtering a big log', () => {
  it('shows "Filtering…" while the index is built across tasks, then every matching row', () => {
    liveRing.append(makeEntries(0, 20_000).map((entry) => ({ ...entry, payload: entry.seq % 4 === 0 ? 'tick nvda' : 'tick aapl' })));
    usePanelStore.getState().applied(null);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(<FrameLog />);
    // A clock that jumps past every deadline: each task tests one slice of entries.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 1_000));
    act(() => usePanelStore.getState().setFilters({ text: 'NVDA' }));
    expect(screen.getByTestId('filtering').textContent).toMatch(/^Filtering… \d+%$/);
    const rowsSeen = [Number(screen.getByRole('grid', { name: 'log rows' }).dataset.rowCount)];
    expect(rowsSeen[0]).toBeLessThan(5_000);
    // The log schedules its next slice itself: run its tasks until the marker goes (a bounded number of them).
    let tasks = 0;
    while (screen.queryByTestId('filtering') !== null && tasks < 1_000) {
      act(() => vi.advanceTimersToNextTimer());
      tasks += 1;
      rowsSeen.push(Number(screen.getByRole('grid', { name: 'log rows' }).dataset.rowCount));
    }
    expect(screen.queryByTestId('filtering')).toBeNull();
    expect(tasks).toBeGreaterThan(1);
    // Rows only grow as slices are tested, and end with every match.
    expect(rowsSeen).toEqual([...rowsSeen].sort((a, b) => a - b));
    expect(screen.getByRole('grid', { name: 'log rows' }).dataset.rowCount).toBe('5000');
    expect(screen.getByText(/15,000 hidden by filter/)).toBeTruthy();
  });

  it('tests one slice of a store update\'s new entries in the update itself and the rest in the log\'s own tasks', () => {
    liveRing.append(makeEntries(0, 100).map((entry) => ({ ...entry, payload: 'tick nvda' })));
    usePanelStore.getState().applied(null);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    // A clock that stands still: no deadline passes, so only the update's own budget can cut a scan short.
    vi.spyOn(performance, 'now').mockReturnValue(0);
    render(<FrameLog />);
    act(() => usePanelStore.getState().setFilters({ text: 'NVDA' }));
    const grid = () => Number(screen.getByRole('grid', { name: 'log rows' }).dataset.rowCount);
    expect(grid()).toBe(100);
    act(() => {
      liveRing.append(makeEntries(100, 20_000).map((entry) => ({ ...entry, payload: 'tick nvda' })));
      usePanelStore.getState().applied(null);
    });
    expect(grid()).toBeLessThan(1_000);
    expect(screen.getByTestId('filtering')).toBeTruthy();
    act(() => vi.advanceTimersToNextTimer());
    expect(grid()).toBe(20_100);
    expect(screen.queryByTestId('filtering')).toBeNull();
  });
});
