import { describe, expect, it } from 'vitest';
import type { PanelMessage, PanelRequest, PanelTransport } from '../../shared/panel-wire';
import { createPanelMy } from './panel-my';

/** The panel end of a link whose other end the test plays: requests are recorded, messages pushed in. */
function scriptedLink() {
  const sent: PanelRequest[] = [];
  const listeners: ((message: PanelMessage) => void)[] = [];
  const transport: PanelTransport = {
    send: (request) => sent.push(structuredClone(request)),
    onMessage: (listener) => {
      listeners.push(listener);
      return () => listeners.splice(listeners.indexOf(listener), 1);
    },
  };
  const push = (message: PanelMessage) => listeners.forEach((listener) => listener(structuredClone(message)));
  return { transport, sent, push };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the panel my', () => {
  it('wraps each ClientMessage in { kind: "my" } on the panel link', async () => {
    const link = scriptedLink();
    const my = createPanelMy(link.transport);
    my.onSocketOpen(() => undefined);
    my.connectSocket({ url: 'ws://127.0.0.1:1/echo', header: { 'x-a': '1' } });
    await settle();
    expect(link.sent.every((request) => request.kind === 'my')).toBe(true);
    const messages = link.sent.flatMap((request) => (request.kind === 'my' ? [request.message] : []));
    expect(messages[0]).toMatchObject({ op: 'listen', target: null, event: 'open', action: 'on', count: 1 });
    expect(messages[1]).toMatchObject({ op: 'connect', target: null, options: { url: 'ws://127.0.0.1:1/echo', header: { 'x-a': '1' } } });
  });

  it('unwraps { kind: "my" } replies into callbacks and events, and ignores the other panel messages', async () => {
    const link = scriptedLink();
    const my = createPanelMy(link.transport);
    const seen: string[] = [];
    my.onSocketOpen(() => seen.push('open'));
    my.onSocketClose((event) => seen.push(`close ${event.code}`));
    my.connectSocket({ url: 'ws://127.0.0.1:1/echo', success: () => seen.push('success'), fail: (f) => seen.push(`fail ${f.error}`) });
    await settle();
    const connect = link.sent.map((r) => (r.kind === 'my' ? r.message : null)).find((m) => m?.op === 'connect');
    expect(connect && 'callId' in connect).toBe(true);
    const callId = connect && 'callId' in connect ? connect.callId : -1;
    link.push({ kind: 'cleared', stats: { total: 0, dropped: 0, held: 0, capacity: 10, cleared: 0 } });
    link.push({ kind: 'my', message: { kind: 'result', callId, ok: true, payload: {} } });
    link.push({ kind: 'my', message: { kind: 'event', target: null, payload: { event: 'open' } } });
    link.push({ kind: 'my', message: { kind: 'event', target: null, payload: { event: 'message', data: 'unheard', isBuffer: false } } });
    link.push({ kind: 'my', message: { kind: 'event', target: null, payload: { event: 'close', code: 1000, reason: '' } } });
    await settle();
    expect(seen).toEqual(['success', 'open', 'close 1000']);
    // Only the event no listener heard is reported back (listeners that ran cleanly need no report).
    const reports = link.sent.flatMap((r) => (r.kind === 'my' && r.message.op === 'dispatched' ? [r.message] : []));
    expect(reports.map((r) => [r.event, r.listeners])).toEqual([['message', 0]]);
  });

  it('defaults to single mode: connectSocket without multiple returns no task', () => {
    const my = createPanelMy(scriptedLink().transport);
    expect(my.connectSocket({ url: 'ws://127.0.0.1:1/' })).toBeUndefined();
    expect(my.connectSocket({ url: 'ws://127.0.0.1:1/', multiple: true })).toBeDefined();
  });
});
