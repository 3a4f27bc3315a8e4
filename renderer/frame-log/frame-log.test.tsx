// @vitest-environment jsdom
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { liveRing } from '../capture/entry-ring';
import { makeEntries, makeEntry } from '../capture/test-support/make-entry';
import { usePanelStore } from '../store/panel-store';
import { FrameLog } from './frame-log';
import { frameLogTestSetup } from './test-support/log-test-setup';
import { ROW_HEIGHT } from './frame-log-rows';

frameLogTestSetup();

const shownSeqs = () => Array.from(document.querySelectorAll('.log-row')).map((row) => Number((row as HTMLElement).dataset.seq));
const apply = (entries: ReturnType<typeof makeEntries>) =>
  act(() => {
    liveRing.append(entries);
    usePanelStore.getState().applied(null);
  });

describe('FrameLog', () => {
  it('shows the mini-program page of a call before its preview and in the client tooltip', () => {
    liveRing.append([makeEntry(0, { kind: 'call', name: 'connectSocket', clientId: 'app-2', connectionId: '', page: 'pages/chat/chat' }), makeEntry(1, { kind: 'call', name: 'closeSocket', connectionId: '' })]);
    usePanelStore.getState().applied(null);
    render(<FrameLog />);
    const rows = Array.from(document.querySelectorAll('.log-row'));
    expect(rows[0]?.querySelector('.c-page')?.textContent).toBe('pages/chat/chat');
    expect(rows[0]?.querySelector('.c-conn')?.getAttribute('title')).toBe('app-2 · pages/chat/chat');
    expect(rows[1]?.querySelector('.c-page')).toBeNull();
  });

  it('renders rows with time, delta, direction, type, size and a text preview', () => {
    liveRing.append([makeEntry(0, { direction: 'out', payload: '<img src=x onerror=alert(1)>', size: 28 }), makeEntry(1, { payload: 'pong', size: 4 })]);
    usePanelStore.getState().applied(null);
    const { container } = render(<FrameLog />);
    const rows = screen.getAllByRole('row').filter((row) => row.classList.contains('log-row'));
    expect(rows).toHaveLength(2);
    const cells = Array.from(rows[1]?.querySelectorAll('[role="gridcell"]') ?? []).map((cell) => cell.textContent);
    expect(cells[0]).toBe('1');
    expect(cells[1]).toMatch(/^\d\d:\d\d:\d\d\.\d{3}$/);
    expect(cells[2]).toBe('+10');
    expect(cells[4]).toBe('↓');
    expect(cells[5]).toBe('text');
    expect(cells[6]).toBe('4 B');
    expect(cells[7]).toBe('pong');
    expect(container.querySelector('img')).toBeNull();
    expect(rows[0]?.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('shows only the filtered rows and says how many are hidden', () => {
    liveRing.append(makeEntries(0, 6).map((entry) => ({ ...entry, direction: entry.seq % 2 ? ('out' as const) : ('in' as const) })));
    usePanelStore.getState().applied(null);
    render(<FrameLog />);
    act(() => usePanelStore.getState().setFilters({ directions: ['out'] }));
    expect(shownSeqs()).toEqual([1, 3, 5]);
    expect(screen.getByText(/3 hidden by filter/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show all' }));
    expect(shownSeqs()).toHaveLength(6);
  });

  it('keeps the shown count while paused and catches up on resume', () => {
    liveRing.append(makeEntries(0, 3));
    usePanelStore.getState().applied(null);
    render(<FrameLog />);
    act(() => usePanelStore.getState().setPaused(true));
    apply(makeEntries(3, 4));
    expect(screen.getByRole('grid').getAttribute('aria-rowcount')).toBe('3');
    expect(screen.getByText(/4 new entries waiting/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect(screen.getByRole('grid').getAttribute('aria-rowcount')).toBe('7');
  });

  it('moves the selection with the keyboard', () => {
    liveRing.append(makeEntries(0, 40));
    usePanelStore.getState().applied(null);
    render(<FrameLog />);
    const grid = screen.getByRole('grid');
    fireEvent.keyDown(grid, { key: 'Home' });
    expect(usePanelStore.getState().selectedSeq).toBe(0);
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(usePanelStore.getState().selectedSeq).toBe(2);
    fireEvent.keyDown(grid, { key: 'PageDown' });
    expect(usePanelStore.getState().selectedSeq).toBe(11);
    fireEvent.keyDown(grid, { key: 'ArrowUp' });
    expect(usePanelStore.getState().selectedSeq).toBe(10);
    fireEvent.keyDown(grid, { key: 'End' });
    expect(usePanelStore.getState().selectedSeq).toBe(39);
    fireEvent.keyDown(grid, { key: 'Escape' });
    expect(usePanelStore.getState().selectedSeq).toBeNull();
  });

  it('renders only the rows around the scroll offset of a 100,000-row log', () => {
    liveRing.append(makeEntries(0, 100_000));
    usePanelStore.getState().applied(null);
    render(<FrameLog />);
    const grid = screen.getByRole('grid');
    Object.defineProperty(grid, 'scrollHeight', { configurable: true, get: () => 100_000 * ROW_HEIGHT });
    // Following: the newest rows only.
    expect(shownSeqs().at(-1)).toBe(99_999);
    expect(shownSeqs().length).toBeLessThanOrEqual(13);

    act(() => {
      grid.scrollTop = 50_000 * ROW_HEIGHT;
      fireEvent.scroll(grid);
    });
    const around = shownSeqs();
    expect(around[0]).toBeGreaterThanOrEqual(50_000 - 12);
    expect(around).toContain(50_000);
    expect(around).toContain(50_009);
    expect(around.length).toBeLessThanOrEqual(10 + 1 + 2 * 12);
    expect(screen.getByRole('button', { name: /Latest/ })).toBeTruthy();
  });

  it('marks dropped entries and colours error rows', () => {
    liveRing.addSkipped(12);
    liveRing.append([makeEntry(20, { kind: 'error', name: 'error', errorCode: 6, errorMessage: 'Connection timed out.', opcode: undefined, payload: undefined })]);
    usePanelStore.getState().applied(null);
    render(<FrameLog />);
    expect(screen.getByText('12 older entries dropped')).toBeTruthy();
    const row = document.querySelector('.log-row');
    expect(row?.classList.contains('failed')).toBe(true);
    expect(row?.textContent).toContain('error 6: Connection timed out.');
  });

  it('selects a row on click', () => {
    liveRing.append(makeEntries(0, 3));
    usePanelStore.getState().applied(null);
    render(<FrameLog />);
    fireEvent.mouseDown(document.querySelector('[data-seq="2"]') as Element);
    expect(usePanelStore.getState().selectedSeq).toBe(2);
    expect(document.querySelector('[data-seq="2"]')?.getAttribute('aria-selected')).toBe('true');
  });
});
