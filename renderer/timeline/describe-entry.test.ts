import { describe, expect, it } from 'vitest';
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
});
