import { describe, expect, it } from 'vitest';
import type { CaptureEntry } from '../../shared/capture';
import { entry } from './test-support/timeline-entries';
import { TimelineIndex } from './timeline-index';

/** A stand-in for the panel's entry ring: entries in seq order, the oldest possibly evicted. */
function ringOf(entries: CaptureEntry[]) {
  return { size: () => entries.length, at: (i: number) => entries[i] };
}

describe('TimelineIndex', () => {
  it('ingests only entries newer than the last one it saw when synced from the ring', () => {
    const held = [entry(0, 0), entry(1, 1), entry(2, 2)];
    const index = new TimelineIndex();
    index.syncFrom(ringOf(held));
    expect(index.lastSeq).toBe(2);
    held.push(entry(3, 3, { direction: 'out' }), entry(4, 4));
    const before = index.version;
    index.syncFrom(ringOf(held));
    const lane = index.lane('s1')!;
    expect([lane.incoming.length, lane.outgoing.length]).toEqual([4, 1]);
    expect(index.version).toBeGreaterThan(before);
    index.syncFrom(ringOf(held));
    expect(lane.incoming.length).toBe(4);
  });

  it('collects warnings, error events and failed calls in seq order, and nothing else', () => {
    const index = TimelineIndex.fromEntries([
      entry(0, 0, { kind: 'warning', detail: { warning: 'send-before-open' } }),
      entry(1, 1, { kind: 'result', name: 'success' }),
      entry(2, 2, { kind: 'result', name: 'fail', errorCode: 10 }),
      entry(3, 3, { kind: 'error', errorCode: 7 }),
      entry(4, 4),
    ]);
    expect(index.problemEntries().map((e) => e.seq)).toEqual([0, 2, 3]);
  });

  it('forgets what the ring evicted once enough is stale, and recomputes the time range', () => {
    const held = Array.from({ length: 5000 }, (_, seq) => entry(seq, seq, { connectionId: seq < 2500 ? 'old' : 'new' }));
    const index = new TimelineIndex();
    index.syncFrom(ringOf(held));
    expect(index.range()).toEqual({ first: 0, last: 4999 });
    const afterEviction = held.slice(3000);
    index.syncFrom(ringOf(afterEviction));
    expect(index.lanes().map((lane) => lane.info.key)).toEqual(['new']);
    expect(index.lane('new')!.incoming.length).toBe(2000);
    expect(index.range()).toEqual({ first: 3000, last: 4999 });
  });

  it('sorts late out-of-order times (imported captures) before answering', () => {
    const index = TimelineIndex.fromEntries([entry(0, 50), entry(1, 10), entry(2, 30, { kind: 'warning' }), entry(3, 5, { kind: 'warning' })]);
    const lane = index.lane('s1')!;
    expect([lane.incoming.timeAt(0), lane.incoming.timeAt(1)]).toEqual([10, 50]);
    expect(lane.incoming.seqAt(0)).toBe(1);
    expect(lane.markers.map((m) => m.seq)).toEqual([3, 2]);
  });

  it('starts over on reset', () => {
    const index = TimelineIndex.fromEntries([entry(0, 0), entry(1, 1, { kind: 'error', errorCode: 1 })]);
    index.reset();
    expect([index.lanes(), index.problemEntries(), index.range(), index.lastSeq]).toEqual([[], [], null, -1]);
    index.ingest(entry(0, 0));
    expect(index.lanes()).toHaveLength(1);
  });
});

describe('close markers', () => {
  it('end the lane at the lifecycle close, not at the close frame, and carry the received code', () => {
    const index = TimelineIndex.fromEntries([
      entry(0, 0, { kind: 'lifecycle', name: 'open' }),
      entry(1, 10, { kind: 'frame', name: 'close', opcode: 8, direction: 'out', detail: { code: 1000, reason: '' } }),
      entry(2, 20, { kind: 'lifecycle', name: 'closed', detail: { codeReceived: 4000, reasonReceived: 'bye', codeSent: 1000 } }),
    ]);
    const lane = index.lane('s1')!;
    expect(lane.info.closedAt).toBe(20);
    expect(lane.markers.map((m) => [m.kind, m.code])).toEqual([
      ['open', undefined],
      ['close', 1000],
      ['close', 4000],
    ]);
  });
});

describe('lanes of entries without a connection', () => {
  const call = (seq: number, time: number, callId: number) =>
    entry(seq, time, { kind: 'call', name: 'connectSocket', connectionId: '', direction: 'none', opcode: undefined, detail: { callId, options: { url: 'ws://127.0.0.1:1/' } } });
  const result = (seq: number, time: number, callId: number, connectionId: string, errorCode?: number) =>
    entry(seq, time, { kind: 'result', name: 'connectSocket', connectionId, direction: 'none', opcode: undefined, detail: { callId, ok: errorCode === undefined }, ...(errorCode !== undefined ? { errorCode } : {}) });

  it('moves a connectSocket call, and the warnings it raised, to the lane of the connection its answer names', () => {
    const index = TimelineIndex.fromEntries([
      call(0, 0, 1),
      entry(1, 0.5, { kind: 'warning', name: 'insecure-ws', connectionId: '', direction: 'none', opcode: undefined, detail: { warning: 'insecure-ws' } }),
      entry(2, 1, { kind: 'lifecycle', name: 'connecting', connectionId: 't1', direction: 'none', opcode: undefined, detail: { url: 'ws://127.0.0.1:1/' } }),
      result(3, 2, 1, 't1'),
      entry(4, 3, { kind: 'warning', name: 'task-limit', connectionId: '', direction: 'none', opcode: undefined, detail: { warning: 'task-limit' } }),
    ]);
    expect(index.lanes().map((lane) => lane.info.key)).toEqual(['t1', 'client:app-1']);
    expect(index.lane('t1')!.markers.map((m) => [m.seq, m.kind])).toEqual([
      [0, 'call'],
      [1, 'warning'],
      [2, 'lifecycle'],
    ]);
    expect(index.lane('client:app-1')!.markers.map((m) => m.seq)).toEqual([4]);
    expect(index.lane('t1')!.info.firstTime).toBe(0);
  });

  it('keeps a failed connectSocket and its error on the client lane, with no URL label', () => {
    const index = TimelineIndex.fromEntries([call(0, 0, 1), result(1, 1, 1, '', 5)]);
    const lane = index.lane('client:app-1')!;
    expect(lane.markers.map((m) => [m.kind, m.code])).toEqual([
      ['call', undefined],
      ['error', 5],
    ]);
    expect(lane.info.url).toBe('');
  });

  it('puts engine entries about a client on that client lane, and the rest on the engine lane', () => {
    const index = TimelineIndex.fromEntries([
      entry(0, 0, { kind: 'lifecycle', name: 'client-attached', clientId: '', connectionId: '', direction: 'none', opcode: undefined, detail: { clientId: 'app-3' } }),
      entry(1, 1, { kind: 'warning', name: 'invalid-settings', clientId: '', connectionId: '', direction: 'none', opcode: undefined, detail: { warning: 'invalid-settings' } }),
    ]);
    expect(index.lanes().map((lane) => [lane.info.key, lane.info.clientId])).toEqual([
      ['client:app-3', 'app-3'],
      ['engine', ''],
    ]);
  });
});
