import { describe, expect, it } from 'vitest';
import { OPCODE } from '../../shared/capture';
import { entry } from './test-support/timeline-entries';
import { hitTestTimeline } from './timeline-hit-test';
import { TimelineIndex } from './timeline-index';
import { DEFAULT_LAYOUT_OPTIONS, layoutTimeline } from './timeline-layout';
import { fitViewport } from './timeline-viewport';

/** A connection s1 on app-1, a task t2 that fails with 7, and a call made with no connection. */
function sampleIndex(): TimelineIndex {
  return TimelineIndex.fromEntries([
    entry(0, 0, { kind: 'call', name: 'connectSocket', direction: 'none', opcode: undefined, detail: { url: 'ws://127.0.0.1:1/echo' } }),
    entry(1, 1, { kind: 'result', name: 'success', direction: 'none', opcode: undefined }),
    entry(2, 20, { kind: 'lifecycle', name: 'open', direction: 'none', opcode: undefined }),
    entry(3, 30, { direction: 'out' }),
    entry(4, 31, { direction: 'in' }),
    entry(5, 32, { direction: 'in' }),
    entry(6, 40, { kind: 'call', name: 'connectSocket', connectionId: 't2', direction: 'none', opcode: undefined, detail: { options: { url: 'wss://127.0.0.1:2/self-signed', multiple: true } } }),
    entry(7, 60, { kind: 'error', name: 'error', connectionId: 't2', direction: 'none', opcode: undefined, errorCode: 7, cause: 'DEPTH_ZERO_SELF_SIGNED_CERT' }),
    entry(8, 61, { kind: 'lifecycle', name: 'closed', connectionId: 't2', direction: 'none', opcode: undefined, detail: { code: 1006 } }),
    entry(9, 70, { kind: 'call', name: 'sendSocketMessage', clientId: 'app-2', connectionId: '', direction: 'none', opcode: undefined }),
    entry(10, 71, { kind: 'result', name: 'fail', clientId: 'app-2', connectionId: '', direction: 'none', opcode: undefined, errorCode: 10 }),
    entry(11, 80, { kind: 'warning', name: 'warning', direction: 'none', opcode: undefined, detail: { warning: 'listener-pileup' } }),
    entry(12, 90, { kind: 'frame', name: 'ping', direction: 'in', opcode: OPCODE.ping }),
  ]);
}

