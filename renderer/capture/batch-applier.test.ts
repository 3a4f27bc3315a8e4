import { describe, expect, it } from 'vitest';
import type { CaptureStats } from '../../shared/capture';
import type { PanelRequest } from '../../shared/panel-wire';
import { createBatchApplier, type FrameScheduler } from './batch-applier';
import { createEntryRing } from './entry-ring';
import { makeEntries, makeEntry } from './test-support/make-entry';

const stats = (total: number): CaptureStats => ({ total, dropped: 0, held: total, capacity: 1000, cleared: 0 });

/** A fake animation-frame clock: frames run only when the test says so. */
function fakeFrames() {
  let frames: (() => void)[] = [];
  let fallbacks = new Map<number, () => void>();
  let nextHandle = 1;
  let time = 0;
  const delays = new Map<number, number>();
  const scheduler: FrameScheduler = {
    now: () => time,
    requestFrame(callback) {
      frames.push(callback);
      return frames.length;
    },
    setFallback(callback, ms) {
      const handle = nextHandle++;
      fallbacks.set(handle, callback);
      delays.set(handle, time + ms);
      return handle;
    },
    cancelFallback(handle) {
      fallbacks.delete(handle as number);
    },
  };
  return {
    scheduler,
    runFrame() {
      const due = frames;
      frames = [];
      due.forEach((callback) => callback());
    },
    runFallbacks() {
      const due = [...fallbacks.values()];
      fallbacks = new Map();
      due.forEach((callback) => callback());
    },
    pendingFrames: () => frames.length,
    /** Moves the clock and runs the timers that came due. */
    advance(ms: number) {
      time += ms;
      for (const [handle, callback] of [...fallbacks]) {
        if ((delays.get(handle) ?? Infinity) > time) continue;
        fallbacks.delete(handle);
        callback();
      }
    },
  };
}

function setup() {
  const ring = createEntryRing(100_000);
  const sent: PanelRequest[] = [];
  const updates: (CaptureStats | null)[] = [];
  const frames = fakeFrames();
  let cleared = 0;
  const applier = createBatchApplier({
    ring,
    transport: { send: (request) => sent.push(request) },
    onFrame: (latest) => updates.push(latest),
    onCleared: () => (cleared += 1),
    scheduler: frames.scheduler,
  });
  return { ring, sent, updates, frames, applier, cleared: () => cleared };
}

