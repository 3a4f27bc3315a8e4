// The whole-run summary (`live-summary`) through a real panel session on a real engine whose small ring
// evicts almost everything, with real `ws` traffic on 127.0.0.1: the counts still cover the whole run.
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import type { PanelMessage } from '../../shared/panel-wire';
import { MAX_SUMMARY_BUCKETS, runSummaryTotals, type RunSummary } from '../../shared/run-summary';
import { createCaptureLog } from './capture-log';
import { createEngine } from './engine';
import { createPanelSession } from './panel-session';
import type { Clock, Engine } from './ports';
import { createMyRig } from './test-support/my-rig';

const FRAMES = 300;
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

/** A server that sends FRAMES text frames on each connection, then closes with 4001. */
async function floodingServer(): Promise<string> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  server.on('connection', (socket) => {
    for (let i = 0; i < FRAMES; i += 1) socket.send(`frame ${i}`);
    socket.close(4001, 'done');
  });
  cleanup.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `ws://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

function summaryOver(engine: Engine): () => Promise<RunSummary> {
  const received: PanelMessage[] = [];
  const panel = createPanelSession(engine, (message) => void received.push(message));
  cleanup.push(async () => panel.close());
  let requestId = 0;
  return async () => {
    requestId += 1;
    panel.receive(JSON.stringify({ kind: 'live-summary', requestId }));
    const reply = received.find((message) => message.kind === 'reply' && message.requestId === requestId);
    if (reply?.kind !== 'reply' || !reply.ok || typeof reply.body !== 'string') throw new Error('no summary reply');
    return JSON.parse(reply.body) as RunSummary;
  };
}


describe('live-summary', () => {
  it('counts the whole run, also what the engine ring evicted, and restarts with Clear', async () => {
    const url = await floodingServer();
    const engine = createEngine({ capture: createCaptureLog({ capacity: 50 }) });
    cleanup.push(() => engine.shutdown());
    const summary = summaryOver(engine);
    const rig = createMyRig(engine);
    rig.listenGlobally();
    // Code 10 first: a send with no connection open. It leaves the 50-entry ring long before the flood ends.
    rig.my.sendSocketMessage({ data: 'too early', ...rig.callbacks('send') });
    await rig.until(() => rig.log.includes('send:fail:10'), 'the code-10 failure');
    rig.my.connectSocket({ url });
    await rig.until(() => rig.log.includes('close:4001'), 'the server close');
    const errorEntryHeld = [...engine.capture.from(0)].some((entry) => entry.errorCode === 10);
    expect(errorEntryHeld).toBe(false);

    const whole = await summary();
    expect(runSummaryTotals(whole)).toEqual({ in: FRAMES, out: 0, opens: 1, closes: 1, errors: { 10: 1 } });
    expect(whole.fromSeq).toBe(0);
    expect(whole.toSeq).toBe(engine.capture.nextSeq());
    expect(engine.capture.stats().dropped).toBeGreaterThan(FRAMES - 50);

    engine.capture.clear();
    const afterClear = await summary();
    expect(afterClear.fromSeq).toBe(engine.capture.nextSeq());
    expect(afterClear.buckets).toEqual([]);
  });

  it('widens its buckets past MAX_SUMMARY_BUCKETS, keeping every count, so a long run stays one small reply', async () => {
    let now = 1_700_000_000_000;
    const clock: Clock = { now: () => now, monotonic: () => now - 1_700_000_000_000, wallTimeOf: (mono) => 1_700_000_000_000 + mono };
    const capture = createCaptureLog({ capacity: 10 }, clock);
    const engine = createEngine({ capture, clock });
    cleanup.push(() => engine.shutdown());
    const summary = summaryOver(engine);
    // One incoming frame a second for 3 × MAX_SUMMARY_BUCKETS seconds, and a code-10 error in the first second.
    capture.append({ clientId: 'app-1', connectionId: 't1', kind: 'error', name: 'error', direction: 'none', size: 0, errorCode: 10 });
    const seconds = 3 * MAX_SUMMARY_BUCKETS;
    for (let i = 0; i < seconds; i += 1) {
      capture.append({ clientId: 'app-1', connectionId: 't1', kind: 'frame', name: 'text', direction: 'in', opcode: 1, size: 1, payload: 'x' });
      now += 1000;
    }
    const long = await summary();
    expect(long.buckets.length).toBeLessThanOrEqual(MAX_SUMMARY_BUCKETS);
    expect(long.bucketMs).toBe(4000);
    expect(runSummaryTotals(long)).toEqual({ in: seconds, out: 0, opens: 0, closes: 0, errors: { 10: 1 } });
    expect(long.buckets[0]?.errors).toEqual({ 10: 1 });
    expect(JSON.stringify(long).length).toBeLessThan(60_000);
  });
});