describe('layoutTimeline', () => {
  it('gives one lane per connection, labelled with its URL, then one thin lane for everything without a connection', () => {
    const index = sampleIndex();
    const layout = layoutTimeline(index, fitViewport(index.range(), 1000));
    expect(layout.lanes.map((lane) => [lane.key, lane.url])).toEqual([
      ['s1', 'ws://127.0.0.1:1/echo'],
      ['t2', 'wss://127.0.0.1:2/self-signed'],
      ['no-connection', ''],
    ]);
    expect(layout.lanes.map((lane) => lane.top)).toEqual([24, 68, 112]);
    expect(layout.lanes.map((lane) => lane.height)).toEqual([44, 44, 22]);
    expect(layout.height).toBe(24 + 2 * 44 + 22);
    expect(layout.lanes.map((lane) => lane.live)).toEqual([true, false, true]);
  });

  it('folds the calls of several clients and the engine\'s own entries into that one lane', () => {
    const index = TimelineIndex.fromEntries([
      entry(0, 0, { kind: 'lifecycle', name: 'client-attached', clientId: '', connectionId: '', direction: 'none', opcode: undefined, detail: { clientId: 'panel' } }),
      entry(1, 5, { kind: 'call', name: 'onSocketOpen', clientId: 'panel', connectionId: '', direction: 'none', opcode: undefined }),
      entry(2, 9, { kind: 'call', name: 'onSocketOpen', clientId: 'app-1', connectionId: '', direction: 'none', opcode: undefined }),
      entry(3, 12, { kind: 'lifecycle', name: 'settings', clientId: '', connectionId: '', direction: 'none', opcode: undefined }),
      entry(4, 20, { direction: 'out' }),
    ]);
    const layout = layoutTimeline(index, fitViewport(index.range(), 1000));
    expect(layout.lanes.map((lane) => [lane.kind, lane.key])).toEqual([
      ['connection', 's1'],
      ['no-connection', 'no-connection'],
    ]);
    expect(layout.lanes[1]?.clientId.split(', ').sort()).toEqual(['app-1', 'engine', 'panel']);
    expect(layout.markers.filter((marker) => marker.lane === 1).map((marker) => marker.seq).sort()).toEqual([0, 1, 2, 3]);
  });

  it('places markers for calls, open, errors with their code, warnings and closes with their code', () => {
    const index = sampleIndex();
    const layout = layoutTimeline(index, fitViewport(index.range(), 1000));
    const summary = layout.markers.map((m) => `${m.lane}:${m.kind}:${m.code ?? ''}:${m.seq}`);
    expect(summary.sort()).toEqual(
      ['0:call::0', '0:open::2', '0:warning::11', '1:call::6', '1:error:7:7', '1:close:1006:8', '2:error:10:10'].sort(),
    );
    // Errors are drawn last, so they stay on top of anything they overlap.
    expect(layout.markers.at(-1)?.kind).toBe('error');
  });

  it('counts message frames per pixel bucket and per direction, ignoring control frames', () => {
    const index = sampleIndex();
    const layout = layoutTimeline(index, fitViewport(index.range(), 1000));
    const s1 = layout.buckets.filter((b) => b.lane === 0);
    expect(s1.reduce((n, b) => n + b.incoming, 0)).toBe(2);
    expect(s1.reduce((n, b) => n + b.outgoing, 0)).toBe(1);
    expect(Math.min(...s1.map((b) => b.firstSeq))).toBe(3);
    expect(layout.buckets.filter((b) => b.lane !== 0)).toEqual([]);
  });

  it('collapses markers of one kind and code that fall into the same few pixels, keeping the first seq', () => {
    const entries = Array.from({ length: 50 }, (_, i) =>
      entry(i, 1000 + i * 0.01, { kind: 'warning', name: 'warning', direction: 'none', opcode: undefined, detail: { warning: 'no-listeners' } }),
    );
    entries.push(entry(50, 1000.2, { kind: 'error', name: 'error', direction: 'none', opcode: undefined, errorCode: 1 }));
    const layout = layoutTimeline(TimelineIndex.fromEntries(entries), { start: 0, end: 10_000, width: 1000 });
    expect(layout.markers.map((m) => [m.kind, m.count, m.seq])).toEqual([
      ['warning', 50, 0],
      ['error', 1, 50],
    ]);
  });

  it('keeps every marker apart once zoomed in far enough', () => {
    const entries = Array.from({ length: 5 }, (_, i) => entry(i, i * 10, { kind: 'warning', direction: 'none', opcode: undefined }));
    const layout = layoutTimeline(TimelineIndex.fromEntries(entries), { start: 0, end: 50, width: 1000 });
    expect(layout.markers.map((m) => Math.round(m.x))).toEqual([0, 200, 400, 600, 800]);
  });

  it('lays out only what is visible: markers outside the window are left out, lanes keep their rows', () => {
    const index = sampleIndex();
    const layout = layoutTimeline(index, { start: 50, end: 65, width: 300 });
    expect(layout.lanes).toHaveLength(3);
    expect(layout.markers.map((m) => m.seq).sort()).toEqual([7, 8]);
    expect(layout.buckets).toEqual([]);
  });

  it('handles a million frames: counts add up exactly and output stays bounded by the pixel width', () => {
    const index = new TimelineIndex();
    const total = 1_000_000;
    for (let seq = 0; seq < total; seq += 1) {
      index.ingest(entry(seq, seq / 20, { connectionId: seq % 4 === 0 ? 't9' : 's1', direction: seq % 3 === 0 ? 'out' : 'in' }));
    }
    const layout = layoutTimeline(index, fitViewport(index.range(), 1200));
    const counted = layout.buckets.reduce((n, b) => n + b.incoming + b.outgoing, 0);
    expect(counted).toBe(total);
    expect(layout.buckets.length).toBeLessThanOrEqual(2 * (1200 / DEFAULT_LAYOUT_OPTIONS.bucketPx));
    expect(layout.lanes.map((lane) => lane.key)).toEqual(['t9', 's1']);
    const zoomed = layoutTimeline(index, { start: 1000, end: 1001, width: 1200 });
    expect(zoomed.buckets.reduce((n, b) => n + b.incoming + b.outgoing, 0)).toBe(20);
  });
});

describe('hitTestTimeline', () => {
  it('finds the marker under the pointer, preferring an error over a nearby call', () => {
    const index = TimelineIndex.fromEntries([
      entry(0, 100, { kind: 'call', name: 'connectSocket', direction: 'none', opcode: undefined }),
      entry(1, 101, { kind: 'error', name: 'error', direction: 'none', opcode: undefined, errorCode: 6 }),
      entry(2, 500, { direction: 'in' }),
    ]);
    const layout = layoutTimeline(index, { start: 0, end: 1000, width: 1000 });
    const laneMiddle = layout.lanes[0]!.top + 20;
    const hit = hitTestTimeline(layout, 100, laneMiddle);
    expect(hit?.kind === 'marker' && [hit.marker.kind, hit.marker.seq, hit.marker.code]).toEqual(['error', 1, 6]);
    const onBucket = hitTestTimeline(layout, 501, laneMiddle);
    expect(onBucket?.kind === 'bucket' && onBucket.bucket.firstSeq).toBe(2);
    expect(hitTestTimeline(layout, 800, laneMiddle)?.kind).toBe('lane');
    expect(hitTestTimeline(layout, 100, 5)).toBeNull();
    expect(hitTestTimeline(layout, 100, layout.height + 5)).toBeNull();
  });
});
