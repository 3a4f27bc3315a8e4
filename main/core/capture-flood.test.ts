import { describe, expect, it } from 'vitest';
import type { CaptureEntry } from '../../shared/capture';
import type { EngineMessage } from '../../shared/my-wire';
import type { PanelMessage } from '../../shared/panel-wire';
import { floodFrame } from '../lab/flood';
import { labPerFile } from '../lab/test-support/lab-per-file';
import { createCaptureLog } from './capture-log';
import { createEngine } from './engine';
import { createPanelSession } from './panel-session';

const FRAMES = 100_000;
const SIZE = 24;

const lab = labPerFile();

/** FNV-1a over the payloads in order: equal sums mean the same texts in the same order. */
function checksum(payloads: Iterable<string>): number {
  let hash = 0x811c9dc5;
  for (const payload of payloads) {
    for (let i = 0; i < payload.length; i += 1) hash = Math.imul(hash ^ payload.charCodeAt(i), 0x01000193) >>> 0;
    hash = Math.imul(hash ^ 0x0a, 0x01000193) >>> 0;
  }
  return hash;
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function floodUrl(count: number, binary = false): string {
  const url = new URL(lab.url('flood'));
  url.search = new URLSearchParams({ count: String(count), size: String(SIZE), rate: '0', close: '1', ...(binary ? { binary: '1' } : {}) }).toString();
  return url.toString();
}

/**
 * Opens a flood through the engine from a mini-app client and watches the capture through a panel session.
 * `acking` decides when the panel acks each batch (it applies them immediately).
 */
function floodThroughEngine(capacity: number, count: number, options: { binary?: boolean } = {}) {
  const engine = createEngine({ capture: createCaptureLog({ capacity }) });
  const app: EngineMessage[] = [];
  const batches: Extract<PanelMessage, { kind: 'batch' }>[] = [];
  let acking = true;
  const session = createPanelSession(engine, (message) => {
    if (message.kind !== 'batch') return;
    batches.push(message);
    const last = message.entries.at(-1)?.seq;
    if (acking && last !== undefined) setImmediate(() => session.receive({ kind: 'ack', seq: last }));
  });
  session.receive({ kind: 'subscribe' });
  const client = engine.attachClient({ origin: 'http://127.0.0.1', send: (message) => void app.push(message) });
  client.receive({ op: 'connect', callId: 1, target: null, options: { url: floodUrl(count, options.binary) } });
  const closed = () => app.some((m) => m.kind === 'event' && m.payload.event === 'close');
  const delivered = () => batches.flatMap((b) => b.entries);
  const lastDelivered = () => batches.at(-1)?.entries.at(-1)?.seq ?? -1;
  return {
    engine,
    app,
    batches,
    delivered,
    closed,
    /** Every entry the capture holds has reached the panel. */
    caughtUp: () => lastDelivered() === engine.capture.nextSeq() - 1,
    stopAcking: () => (acking = false),
    /** Acks what arrived so far: the panel catches up. */
    resumeAcking() {
      acking = true;
      session.receive({ kind: 'ack', seq: lastDelivered() });
    },
    async dispose() {
      session.close();
      await engine.shutdown();
    },
  };
}

const incomingFrames = (entries: CaptureEntry[]) => entries.filter((e) => e.kind === 'frame' && e.direction === 'in' && e.opcode !== 8);

describe('capture under a flood', () => {
  it(`delivers all ${FRAMES.toLocaleString('en')} flood frames complete and in order through batches with acks`, async () => {
    const flood = floodThroughEngine(FRAMES + 1000, FRAMES);
    await waitFor(flood.closed, 'the flood to finish');
    await waitFor(flood.caughtUp, 'the panel to catch up');
    const delivered = flood.delivered();
    expect(delivered.map((e) => e.seq)).toEqual(Array.from({ length: flood.engine.capture.nextSeq() }, (_, i) => i));
    expect(flood.batches.every((b) => b.skipped === 0 && b.entries.length <= 512)).toBe(true);
    const frames = incomingFrames(delivered);
    expect(frames).toHaveLength(FRAMES);
    const expected = Array.from({ length: FRAMES }, (_, seq) => floodFrame(seq, SIZE, false) as string);
    const wrong = frames.findIndex((frame, i) => frame.payload !== expected[i] || frame.size !== SIZE);
    expect(wrong).toBe(-1);
    expect(checksum(frames.map((f) => f.payload ?? ''))).toBe(checksum(expected));
    const appMessages = flood.app.flatMap((m) => (m.kind === 'event' && m.payload.event === 'message' ? [m.payload.data] : []));
    expect(checksum(appMessages)).toBe(checksum(expected));
    expect(flood.engine.capture.stats()).toMatchObject({ dropped: 0, total: delivered.length });
    await flood.dispose();
  }, 180_000);

  it('carries binary flood frames as base64 of the exact bytes', async () => {
    const count = 5_000;
    const flood = floodThroughEngine(count + 1000, count, { binary: true });
    await waitFor(flood.closed, 'the flood to finish');
    await waitFor(flood.caughtUp, 'the panel to catch up');
    const frames = incomingFrames(flood.delivered());
    expect(frames).toHaveLength(count);
    expect(frames.every((f, seq) => f.binary === true && f.opcode === 2 && f.payload === (floodFrame(seq, SIZE, true) as Buffer).toString('base64'))).toBe(true);
    await flood.dispose();
  }, 120_000);

  it('with a ring smaller than the flood, counts every dropped entry exactly and reports each gap as skipped', async () => {
    const capacity = 10_000;
    const flood = floodThroughEngine(capacity, FRAMES);
    flood.stopAcking(); // the panel stalls: the ring must overflow while it holds credit
    await waitFor(flood.closed, 'the flood to finish');
    flood.resumeAcking();
    await waitFor(flood.caughtUp, 'the panel to catch up');

    const stats = flood.engine.capture.stats();
    expect(stats.held).toBe(capacity);
    expect(stats.total - stats.held).toBe(stats.dropped);
    expect(stats.dropped).toBeGreaterThan(FRAMES - capacity);

    const delivered = flood.delivered();
    const skipped = flood.batches.reduce((sum, b) => sum + b.skipped, 0);
    expect(skipped).toBeGreaterThan(0);
    expect(delivered.length + skipped).toBe(stats.total);
    let previous = -1;
    for (const batch of flood.batches) {
      const first = batch.entries[0]?.seq ?? previous + 1;
      expect(first - previous - 1).toBe(batch.skipped);
      batch.entries.forEach((entry, i) => expect(entry.seq).toBe(first + i));
      previous = batch.entries.at(-1)?.seq ?? previous;
    }
    const tail = [...flood.engine.capture.from(0)];
    expect(delivered.slice(-capacity)).toEqual(tail);
    const frames = incomingFrames(delivered);
    const floodSeqs = frames.map((f) => Number((f.payload ?? '').split(':')[0]));
    expect(floodSeqs.every((n, i) => i === 0 || n > (floodSeqs[i - 1] ?? -1))).toBe(true);
    expect(frames.every((f) => f.payload === floodFrame(Number((f.payload ?? '').split(':')[0]), SIZE, false))).toBe(true);
    expect(flood.app.filter((m) => m.kind === 'event' && m.payload.event === 'message')).toHaveLength(FRAMES);
    await flood.dispose();
  }, 180_000);
});
