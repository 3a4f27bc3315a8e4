// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaptureEntry } from '../../shared/capture';
import type { PanelMessage, PanelRequest } from '../../shared/panel-wire';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { liveRing } from '../capture/entry-ring';
import { makeEntry } from '../capture/test-support/make-entry';
import { usePanelStore } from '../store/panel-store';
import { createRequestReplier } from '../transport/request-reply';
import { EntryInspector, Inspector } from './inspector';

afterEach(cleanup);
beforeEach(() => usePanelStore.getState().reset());

const lifecycle = (seq: number, name: string, detail: CaptureEntry['detail'], fields: Partial<CaptureEntry> = {}) =>
  makeEntry(seq, { kind: 'lifecycle', name, direction: 'none', opcode: undefined, payload: undefined, size: 0, connectionId: 't3', detail, ...fields });

/** A whole task connection: connecting, 101, open, a frame, a close sent and answered. */
function connectionEntries(): CaptureEntry[] {
  return [
    lifecycle(10, 'connecting', { url: 'wss://chat.example/ws?room=a', headers: { 'x-token': 'abc' }, requestedProtocols: ['mqtt', 'json'], protocolSource: 'protocols', timeoutMs: 5000 }),
    lifecycle(11, 'handshake-response', { status: 101, headers: { upgrade: 'websocket', 'sec-websocket-protocol': 'json' } }, { direction: 'in' }),
    lifecycle(12, 'open', { protocol: 'json', requestedProtocols: ['mqtt', 'json'], url: 'wss://chat.example/ws?room=a' }),
    makeEntry(13, { connectionId: 't3', payload: '{"hello":"world"}', size: 17 }),
    lifecycle(14, 'closing', { code: 4001, reason: 'bye', by: 'app' }),
    makeEntry(15, { connectionId: 't3', name: 'close', opcode: 8, direction: 'out', payload: 'bye', size: 5, detail: { code: 4001, reason: 'bye' } }),
    makeEntry(16, { connectionId: 't3', name: 'close', opcode: 8, direction: 'in', payload: 'ok', size: 4, detail: { code: 1000, reason: 'ok' } }),
    lifecycle(17, 'closed', { codeReceived: 1000, reasonReceived: 'ok', codeSent: 4001, reasonSent: 'bye', closedFirstBy: 'app' }),
  ];
}

const fact = (term: string) => {
  const dt = screen.getAllByText(term).find((element) => element.tagName === 'DT');
  return dt?.nextElementSibling?.textContent ?? '';
};

