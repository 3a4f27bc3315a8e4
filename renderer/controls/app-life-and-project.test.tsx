// @vitest-environment jsdom
// The App life and Project sections' words and their one field rule (docs/behaviour.md#app-life-background-and-foreground).
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PanelRequest, PanelTransport } from '../../shared/panel-wire';
import { DEFAULT_SETTINGS, parseBackgroundCloseSeconds } from '../../shared/settings';
import { usePanelStore } from '../store/panel-store';
import { usePreviewStore, withRecentProject } from '../store/preview-store';
import { AppLifeControls, describeAppLife } from './app-life-controls';
import { currentStack, describeQuery } from './project-panel';

afterEach(() => {
  cleanup();
  usePanelStore.getState().reset();
});

describe('App life section', () => {
  it('says where the app is and what happens to its sockets', () => {
    expect(describeAppLife(undefined, 0)).toBe('In the foreground');
    expect(describeAppLife({ visible: true }, 0)).toBe('In the foreground');
    expect(describeAppLife({ visible: false, hiddenAt: 1000 }, 13_500)).toBe('In the background for 12 s; sockets stay open');
    expect(describeAppLife({ visible: false, hiddenAt: 1000, closeAt: 31_000 }, 13_500)).toBe('In the background for 12 s; sockets close in 18 s');
    expect(describeAppLife({ visible: false, hiddenAt: 1000, socketsClosed: true }, 40_000)).toBe('In the background for 39 s; its sockets were closed');
  });

  it('takes seconds (fractions too) or empty for "stay open", and refuses the rest', () => {
    expect(parseBackgroundCloseSeconds(' ')).toEqual({ ok: true, value: null });
    expect(parseBackgroundCloseSeconds('300')).toEqual({ ok: true, value: 300 });
    expect(parseBackgroundCloseSeconds('0.5')).toEqual({ ok: true, value: 0.5 });
    for (const bad of ['-1', '3601', 'soon', '1e2']) expect(parseBackgroundCloseSeconds(bad).ok, bad).toBe(false);
  });

  it('sends the app to the background, and the close-after setting as a settings patch', () => {
    const sent: PanelRequest[] = [];
    const transport: PanelTransport = { send: (request) => sent.push(request), onMessage: () => () => undefined };
    usePanelStore.getState().setTransport(transport);
    usePanelStore.getState().setEngineState({ settings: DEFAULT_SETTINGS, connections: [], clients: [], lab: [], app: { visible: true } });
    render(<AppLifeControls />);
    fireEvent.click(screen.getByRole('button', { name: 'Send to background' }));
    const field = screen.getByRole('textbox', { name: /Close sockets after/ });
    fireEvent.change(field, { target: { value: 'later' } });
    fireEvent.blur(field);
    expect(screen.getByRole('alert').textContent).toContain('seconds from 0 to 3600');
    fireEvent.change(field, { target: { value: '30' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(sent).toEqual([
      { kind: 'app-visibility', visible: false },
      { kind: 'settings', patch: { backgroundCloseSeconds: 30 } },
    ]);
  });
});

describe('Project section', () => {
  it('reads the newest reported page stack and its query', () => {
    const stack: { route: string; query: Record<string, string> }[] = [
      { route: 'pages/index/index', query: {} },
      { route: 'pages/detail/detail', query: { from: 'index', n: '2' } },
    ];
    expect(currentStack(undefined)).toEqual([]);
    expect(currentStack([{ clientId: 'panel', origin: 'panel', listeners: {} }, { clientId: 'app-2', origin: 'x', listeners: {}, pageStack: stack }])).toEqual(stack);
    expect(describeQuery({ from: 'index', n: '2' })).toBe('from=index&n=2');
    expect(describeQuery({})).toBe('(none)');
  });

  it('keeps recent projects newest first, without repeats, at most 8', () => {
    expect(withRecentProject(undefined, '/a')).toEqual(['/a']);
    expect(withRecentProject(['/b', '/a', '/c'], '/a')).toEqual(['/a', '/b', '/c']);
    expect(withRecentProject(['1', '2', '3', '4', '5', '6', '7', '8'], 'new')).toEqual(['new', '1', '2', '3', '4', '5', '6', '7']);
    usePreviewStore.getState().receive({ project: '/a', mode: 'html', generation: 2, watching: true });
    expect(usePreviewStore.getState().preview?.generation).toBe(2);
  });
});
