import { setImmediate as settle } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createCaptureLog } from './capture-log';
import type { BatchMessage, CaptureStreamMessage, SubscriptionTimers } from './capture-subscription';
import { createCaptureSubscription } from './capture-subscription';
import type { NewCaptureEntry } from './ports';

const text = (payload: string): NewCaptureEntry => ({
  clientId: 'app-1', connectionId: 's1', kind: 'frame', name: 'text', direction: 'in', opcode: 1, size: payload.length, payload,
});
const lifecycle = (name: string): NewCaptureEntry => ({
  clientId: 'app-1', connectionId: 's1', kind: 'lifecycle', name, direction: 'none', size: 0,
});

/** Timers that fire only when the test says so. */
function manualTimers() {
  const armed = new Map<number, { callback: () => void; ms: number }>();
  const delays: number[] = [];
  let nextId = 0;
  const timers: SubscriptionTimers = {
    setTimeout(callback, ms) {
      nextId += 1;
      armed.set(nextId, { callback, ms });
      delays.push(ms);
      return nextId;
    },
    clearTimeout(handle) {
      armed.delete(handle as number);
    },
  };
  return {
    timers,
    delays,
    armedCount: () => armed.size,
    fire() {
      const due = [...armed.values()];
      armed.clear();
      due.forEach((t) => t.callback());
    },
  };
}

function recorder() {
  const messages: CaptureStreamMessage[] = [];
  const batches = () => messages.filter((m): m is BatchMessage => m.kind === 'batch');
  const seqs = () => batches().flatMap((b) => b.entries.map((e) => e.seq));
  return { messages, batches, seqs, sink: (m: CaptureStreamMessage) => void messages.push(m) };
}

