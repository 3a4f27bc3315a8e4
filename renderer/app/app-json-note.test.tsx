// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineState } from '../../shared/panel-wire';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { usePanelStore } from '../store/panel-store';
import { AppJsonNote, describeAppJson } from './app-json-note';

afterEach(() => {
  cleanup();
  usePanelStore.getState().reset();
});

function state(clients: EngineState['clients']): EngineState {
  return { settings: { ...DEFAULT_SETTINGS }, connections: [], clients, lab: [] };
}

describe('AppJsonNote', () => {
  it('says what app.json set, briefly', () => {
    expect(describeAppJson({ connectSocketDefaultMultiple: true, connectTimeoutMs: 10_000 })).toBe('app.json: multiple by default, connect timeout 10\u00a0000 ms');
    expect(describeAppJson({ connectSocketDefaultMultiple: false })).toBe('app.json: single mode by default');
    expect(describeAppJson({ connectTimeoutMs: 1500 })).toBe('app.json: connect timeout 1\u00a0500 ms');
    expect(describeAppJson({})).toBe('app.json: no socket settings (defaults apply)');
  });

  it('shows the mini-app page\'s app.json, and nothing when the mini-app has none', () => {
    render(<AppJsonNote />);
    expect(screen.queryByTestId('app-json-note')).toBeNull();
    act(() => usePanelStore.getState().setEngineState(state([{ clientId: 'panel', origin: '', listeners: {} }, { clientId: 'app-1', origin: 'http://127.0.0.1:9', listeners: {} }])));
    expect(screen.queryByTestId('app-json-note')).toBeNull();
    act(() => usePanelStore.getState().setEngineState(state([{ clientId: 'app-2', origin: 'http://127.0.0.1:9', listeners: {}, appJson: { connectSocketDefaultMultiple: true, connectTimeoutMs: 1500 } }])));
    expect(screen.getByTestId('app-json-note').textContent).toBe('app.json: multiple by default, connect timeout 1\u00a0500 ms');
  });
});
