// @vitest-environment jsdom
// The panel's new controls in jsdom: the column menu and its saved choice, Find over the ring with
// next/previous selecting the match, the row menu's items, the help overlay, and preferences saved once
// through the engine link after they arrived.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PanelMessage, PanelRequest, PanelTransport } from '../../shared/panel-wire';
import { liveRing } from '../capture/entry-ring';
import { makeEntry } from '../capture/test-support/make-entry';
import { FindBar } from '../frame-log/find-bar';
import { useFindStore } from '../frame-log/find-store';
import { LogHeader } from '../frame-log/log-header';
import { closeMessages, showMessages, useMessagesView } from '../store/messages-view';
import { NO_FILTERS } from '../store/log-filters';
import { usePanelStore } from '../store/panel-store';
import { SAVE_DELAY_MS, usePreferencesStore } from '../store/preferences-store';
import { HelpOverlay } from './help-overlay';
import { syncPreferences } from './preferences-sync';
import { RowContextMenu } from './row-context-menu';

afterEach(cleanup);
beforeEach(() => {
  usePanelStore.getState().reset();
  usePreferencesStore.setState({ loaded: false, preferences: {}, generation: 0 });
  useFindStore.setState({ open: false, query: '', scan: null, current: -1, reveal: 0 });
});

function recordingTransport(): PanelTransport & { sent: PanelRequest[] } {
  const sent: PanelRequest[] = [];
  return { sent, send: (request) => void sent.push(request), onMessage: (_listener: (message: PanelMessage) => void) => () => undefined };
}

const wait = (ms: number) => act(() => new Promise((resolve) => setTimeout(resolve, ms)));

describe('the column menu', () => {
  it('hides seq, Δ and size by default and remembers what the user shows', () => {
    render(<LogHeader />);
    fireEvent.click(screen.getByRole('button', { name: /Columns/ }));
    const size = screen.getByRole('checkbox', { name: 'Size' }) as HTMLInputElement;
    expect(size.checked).toBe(false);
    expect((screen.getByRole('checkbox', { name: 'Time' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(size);
    expect(usePreferencesStore.getState().preferences.columns?.hidden).toEqual(['seq', 'delta']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Time' }));
    expect(usePreferencesStore.getState().preferences.columns?.hidden).toEqual(['seq', 'delta', 'time']);
  });
});

describe('Find', () => {
  it('counts matches across the ring and selects them with Enter and Shift+Enter', async () => {
    act(() => {
      liveRing.append([makeEntry(1, { payload: 'a needle' }), makeEntry(2, { payload: 'hay' }), makeEntry(3, { payload: Buffer.from('NEEDLE bytes').toString('base64'), binary: true })]);
      usePanelStore.getState().applied(null);
      useFindStore.getState().setOpen(true);
    });
    render(<FindBar />);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Find in payloads' }), { target: { value: 'needle' } });
    await wait(200);
    expect(screen.getByRole('status', { name: 'matches' }).textContent).toBe('0 / 2');
    fireEvent.keyDown(screen.getByRole('searchbox', { name: 'Find in payloads' }), { key: 'Enter' });
    expect(usePanelStore.getState().selectedSeq).toBe(1);
    fireEvent.keyDown(screen.getByRole('searchbox', { name: 'Find in payloads' }), { key: 'Enter' });
    expect(usePanelStore.getState().selectedSeq).toBe(3);
    fireEvent.keyDown(screen.getByRole('searchbox', { name: 'Find in payloads' }), { key: 'Enter', shiftKey: true });
    expect(usePanelStore.getState().selectedSeq).toBe(1);
    expect(screen.getByRole('status', { name: 'matches' }).textContent).toBe('1 / 2');
    fireEvent.keyDown(screen.getByRole('searchbox', { name: 'Find in payloads' }), { key: 'Escape' });
    expect(useFindStore.getState().open).toBe(false);
  });
});

describe('the row menu', () => {
  it('offers copies for a frame and the connection actions, and opens its Messages view', () => {
    act(() => {
      liveRing.append([makeEntry(7, { payload: 'hi', connectionId: 's4' }), makeEntry(8, { kind: 'lifecycle', name: 'settings', payload: undefined, connectionId: '' })]);
      usePanelStore.getState().applied(null);
    });
    let closed = 0;
    const { unmount } = render(<RowContextMenu target={{ seq: 7, x: 10, y: 10 }} onClose={() => (closed += 1)} />);
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
      'Copy payload as text',
      'Copy payload as JSON',
      'Copy payload as base64',
      'Copy payload as hex',
      'Copy as my.sendSocketMessage({…})',
      'Filter to s4',
      "Show s4's messages",
      "Resend on s4 (the app's connection)",
    ]);
    fireEvent.click(screen.getByRole('menuitem', { name: "Show s4's messages" }));
    expect(closed).toBe(1);
    expect(useMessagesView.getState().connectionId).toBe('s4');
    expect(usePanelStore.getState().filters).toMatchObject({ connectionId: 's4', types: ['text', 'binary', 'control'] });
    closeMessages();
    expect(usePanelStore.getState().filters).toEqual(NO_FILTERS);
    unmount();
    render(<RowContextMenu target={{ seq: 8, x: 10, y: 10 }} onClose={() => undefined} />);
    expect(screen.queryAllByRole('menuitem')).toEqual([]);
  });
});

describe('the help overlay', () => {
  it('lists the shortcuts and closes from its button', () => {
    let closed = false;
    render(<HelpOverlay onClose={() => (closed = true)} />);
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const keys of ['Ctrl+E', 'Ctrl+L', 'Ctrl+F', 'Escape', '?']) expect(dialog.textContent).toContain(keys);
    fireEvent.click(screen.getByRole('button', { name: 'Close the shortcuts' }));
    expect(closed).toBe(true);
  });
});

describe('preferences through the engine', () => {
  it('saves nothing before the stored preferences arrive, applies them, then saves each change once', async () => {
    const transport = recordingTransport();
    const stop = syncPreferences(transport);
    usePanelStore.getState().setFilters({ text: 'early' });
    await wait(SAVE_DELAY_MS + 50);
    expect(transport.sent).toEqual([]);

    act(() => usePreferencesStore.getState().receive({ filters: { directions: ['in'], types: ['text', 'nonsense'], text: 'kept' }, settings: { maxTasks: 3 } }));
    expect(usePanelStore.getState().filters).toMatchObject({ directions: ['in'], types: ['text'], text: 'kept' });
    expect(transport.sent).toEqual([{ kind: 'settings', patch: { maxTasks: 3 } }]);

    usePanelStore.getState().setFilters({ text: 'a' });
    usePanelStore.getState().setFilters({ text: 'ab' });
    showMessages('s1'); // a passing preset: not remembered
    await wait(SAVE_DELAY_MS + 50);
    const saves = transport.sent.filter((request) => request.kind === 'preferences-save');
    expect(saves).toHaveLength(1);
    expect(saves[0]).toMatchObject({ preferences: { filters: { text: 'ab', directions: ['in'] } } });
    closeMessages();
    stop();
  });
});