describe('batch applier', () => {
  it('applies many batches in one frame with exactly one store update', () => {
    const { ring, updates, frames, applier } = setup();
    for (let batch = 0; batch < 10; batch += 1) {
      applier.handle({ kind: 'batch', entries: makeEntries(batch * 50, 50), skipped: 0, stats: stats((batch + 1) * 50) });
    }
    expect(ring.size()).toBe(500);
    expect(updates).toHaveLength(0);
    expect(frames.pendingFrames()).toBe(1);
    frames.runFrame();
    expect(updates).toEqual([stats(500)]);
    frames.runFrame();
    expect(updates).toHaveLength(1);
    frames.advance(1000);
    applier.handle({ kind: 'batch', entries: makeEntries(500, 1), skipped: 0, stats: stats(501) });
    frames.runFrame();
    expect(updates).toHaveLength(2);
    expect(applier.counters()).toMatchObject({ applied: 501, flushes: 2 });
  });

  it('paces store updates during a flood, and goes back to every frame when it ends', () => {
    const { updates, frames, applier } = setup();
    let seq = 0;
    const batch = (count: number) => {
      applier.handle({ kind: 'batch', entries: makeEntries(seq, count), skipped: 0, stats: stats(seq + count) });
      seq += count;
    };
    batch(300);
    frames.runFrame();
    expect(updates).toHaveLength(1);
    // A flood update: the next one waits for the pacing interval, then for an animation frame.
    batch(300);
    frames.runFrame();
    expect(updates).toHaveLength(1);
    frames.advance(50);
    frames.runFrame();
    expect(updates).toHaveLength(1);
    frames.advance(50);
    expect(updates).toHaveLength(1);
    frames.runFrame();
    expect(updates).toHaveLength(2);
    // That update carried 300 entries, so the next is paced too; a trickle after it is not.
    batch(10);
    frames.advance(100);
    frames.runFrame();
    expect(updates).toHaveLength(3);
    batch(10);
    frames.runFrame();
    expect(updates).toHaveLength(4);
    expect(applier.counters()).toMatchObject({ applied: 620, flushes: 4 });
  });

  it('spaces flood updates further apart when an update took long to render, and back when it is quick again', () => {
    const { updates, frames, applier } = setup();
    let seq = 0;
    const batch = (count: number) => {
      applier.handle({ kind: 'batch', entries: makeEntries(seq, count), skipped: 0, stats: stats(seq + count) });
      seq += count;
    };
    /** Runs frames every 10 ms until the next store update; returns how long after the last one it came (`elapsed` ms had passed). */
    const nextUpdateAfter = (elapsed: number) => {
      const before = updates.length;
      let waited = 0;
      while (updates.length === before && waited < 5000) {
        frames.advance(10);
        waited += 10;
        frames.runFrame();
      }
      return waited + elapsed;
    };
    batch(300);
    frames.runFrame();
    // The frame after that flood update is rendered 200 ms later (a busy machine): the next waits 3 × 200 ms.
    frames.advance(200);
    frames.runFrame();
    batch(300);
    expect(nextUpdateAfter(200)).toBe(600);
    // This update's frame came 10 ms later: back to the 100 ms floor.
    frames.advance(10);
    frames.runFrame();
    batch(300);
    expect(nextUpdateAfter(10)).toBe(100);
    // However slow, at least one update a second: a 400 ms frame makes the next wait 1000 ms, not 1200.
    frames.advance(400);
    frames.runFrame();
    batch(300);
    expect(nextUpdateAfter(400)).toBe(1000);
  });

  it('acks the last seq of every batch after its entries are in the ring', () => {
    const ring = createEntryRing(100);
    const frames = fakeFrames();
    const acks: { seq: number; held: number }[] = [];
    const applier = createBatchApplier({
      ring,
      transport: { send: (request) => request.kind === 'ack' && acks.push({ seq: request.seq, held: ring.size() }) },
      onFrame: () => undefined,
      scheduler: frames.scheduler,
    });
    applier.handle({ kind: 'batch', entries: makeEntries(0, 3), skipped: 0, stats: stats(3) });
    applier.handle({ kind: 'batch', entries: makeEntries(3, 4), skipped: 0, stats: stats(7) });
    expect(acks).toEqual([
      { seq: 2, held: 3 },
      { seq: 6, held: 7 },
    ]);
  });

  it('preserves order and ignores a replay of entries already held', () => {
    const { ring, applier } = setup();
    applier.handle({ kind: 'batch', entries: makeEntries(0, 5), skipped: 0, stats: stats(5) });
    applier.handle({ kind: 'batch', entries: makeEntries(3, 5), skipped: 0, stats: stats(8) });
    applier.handle({ kind: 'batch', entries: [makeEntry(9), makeEntry(8), makeEntry(10)], skipped: 0, stats: stats(11) });
    const held: number[] = [];
    ring.forEach((entry) => held.push(entry.seq));
    expect(held).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 9, 10]);
    expect(applier.counters().duplicates).toBe(3);
  });

  it('counts skipped entries and sends no ack for an empty batch', () => {
    const { ring, sent, applier } = setup();
    applier.handle({ kind: 'batch', entries: [], skipped: 40, stats: stats(40) });
    expect(ring.skipped()).toBe(40);
    expect(sent).toEqual([]);
  });

  it('empties the ring on cleared and still updates the store once', () => {
    const { ring, updates, frames, applier, cleared } = setup();
    applier.handle({ kind: 'batch', entries: makeEntries(0, 5), skipped: 0, stats: stats(5) });
    const clearedStats = { ...stats(5), held: 0, cleared: 5 };
    applier.handle({ kind: 'cleared', stats: clearedStats });
    expect(ring.size()).toBe(0);
    expect(cleared()).toBe(1);
    frames.runFrame();
    expect(updates).toEqual([clearedStats]);
    applier.handle({ kind: 'batch', entries: makeEntries(5, 2), skipped: 0, stats: stats(7) });
    expect(ring.at(0)?.seq).toBe(5);
  });

  it('flushes through the fallback timer when no animation frame comes (hidden page)', () => {
    const { updates, frames, applier } = setup();
    applier.handle({ kind: 'batch', entries: makeEntries(0, 2), skipped: 0, stats: stats(2) });
    frames.runFallbacks();
    expect(updates).toHaveLength(1);
    frames.runFrame(); // the frame that finally comes finds nothing left to do
    expect(updates).toHaveLength(1);
  });

  it('leaves other message kinds alone', () => {
    const { applier, frames } = setup();
    expect(applier.handle({ kind: 'reply', requestId: 1, ok: false, error: 'x' })).toBe(false);
    expect(frames.pendingFrames()).toBe(0);
  });
});

describe('batch applier, drops before subscribing', () => {
  it('counts entries the engine evicted before the first batch as never delivered', () => {
    const { ring, applier } = setup();
    applier.handle({ kind: 'batch', entries: makeEntries(300, 2), skipped: 0, stats: { total: 302, dropped: 300, held: 2, capacity: 2, cleared: 0 } });
    expect(ring.skipped()).toBe(300);
    applier.handle({ kind: 'batch', entries: makeEntries(305, 1), skipped: 3, stats: { total: 306, dropped: 304, held: 2, capacity: 2, cleared: 0 } });
    expect(ring.skipped()).toBe(303);
  });
});
