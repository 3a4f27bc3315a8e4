// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaptureEntry } from '../../shared/capture';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { createEntryRing, liveRing } from '../capture/entry-ring';
import { makeEntry } from '../capture/test-support/make-entry';
import { usePanelStore } from '../store/panel-store';
import { EntryInspector } from '../inspector/inspector';
import { DomainAllowlistField } from './domain-allowlist-field';
import { HANDSHAKE_SCAN, parityEntries } from './parity-entries';
import { ReleaseParity } from './release-parity';

afterEach(cleanup);
beforeEach(() => usePanelStore.getState().reset());

const step = (seq: number, name: string, detail: CaptureEntry['detail'], fields: Partial<CaptureEntry> = {}) =>
  makeEntry(seq, { kind: 'lifecycle', name, direction: 'none', opcode: undefined, payload: undefined, size: 0, detail, ...fields });

/** The demo's echo chat as the engine records it: call, warnings, connecting, result, open, frames. */
function echoConnection(url: string, from = 1): CaptureEntry[] {
  return [
    makeEntry(from, { kind: 'call', name: 'connectSocket', connectionId: '', direction: 'none', opcode: undefined, payload: undefined, size: 0, detail: { callId: 3, target: null, options: { url, header: { Referer: 'x' } } } }),
    makeEntry(from + 1, { kind: 'warning', name: 'header-dropped', connectionId: '', direction: 'none', opcode: undefined, payload: undefined, size: 0, errorMessage: 'Header "Referer" …', detail: { warning: 'header-dropped', header: 'Referer' } }),
    step(from + 2, 'connecting', { url, headers: {}, requestedProtocols: [], protocolSource: 'none', timeoutMs: 30000 }),
    makeEntry(from + 3, { kind: 'result', name: 'connectSocket', direction: 'none', opcode: undefined, payload: undefined, size: 0, detail: { callId: 3, ok: true, payload: {} } }),
    step(from + 4, 'open', { protocol: '', url }),
    makeEntry(from + 5, { direction: 'out', payload: 'hi' }),
  ];
}

describe('ReleaseParity in the inspector', () => {
  it('shows the demo echo (ws on 127.0.0.1) failing scheme and host with reasons and fixes', () => {
    const entries = echoConnection('ws://127.0.0.1:4000/echo');
    liveRing.append(entries);
    render(<EntryInspector entry={entries[5] as CaptureEntry} />);
    const section = screen.getByRole('region', { name: 'release parity' });
    expect(within(section).getByText('fail', { selector: '.parity-badge' })).toBeTruthy();
    expect(section.textContent).toContain('Would not connect from a release build on a phone.');
    const row = (id: string) => section.querySelector(`[data-item="${id}"]`) as HTMLElement;
    expect(row('scheme').dataset.status).toBe('fail');
    expect(row('scheme').textContent).toContain('Plain ws:// is refused');
    expect(row('scheme').textContent).toContain('Fix:');
    expect(row('host').dataset.status).toBe('fail');
    expect(row('host').textContent).toContain('127.0.0.1 is a loopback address');
    expect(row('headers').dataset.status).toBe('warn');
    expect(row('headers').textContent).toContain('Not sent: Referer');
    expect(row('allowlist').textContent).toContain('No domain allowlist is configured');
  });

  it('follows the allowlist and certificate settings of the session', () => {
    const entries = echoConnection('wss://chat.example.com/ws');
    liveRing.append(entries);
    usePanelStore.getState().setEngineState({ settings: { ...DEFAULT_SETTINGS, domainAllowlist: 'chat.example.com', ignoreCertificateErrors: true }, connections: [], clients: [], lab: [] });
    render(<ReleaseParity connectionId="s1" />);
    const section = screen.getByRole('region', { name: 'release parity' });
    expect(section.querySelector('[data-item="allowlist"]')?.getAttribute('data-status')).toBe('pass');
    expect(section.querySelector('[data-item="certificate"]')?.textContent).toContain('"Ignore certificate errors" is on');
    expect(within(section).getByText('warn', { selector: '.parity-badge' })).toBeTruthy();
  });

  it('judges an imported capture too, and says which settings it used', () => {
    usePanelStore.getState().showImported('old.har', echoConnection('wss://10.0.0.8/ws'));
    render(<ReleaseParity connectionId="s1" />);
    const section = screen.getByRole('region', { name: 'release parity' });
    expect(section.querySelector('[data-item="host"]')?.textContent).toContain('only reachable inside a local network');
    expect(section.textContent).toContain('Judged with the current session settings');
  });
});

describe('parityEntries', () => {
  it('takes the connect call and warnings before the connecting step and the errors up to open or closed', () => {
    const ring = createEntryRing(64);
    const otherClient = makeEntry(1, { kind: 'warning', name: 'header-dropped', clientId: 'app-9', connectionId: '', detail: { header: 'Cookie' } });
    const own = echoConnection('wss://chat.example.com/ws', 2);
    const error = makeEntry(8, { kind: 'error', name: 'error', errorCode: 7, direction: 'in' });
    const later = makeEntry(9, { kind: 'error', name: 'error', errorCode: 12, direction: 'in' });
    // the open step of `own` (seq 6) ends the handshake: the error at 8 is after it and not taken
    ring.append([otherClient, ...own, error, later]);
    const described = own.filter((entry) => entry.kind === 'lifecycle');
    const seqs = parityEntries(ring, 's1', described).map((entry) => entry.seq);
    expect(seqs).toEqual([2, 3, 4, 5, 6]);
  });

  it('stops looking for the handshake after a bounded number of entries', () => {
    const ring = createEntryRing(HANDSHAKE_SCAN + 100);
    const connecting = step(0, 'connecting', { url: 'wss://chat.example.com/ws' });
    const filler = Array.from({ length: HANDSHAKE_SCAN + 10 }, (_, i) => makeEntry(i + 1, { connectionId: 't9' }));
    const late = makeEntry(HANDSHAKE_SCAN + 11, { kind: 'error', name: 'error', errorCode: 7, direction: 'in' });
    ring.append([connecting, ...filler, late]);
    expect(parityEntries(ring, 's1', [connecting]).map((entry) => entry.seq)).toEqual([0]);
  });
});

describe('DomainAllowlistField', () => {
  it('counts the listed domains and commits the text on blur or Ctrl+Enter, not on every key', () => {
    const onCommit = vi.fn();
    render(<DomainAllowlistField value="" onCommit={onCommit} />);
    const field = screen.getByRole('textbox', { name: /Domain allowlist/ });
    expect(field.closest('label')?.textContent).toContain('empty = not configured');
    fireEvent.change(field, { target: { value: 'chat.example.com, push.example.com:8443' } });
    expect(onCommit).not.toHaveBeenCalled();
    expect(field.closest('label')?.textContent).toContain('2 listed');
    fireEvent.keyDown(field, { key: 'Enter', ctrlKey: true });
    expect(onCommit).toHaveBeenLastCalledWith('chat.example.com, push.example.com:8443');
    fireEvent.change(field, { target: { value: 'x.example.com' } });
    fireEvent.keyDown(field, { key: 'Escape' });
    fireEvent.blur(field);
    expect(onCommit).toHaveBeenCalledTimes(1);
  });
});
