import { describe, expect, it } from 'vitest';
import { classifyEntry } from './classify-entry';
import { describeEntry } from './describe-entry';
import { entry } from './test-support/timeline-entries';

describe('describeEntry', () => {
  it('says what calls, lifecycle steps and frames are', () => {
    expect(describeEntry(entry(0, 0, { kind: 'call', name: 'connectSocket', detail: { options: { url: 'ws://127.0.0.1:1/echo' } } }))).toBe('connectSocket ws://127.0.0.1:1/echo');
    expect(describeEntry(entry(0, 0, { kind: 'call', name: 'onSocketOpen' }))).toBe('onSocketOpen()');
    expect(describeEntry(entry(0, 0, { kind: 'lifecycle', name: 'open', detail: { protocol: 'mqtt' } }))).toBe('open (subprotocol mqtt)');
    expect(describeEntry(entry(0, 0, { kind: 'lifecycle', name: 'closed', detail: { codeReceived: 4000, reasonReceived: 'bye', closedFirstBy: 'server' } }))).toBe(
      'closed 4000 "bye", closed first by server',
    );
    expect(describeEntry(entry(0, 0, { kind: 'lifecycle', name: 'handshake-response', detail: { status: 503 } }))).toBe('handshake response HTTP 503');
    expect(describeEntry(entry(0, 0, { kind: 'frame', name: 'close', opcode: 8, direction: 'out', detail: { code: 1000, reason: '' } }))).toBe('close frame sent 1000');
    expect(describeEntry(entry(0, 0, { direction: 'in', size: 12 }))).toBe('received text frame, 12 B');
  });

  it('marks the app going to the background, coming back and losing its sockets there (docs/behaviour.md#app-life-background-and-foreground)', () => {
    const background = entry(0, 0, { kind: 'lifecycle', name: 'app-background', clientId: '', connectionId: '', detail: { reason: 'panel', closeAfterSeconds: 30 } });
    const closed = entry(1, 1, { kind: 'lifecycle', name: 'app-background-close', clientId: '', connectionId: '', detail: { seconds: 30, sockets: 2, code: 1001 } });
    const foreground = entry(2, 2, { kind: 'lifecycle', name: 'app-foreground', clientId: '', connectionId: '', detail: { reason: 'page load', backgroundSeconds: 31.5 } });
    expect([background, closed, foreground].map(classifyEntry)).toEqual([{ role: 'marker', kind: 'app' }, { role: 'marker', kind: 'app' }, { role: 'marker', kind: 'app' }]);
    expect(describeEntry(background)).toBe('app to the background (sockets close after 30 s)');
    expect(describeEntry({ ...background, detail: { reason: 'panel', sockets: 'stay open' } })).toBe('app to the background (sockets stay open)');
    expect(describeEntry(closed)).toBe('app in the background 30 s: 2 socket(s) closed with 1001');
    expect(describeEntry(foreground)).toBe('app to the foreground after 31.5 s (a page load)');
  });
});
