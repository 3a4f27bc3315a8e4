// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveRing } from '../capture/entry-ring';
import { makeEntry } from '../capture/test-support/make-entry';
import { usePanelStore } from '../store/panel-store';
import { Inspector } from './inspector';

afterEach(cleanup);
beforeEach(() => usePanelStore.getState().reset());

const fact = (term: string) => screen.getAllByText(term).find((element) => element.tagName === 'DT')?.nextElementSibling?.textContent ?? '';

describe('request inspector', () => {
  it('shows a my.request: method, URL, status, timing, failure, headers, request body and the response payload', () => {
    liveRing.append([
      makeEntry(5, {
        kind: 'http',
        name: 'POST',
        direction: 'none',
        opcode: undefined,
        connectionId: 'h1',
        size: 16,
        payload: '{"error":"nope"}',
        binary: false,
        errorCode: 19,
        errorMessage: 'http status error (404)',
        detail: {
          url: 'https://api.example/token',
          method: 'POST',
          status: 404,
          statusText: 'Not Found',
          startWallTime: Date.UTC(2026, 0, 2, 3, 4, 5),
          durationMs: 12.5,
          dataType: 'json',
          timeoutMs: 30000,
          requestHeaders: { 'content-type': 'application/json', 'x-app': 'demo' },
          requestBody: '{"user":"a"}',
          requestBodySize: 12,
          responseHeaders: { 'content-type': 'application/json', 'x-trace': 't-9' },
        },
      }),
    ]);
    usePanelStore.getState().applied(null);
    usePanelStore.getState().select(5);
    render(<Inspector />);
    expect(screen.getByTitle('Request h1')).toBeTruthy();
    expect(fact('Method')).toBe('POST');
    expect(fact('URL')).toContain('https://api.example/token');
    expect(fact('Status')).toBe('404 Not Found');
    expect(fact('Started')).toBe('2026-01-02T03:04:05.000Z');
    expect(fact('Duration')).toBe('12.5 ms');
    expect(fact('Failed')).toBe('19: http status error (404)');
    expect(screen.getByText('x-app').nextElementSibling?.textContent).toBe('demo');
    expect(screen.getByText('x-trace').nextElementSibling?.textContent).toBe('t-9');
    expect(screen.getByText('{"user":"a"}')).toBeTruthy();
    expect(screen.getByRole('tree').textContent).toContain('error: "nope"');
    // Not a WebSocket: no connection section.
    expect(screen.queryByRole('region', { name: 'connection' })).toBeNull();
  });
});
