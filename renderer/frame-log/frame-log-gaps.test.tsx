// @vitest-environment jsdom
// The log's gap rows (docs/behaviour.md#a27-gaps-in-the-live-log) in the rendered log: where the stream
// skipped seqs, with their range and count, and the keyboard steps over them from entry to entry.
import { act, fireEvent, render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { entryRing, liveRing } from '../capture/entry-ring';
import { makeEntries } from '../capture/test-support/make-entry';
import { usePanelStore } from '../store/panel-store';
import { FrameLog } from './frame-log';
import { useGapFillStore } from './gap-fill-store';
import { frameLogTestSetup } from './test-support/log-test-setup';

frameLogTestSetup();

describe('FrameLog gap rows', () => {
  it('shows a gap row with the skipped range between the entries around it, and the keyboard steps over it', () => {
    liveRing.append([...makeEntries(0, 3), ...makeEntries(1003, 2)]);
    liveRing.addSkipped(1000);
    act(() => usePanelStore.getState().applied(null));
    const { getByRole } = render(<FrameLog />);
    const log = getByRole('grid', { name: 'log rows' });
    const rows = Array.from(log.querySelectorAll('.log-row')).map((row) => (row as HTMLElement).dataset.seq ?? (row as HTMLElement).dataset.gapFrom);
    expect(rows).toEqual(['0', '1', '2', '3', '1003', '1004']);
    expect(log.querySelector('.gap-row .gap-text')?.textContent).toContain('1,000 entries not streamed (#3–#1002)');
    expect(log.getAttribute('aria-rowcount')).toBe('6');
    expect(document.querySelector('.marker-gaps')?.textContent).toContain('1,000 not streamed in 1 gap');
    expect(document.querySelector('.marker-dropped')).toBeNull();

    act(() => usePanelStore.getState().select(2));
    fireEvent.keyDown(log, { key: 'ArrowDown' });
    expect(usePanelStore.getState().selectedSeq).toBe(1003);
    fireEvent.keyDown(log, { key: 'ArrowUp' });
    expect(usePanelStore.getState().selectedSeq).toBe(2);
  });

  it('under a filter says the count is not filtered yet, and how many of those read back matched', () => {
    liveRing.append([...makeEntries(0, 3), ...makeEntries(1003, 2)]);
    liveRing.addSkipped(1000);
    act(() => usePanelStore.getState().applied(null));
    act(() => usePanelStore.getState().setFilters({ text: 'needle' }));
    const { getByRole } = render(<FrameLog />);
    const log = getByRole('grid', { name: 'log rows' });
    const gapText = () => log.querySelector('.gap-row .gap-text')?.textContent;
    expect(gapText()).toBe('1,000 entries not streamed (#3–#1002), filter not applied yet');
    expect(document.querySelector('.marker-gaps')?.textContent).toContain('1,000 not streamed in 1 gap (filter not applied yet)');

    // 500 read back, every 100th matching: those rows stand before the gap row, which counts the rest.
    const read = makeEntries(3, 500).map((entry) => (entry.seq % 100 === 0 ? { ...entry, payload: 'a needle' } : entry));
    act(() => useGapFillStore.setState({ generation: entryRing.generation(), fills: { 3: { entries: read, loading: false, error: '' } } }));
    const rows = Array.from(log.querySelectorAll('.log-row')).map((row) => (row as HTMLElement).dataset.seq ?? `gap${(row as HTMLElement).dataset.gapFrom}`);
    expect(rows).toEqual(['100', '200', '300', '400', '500', 'gap3']);
    expect(gapText()).toBe('500 entries not streamed (#503–#1002), filter not applied yet · 5 of 500 read matched');
    expect(document.querySelector('.marker-gaps')?.textContent).toContain('500 not streamed in 1 gap (filter not applied yet)');

    act(() => usePanelStore.getState().resetFilters());
    expect(gapText()).toBe('500 entries not streamed (#503–#1002), in the session on disk');
  });
});