describe('capture subscription', () => {
  it('replays what the ring holds on subscribe, in one batch, after the current task', async () => {
    const log = createCaptureLog({ capacity: 100 });
    for (let i = 0; i < 5; i += 1) log.append(text(`m${i}`));
    const out = recorder();
    const clock = manualTimers();
    createCaptureSubscription(log, out.sink, { timers: clock.timers });
    expect(out.messages).toHaveLength(0);
    await settle();
    expect(out.batches()).toHaveLength(1);
    expect(out.batches()[0]).toMatchObject({ kind: 'batch', skipped: 0, stats: { total: 5, held: 5, dropped: 0 } });
    expect(out.batches()[0]?.entries.map((e) => e.payload)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
  });

  it('arms one timer on the first pending entry and does not push it back under constant load', async () => {
    const log = createCaptureLog({ capacity: 100 });
    const out = recorder();
    const clock = manualTimers();
    createCaptureSubscription(log, out.sink, { timers: clock.timers, waitMs: 16 });
    for (let i = 0; i < 10; i += 1) {
      log.append(text(`m${i}`));
      await settle();
    }
    expect(out.batches()).toHaveLength(0);
    expect(clock.delays).toEqual([16]);
    clock.fire();
    expect(out.batches()).toHaveLength(1);
    expect(out.seqs()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    log.append(text('again'));
    expect(clock.delays).toEqual([16, 16]);
  });

  it('flushes at maxEntries without waiting for the timer, never exceeding it per batch', async () => {
    const log = createCaptureLog({ capacity: 1000 });
    const out = recorder();
    const clock = manualTimers();
    createCaptureSubscription(log, out.sink, { timers: clock.timers, maxEntries: 10 });
    for (let i = 0; i < 9; i += 1) log.append(text(`m${i}`));
    await settle();
    expect(out.batches()).toHaveLength(0);
    log.append(text('m9'));
    await settle();
    expect(out.batches().map((b) => b.entries.length)).toEqual([10]);
    for (let i = 10; i < 35; i += 1) log.append(text(`m${i}`));
    await settle();
    expect(out.batches().map((b) => b.entries.length)).toEqual([10, 10, 10, 5]);
    expect(out.seqs()).toEqual(Array.from({ length: 35 }, (_, i) => i));
  });

  it('flushes at maxBytes of preview payload', async () => {
    const log = createCaptureLog({ capacity: 1000 });
    const out = recorder();
    const clock = manualTimers();
    createCaptureSubscription(log, out.sink, { timers: clock.timers, maxBytes: 250 });
    log.append(text('x'.repeat(100)));
    log.append(text('x'.repeat(100)));
    await settle();
    expect(out.batches()).toHaveLength(0);
    log.append(text('x'.repeat(100)));
    await settle();
    expect(out.batches().map((b) => b.entries.length)).toEqual([3]);
  });

  it('flushes lifecycle, error, warning and control-frame entries at once, with what was pending before them', async () => {
    const log = createCaptureLog({ capacity: 1000 });
    const out = recorder();
    const clock = manualTimers();
    createCaptureSubscription(log, out.sink, { timers: clock.timers });
    log.append(text('before'));
    log.append(lifecycle('closed'));
    await settle();
    expect(out.batches().map((b) => b.entries.map((e) => e.name))).toEqual([['text', 'closed']]);
    expect(clock.armedCount()).toBe(0);
    const urgent: NewCaptureEntry[] = [
      { ...lifecycle('x'), kind: 'error', errorCode: 1 },
      { ...lifecycle('x'), kind: 'warning' },
      { ...text(''), name: 'close', opcode: 8 },
    ];
    for (const entry of urgent) {
      log.append(entry);
      await settle();
    }
    expect(out.batches()).toHaveLength(4);
    log.append({ ...lifecycle('x'), kind: 'call', name: 'sendSocketMessage' });
    await settle();
    expect(out.batches()).toHaveLength(4);
  });

  it('cuts long payloads to a preview flagged previewOnly, leaving the ring entry whole', async () => {
    const log = createCaptureLog({ capacity: 10 });
    log.append(text('a'.repeat(3000)));
    log.append(text('short'));
    const out = recorder();
    createCaptureSubscription(log, out.sink, { timers: manualTimers().timers, previewChars: 1024 });
    await settle();
    const [long, short] = out.batches()[0]?.entries ?? [];
    expect(long?.payload).toHaveLength(1024);
    expect(long?.previewOnly).toBe(true);
    expect(long?.size).toBe(3000);
    expect(short).toMatchObject({ payload: 'short' });
    expect(short?.previewOnly).toBeUndefined();
    expect(log.get(0)?.payload).toHaveLength(3000);
  });

  it('stops at maxInFlight unacked batches and resumes from the cursor on ack, losing nothing', async () => {
    const log = createCaptureLog({ capacity: 10_000 });
    const out = recorder();
    const subscription = createCaptureSubscription(log, out.sink, { timers: manualTimers().timers, maxEntries: 5, maxInFlight: 2 });
    for (let i = 0; i < 30; i += 1) log.append(text(`m${i}`));
    await settle();
    expect(out.seqs()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(subscription.inFlight()).toBe(2);
    for (let i = 30; i < 40; i += 1) log.append(text(`m${i}`));
    await settle();
    expect(out.batches()).toHaveLength(2);
    subscription.ack(4);
    await settle();
    expect(out.batches()).toHaveLength(3);
    expect(out.seqs().at(-1)).toBe(14);
    subscription.ack(2); // an old ack frees nothing
    await settle();
    expect(out.batches()).toHaveLength(3);
    for (let round = 0; round < 20 && out.seqs().length < 40; round += 1) {
      subscription.ack(out.seqs().at(-1) ?? 0);
      await settle();
    }
    expect(out.seqs()).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(out.batches().every((b) => b.skipped === 0)).toBe(true);
    expect(out.batches().flatMap((b) => b.entries.map((e) => e.payload))).toEqual(Array.from({ length: 40 }, (_, i) => `m${i}`));
  });

  it('reports exactly how many entries the ring evicted during a stall', async () => {
    const log = createCaptureLog({ capacity: 20 });
    const out = recorder();
    const subscription = createCaptureSubscription(log, out.sink, { timers: manualTimers().timers, maxEntries: 5, maxInFlight: 1 });
    for (let i = 0; i < 5; i += 1) log.append(text(`m${i}`));
    await settle();
    expect(out.seqs()).toEqual([0, 1, 2, 3, 4]);
    for (let i = 5; i < 105; i += 1) log.append(text(`m${i}`)); // stalled: ring keeps 85..104
    await settle();
    expect(out.batches()).toHaveLength(1);
    subscription.ack(4);
    await settle();
    expect(out.batches()[1]).toMatchObject({ skipped: 80, stats: { total: 105, dropped: 85, held: 20 } });
    expect(out.batches()[1]?.entries.map((e) => e.seq)).toEqual([85, 86, 87, 88, 89]);
    for (let round = 0; round < 10 && out.seqs().at(-1) !== 104; round += 1) {
      subscription.ack(out.seqs().at(-1) ?? 0);
      await settle();
    }
    const skipped = out.batches().reduce((sum, b) => sum + b.skipped, 0);
    expect(skipped).toBe(80);
    expect(out.seqs().length + skipped).toBe(105);
    expect(out.seqs()).toEqual([0, 1, 2, 3, 4, ...Array.from({ length: 20 }, (_, i) => 85 + i)]);
  });

  it('on clear drops what is pending without counting it as skipped, emits cleared, and continues after it', async () => {
    const log = createCaptureLog({ capacity: 100 });
    const out = recorder();
    const clock = manualTimers();
    createCaptureSubscription(log, out.sink, { timers: clock.timers, maxInFlight: 1 });
    log.append(lifecycle('open'));
    await settle();
    log.append(text('pending-1'));
    log.append(text('pending-2'));
    log.clear();
    expect(out.messages.at(-1)).toEqual({ kind: 'cleared', stats: { total: 3, dropped: 0, held: 0, capacity: 100, cleared: 3 } });
    clock.fire();
    await settle();
    expect(out.batches()).toHaveLength(1);
    log.append(lifecycle('closed')); // credit was reset by the clear although batch 0 was never acked
    await settle();
    expect(out.batches()[1]).toMatchObject({ skipped: 0 });
    expect(out.batches()[1]?.entries.map((e) => e.seq)).toEqual([3]);
  });

  it('emits cleared even when the log was already empty', () => {
    const log = createCaptureLog({ capacity: 10 });
    const out = recorder();
    createCaptureSubscription(log, out.sink, { timers: manualTimers().timers });
    log.clear();
    expect(out.messages).toEqual([{ kind: 'cleared', stats: { total: 0, dropped: 0, held: 0, capacity: 10, cleared: 0 } }]);
  });

  it('close cancels its timer and stops all output', async () => {
    const log = createCaptureLog({ capacity: 10 });
    const out = recorder();
    const clock = manualTimers();
    const subscription = createCaptureSubscription(log, out.sink, { timers: clock.timers });
    log.append(text('a'));
    expect(clock.armedCount()).toBe(1);
    subscription.close();
    expect(clock.armedCount()).toBe(0);
    log.append(lifecycle('closed'));
    log.clear();
    subscription.ack(100);
    await settle();
    expect(out.messages).toHaveLength(0);
  });

  it('stops streaming, without throwing into the log, when its sink throws', async () => {
    const log = createCaptureLog({ capacity: 10 });
    let calls = 0;
    createCaptureSubscription(log, () => {
      calls += 1;
      throw new Error('port closed');
    }, { timers: manualTimers().timers });
    log.append(lifecycle('open'));
    await settle();
    expect(() => log.append(lifecycle('closed'))).not.toThrow();
    await settle();
    expect(calls).toBe(1);
  });

  it('flushes on real timers within the default wait', async () => {
    const log = createCaptureLog({ capacity: 10 });
    const out = recorder();
    const subscription = createCaptureSubscription(log, out.sink);
    log.append(text('hello'));
    await expect.poll(() => out.batches().length).toBeGreaterThan(0);
    subscription.close();
    expect(out.batches()[0]?.entries.map((e) => e.payload)).toEqual(['hello']);
  });
});
