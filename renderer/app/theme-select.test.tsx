// @vitest-environment jsdom
// The theme override (docs/behaviour.md#panel-theme): the menu shows the remembered choice, puts it on the
// document root as data-theme (System removes it) and saves it with the preferences once they arrived.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PanelRequest } from '../../shared/panel-wire';
import { SAVE_DELAY_MS, usePreferencesStore } from '../store/preferences-store';
import { ThemeSelect } from './theme-select';

afterEach(cleanup);
beforeEach(() => {
  usePreferencesStore.setState({ loaded: false, preferences: {}, generation: 0 });
  delete document.documentElement.dataset.theme;
});

const wait = (ms: number) => act(() => new Promise((resolve) => setTimeout(resolve, ms)));

describe('the theme menu', () => {
  it('follows the system until the stored choice arrives, then applies it', () => {
    render(<ThemeSelect />);
    const menu = screen.getByRole('combobox', { name: 'Theme' }) as HTMLSelectElement;
    expect(menu.value).toBe('system');
    expect(document.documentElement.dataset.theme).toBeUndefined();
    act(() => usePreferencesStore.getState().receive({ theme: 'light' }));
    expect(menu.value).toBe('light');
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('applies and saves a choice; System removes the override', async () => {
    const sent: PanelRequest[] = [];
    usePreferencesStore.getState().bind({ send: (request) => void sent.push(request), onMessage: () => () => undefined });
    act(() => usePreferencesStore.getState().receive({ filters: { directions: ['in'], types: [], text: '' } }));
    render(<ThemeSelect />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Theme' }), { target: { value: 'dark' } });
    expect(document.documentElement.dataset.theme).toBe('dark');
    await wait(SAVE_DELAY_MS + 50);
    expect(sent).toEqual([{ kind: 'preferences-save', preferences: { filters: { directions: ['in'], types: [], text: '' }, theme: 'dark' } }]);
    fireEvent.change(screen.getByRole('combobox', { name: 'Theme' }), { target: { value: 'system' } });
    expect(document.documentElement.dataset.theme).toBeUndefined();
    usePreferencesStore.getState().bind(null);
  });
});
