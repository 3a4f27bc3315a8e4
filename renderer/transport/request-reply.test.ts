import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PanelMessage, PanelRequest } from '../../shared/panel-wire';
import { makeEntry } from '../capture/test-support/make-entry';
import { createRequestReplier } from './request-reply';

function fakeTransport() {
  const sent: PanelRequest[] = [];
  const listeners = new Set<(message: PanelMessage) => void>();
  return {
    sent,
    deliver: (message: PanelMessage) => listeners.forEach((listener) => listener(message)),
    transport: {
      send: (request: PanelRequest) => sent.push(request),
      onMessage(listener: (message: PanelMessage) => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
  };
}

afterEach(() => vi.useRealTimers());

describe('request replier', () => {
  it('routes each reply to its request by id', async () => {
    const { sent, deliver, transport } = fakeTransport();
    const replier = createRequestReplier(transport);
    const entry = replier.request({ kind: 'get-entry', seq: 4 });
    const har = replier.request({ kind: 'export', format: 'har' });
    expect(sent).toEqual([
      { kind: 'get-entry', seq: 4, requestId: 1 },
      { kind: 'export', format: 'har', requestId: 2 },
    ]);
    deliver({ kind: 'reply', requestId: 2, ok: true, body: '{"log":{}}' });
    deliver({ kind: 'reply', requestId: 1, ok: true, body: makeEntry(4) });
    await expect(har).resolves.toBe('{"log":{}}');
    await expect(entry).resolves.toMatchObject({ seq: 4 });
  });

  it('rejects with the engine error, on timeout, and on dispose', async () => {
    vi.useFakeTimers();
    const { deliver, transport } = fakeTransport();
    const replier = createRequestReplier(transport, 1000);
    const failing = replier.request({ kind: 'get-entry', seq: 9 });
    deliver({ kind: 'reply', requestId: 1, ok: false, error: 'entry 9 is no longer held' });
    await expect(failing).rejects.toThrow('entry 9 is no longer held');
    const slow = replier.request({ kind: 'export', format: 'jsonl' });
    vi.advanceTimersByTime(1001);
    await expect(slow).rejects.toThrow('did not answer the export request');
    const pending = replier.request({ kind: 'export', format: 'har' });
    replier.dispose();
    await expect(pending).rejects.toThrow('the panel link closed');
  });
});