describe('Inspector', () => {
  it('tells what to do when nothing is selected', () => {
    render(<Inspector />);
    expect(screen.getByText('Select a row in the log to inspect it.')).toBeTruthy();
  });

  it('shows a connection: final URL, headers both ways, subprotocols, close codes and who closed', () => {
    liveRing.append(connectionEntries());
    usePanelStore.getState().applied(null);
    usePanelStore.getState().select(13);
    render(<Inspector />);
    expect(screen.getByTitle('Connection t3')).toBeTruthy();
    // The heading reads as words ("Connection t3 …"), not "Connectiont3", though its title part can shrink alone.
    expect(screen.getByTitle('Connection t3').closest('h3')?.textContent).toMatch(/^Connection t3/);
    expect(fact('URL')).toContain('wss://chat.example/ws?room=a');
    expect(fact('Requested subprotocols')).toBe('mqtt, json');
    expect(fact('Chosen subprotocol')).toBe('json');
    expect(fact('Handshake response')).toBe('HTTP 101');
    expect(fact('Close sent')).toBe('4001 "bye"');
    expect(fact('Close received')).toBe('1000 "ok"');
    expect(fact('Closed first by')).toBe('app');
    expect(screen.getByText('x-token').nextElementSibling?.textContent).toBe('abc');
    expect(screen.getByText('sec-websocket-protocol').nextElementSibling?.textContent).toBe('json');
    expect(screen.getByText('CLOSED')).toBeTruthy();
    // The text payload parses as JSON: shown as a tree
    expect(screen.getByRole('tree').textContent).toContain('hello: "world"');
  });

  it('uses the engine state for what the log does not hold yet', () => {
    usePanelStore.getState().setEngineState({
      settings: DEFAULT_SETTINGS,
      clients: [],
      lab: [],
      connections: [{ connectionId: 's1', clientId: 'app-2', target: null, url: 'ws://127.0.0.1:9/echo', state: 'OPEN', requestedProtocols: [], protocol: '' }],
    });
    const entry = makeEntry(3, { connectionId: 's1' });
    liveRing.append([entry]);
    render(<EntryInspector entry={entry} />);
    expect(fact('URL')).toContain('ws://127.0.0.1:9/echo');
    expect(fact('Chosen subprotocol')).toBe('none');
    expect(screen.getByText('OPEN')).toBeTruthy();
  });

  it('a warning about a my.request (h3) gets no socket sections: no debugging, connection facts, parity or replay', () => {
    usePanelStore.getState().setTransport({ send: () => undefined, onMessage: () => () => undefined });
    const entry = makeEntry(6, { kind: 'warning', name: 'request-header-dropped', direction: 'none', opcode: undefined, payload: undefined, size: 0, connectionId: 'h3', detail: { headers: ['Authorization'] } });
    liveRing.append([entry]);
    render(<EntryInspector entry={entry} />);
    expect(screen.getByText('request-header-dropped')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Break on h3' })).toBeNull();
    expect(screen.queryByTitle('Connection h3')).toBeNull();
    // A socket's warning keeps them.
    const socketWarning = makeEntry(7, { ...entry, seq: 7, connectionId: 't3' });
    liveRing.append([socketWarning]);
    cleanup();
    render(<EntryInspector entry={socketWarning} />);
    expect(screen.getByRole('button', { name: 'Break on t3' })).toBeTruthy();
  });

  it('shows an error with its code, the seed text and solution, and the raw cause', () => {
    const entry = makeEntry(4, { kind: 'error', name: 'error', opcode: undefined, payload: undefined, errorCode: 7, errorMessage: 'The HTTPS certificate returned by the server is invalid.', cause: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    render(<EntryInspector entry={entry} />);
    expect(screen.getByText('Error 7')).toBeTruthy();
    expect(fact('Solution')).toContain('The Mini Program must start a network request using HTTPS/WSS.');
    expect(fact('Raw cause')).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(fact('errorMessage')).toBe('The HTTPS certificate returned by the server is invalid.');
  });

  it("says the client's table gives no solution instead of showing its dash (error 1)", () => {
    render(<EntryInspector entry={makeEntry(6, { kind: 'error', name: 'error', opcode: undefined, payload: undefined, errorCode: 1, errorMessage: 'An unknown error.' })} />);
    expect(fact('Solution')).toBe("none in the client's error table");
  });

  it('switches a binary payload between hex, Base64 and UTF-8', () => {
    const entry = makeEntry(5, { opcode: 2, name: 'binary', binary: true, payload: btoa('Hi!\u0001'), size: 4 });
    render(<EntryInspector entry={entry} />);
    expect(screen.getByRole('table', { name: 'hex dump' }).textContent).toContain('48 69 21 01');
    expect(screen.getByRole('table', { name: 'hex dump' }).textContent).toContain('Hi!.');
    fireEvent.click(screen.getByRole('radio', { name: 'Base64' }));
    expect(screen.getByText('SGkhAQ==')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'UTF-8' }));
    expect(screen.getByText('Hi!\u0001')).toBeTruthy();
  });

  it('fetches the full payload of a preview with get-entry', async () => {
    const sent: PanelRequest[] = [];
    const listeners = new Set<(message: PanelMessage) => void>();
    const transport = {
      send: (request: PanelRequest) => sent.push(request),
      onMessage: (listener: (message: PanelMessage) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    usePanelStore.getState().setTransport(transport, createRequestReplier(transport));
    const preview = { ...makeEntry(6, { payload: 'abc' }), previewOnly: true };
    render(<EntryInspector entry={preview} />);
    expect(screen.getByText('Loading the full payload…')).toBeTruthy();
    const request = sent.find((item) => item.kind === 'get-entry');
    expect(request).toMatchObject({ kind: 'get-entry', seq: 6 });
    const full = makeEntry(6, { payload: 'abcdefghij-full' });
    listeners.forEach((listener) => listener({ kind: 'reply', requestId: (request as { requestId: number }).requestId, ok: true, body: full }));
    // testing-library's own 1 s cap would be a wall-clock bound (docs/architecture.md#test-support).
    await waitFor(() => expect(screen.getByText('abcdefghij-full')).toBeTruthy(), { timeout: 10_000 });
  });
});
