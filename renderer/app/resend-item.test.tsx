// @vitest-environment jsdom
// The row menu's Resend (docs/behaviour.md#resend-through-the-apps-connection): enabled for a sent frame
// on an OPEN connection, where it asks the engine to resend the entry by seq; disabled, with the reason
// as its tooltip, for a closed connection, a received frame, a cut payload and an imported capture.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionInfo, EngineState, PanelMessage, PanelRequest } from '../../shared/panel-wire';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { liveRing } from '../capture/entry-ring';
import { makeEntry } from '../capture/test-support/make-entry';
import { usePanelStore } from '../store/panel-store';
import { createRequestReplier } from '../transport/request-reply';
import { RowContextMenu } from './row-context-menu';

afterEach(cleanup);
beforeEach(() => usePanelStore.getState().reset());

const LABEL = "Resend on s1 (the app's connection)";

function connection(state: ConnectionInfo['state']): ConnectionInfo {
  return { connectionId: 's1', clientId: 'app-1', target: null, url: 'ws://127.0.0.1:1/', state, requestedProtocols: [], protocol: '' };
}

function engineState(connections: ConnectionInfo[]): EngineState {
  return { settings: { ...DEFAULT_SETTINGS }, connections, clients: [], lab: [] };
}

/** A replier whose engine answers every resend with the next seq, recording what was asked. */
function answeringReplier(): { sent: PanelRequest[]; replier: ReturnType<typeof createRequestReplier> } {
  const sent: PanelRequest[] = [];
  const listeners = new Set<(message: PanelMessage) => void>();
  const replier = createRequestReplier({
    send(request) {
      sent.push(request);
      if (request.kind === 'resend') queueMicrotask(() => listeners.forEach((listener) => listener({ kind: 'reply', requestId: request.requestId, ok: true, body: JSON.stringify({ seq: 99 }) })));
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  return { sent, replier };
}

function showMenu(seq: number): HTMLElement {
  render(<RowContextMenu target={{ seq, x: 10, y: 10 }} onClose={() => undefined} />);
  return screen.getByRole('menuitem', { name: LABEL });
}

describe('the resend item', () => {
  it('asks the engine to resend a sent frame by seq while its connection is OPEN', async () => {
    const { sent, replier } = answeringReplier();
    act(() => {
      liveRing.append([makeEntry(5, { direction: 'out', payload: '{"id":1}' })]);
      usePanelStore.getState().applied(null);
      usePanelStore.setState({ engineState: engineState([connection('OPEN')]), replier });
    });
    const item = showMenu(5);
    expect(item.getAttribute('aria-disabled')).toBe('false');
    expect(item.title).toBe('');
    await act(async () => {
      fireEvent.click(item);
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(sent).toEqual([{ kind: 'resend', seq: 5, requestId: 1 }]);
    expect(usePanelStore.getState().notice).toBe('');
  });

  it.each([
    ['its connection closed', { direction: 'out' as const }, [connection('CLOSED')], 's1 is CLOSED: a frame can be resent only while its connection is OPEN.'],
    ['its connection is forgotten', { direction: 'out' as const }, [], 's1 is CLOSED: a frame can be resent only while its connection is OPEN.'],
    ['it was received', { direction: 'in' as const }, [connection('OPEN')], 'Only a frame the app sent can be resent; this one was received.'],
    ['its payload was cut', { direction: 'out' as const, truncated: true }, [connection('OPEN')], 'The capture kept this payload cut (it was over the payload cap), so it cannot be sent whole.'],
  ])('is disabled with the reason as its tooltip when %s, and sends nothing', (_case, fields, connections, reason) => {
    const { sent, replier } = answeringReplier();
    act(() => {
      liveRing.append([makeEntry(6, fields)]);
      usePanelStore.getState().applied(null);
      usePanelStore.setState({ engineState: engineState(connections), replier });
    });
    const item = showMenu(6);
    expect(item.getAttribute('aria-disabled')).toBe('true');
    expect(item.title).toBe(reason);
    fireEvent.click(item);
    expect(sent).toEqual([]);
  });

  it('is not offered for entries that are not data frames', () => {
    act(() => {
      liveRing.append([makeEntry(9, { opcode: 8, name: 'close', direction: 'out' })]);
      usePanelStore.getState().applied(null);
    });
    render(<RowContextMenu target={{ seq: 9, x: 10, y: 10 }} onClose={() => undefined} />);
    expect(screen.queryByRole('menuitem', { name: /Resend/ })).toBeNull();
  });
});
