// Network conditions on real sockets (docs/debugging.md#network-conditions): latency each way is measured,
// order survives jitter, bandwidth spaces frames by their size, loss drops the connection, offline ends open
// sockets with the documented events and fails new connects without dialling.
import { performance } from 'node:perf_hooks';
import { beforeEach, describe, expect, it } from 'vitest';
import type { NetworkConditions } from '../../../shared/debugging/network-conditions';
import { NETWORK_PRESETS, NO_CONDITIONS } from '../../../shared/debugging/network-conditions';
import { systemClock } from '../clock';
import { useDebugRig } from './test-support/debug-rig';

/** Where a test stopped the engine's monotonic clock: a delayed frame is then held until the clock moves on. */
let stoppedAt: number | undefined;
const rig = useDebugRig({ ...systemClock, monotonic: () => stoppedAt ?? systemClock.monotonic() });
beforeEach(() => {
  stoppedAt = undefined;
});

function setAll(conditions: Partial<NetworkConditions> | null, perConnection: Record<string, NetworkConditions> = {}): void {
  rig.engine.debug.command({ op: 'set-network', conditions: { all: conditions ? { ...NO_CONDITIONS, ...conditions } : null, perConnection } });
}

async function open(target: string | null = null): Promise<void> {
  rig.client.call('connect', { url: `${rig.server.url}/net` }, target);
  await rig.client.event(target, 'open');
}

/** What the app saw on a target, without call results and network-state messages. */
function appSteps(target: string | null = null): string[] {
  return rig.client.trace(target).filter((step) => !step.startsWith('ok#') && !step.startsWith('network:'));
}

/** When a message with this data reached the app (the recorder wakes waiters as each message arrives). */
async function arrivedAt(data: string): Promise<number> {
  await rig.client.waitFor((m) => m.kind === 'event' && m.payload.event === 'message' && m.payload.data === data);
  return performance.now();
}

describe('latency, jitter and bandwidth', () => {
  it('incoming latency delays each frame by the set value; outgoing latency delays it at the server', async () => {
    await open();
    setAll({ latencyInMs: 80, latencyOutMs: 60 });
    const socket = await rig.server.connection(0);
    const sentAt = performance.now();
    socket.send('late');
    const inDelay = (await arrivedAt('late')) - sentAt;
    // Timers never fire early, so the lower bounds hold on any machine; timers run late on a loaded one, so the
    // exact delays (once, not twice) are checked on a fake clock in frame-gate.test.ts (docs/architecture.md#test-support).
    expect(inDelay).toBeGreaterThanOrEqual(79);

    const callAt = performance.now();
    rig.client.call('send', { data: 'up' });
    await rig.server.receivedCount(1);
    const outDelay = (rig.server.received[0]?.at ?? 0) - callAt;
    expect(outDelay).toBeGreaterThanOrEqual(59);
  });

  it('jitter varies delays but never reorders frames', async () => {
    await open();
    setAll({ latencyInMs: 20, jitterMs: 20 });
    const socket = await rig.server.connection(0);
    const sent = Array.from({ length: 40 }, (_, i) => `m${i}`);
    sent.forEach((data) => socket.send(data));
    await rig.client.waitFor((m) => m.kind === 'event' && m.payload.event === 'message' && m.payload.data === 'm39');
    expect(rig.client.messages.flatMap((m) => (m.kind === 'event' && m.payload.event === 'message' ? [m.payload.data] : []))).toEqual(sent);
  });

  it('bandwidth spaces frames by their size (8 KiB at 640 kbit/s take about 100 ms)', async () => {
    await open();
    setAll({ bandwidthKbps: 640 });
    const socket = await rig.server.connection(0);
    const started = performance.now();
    socket.send('a'.repeat(8192));
    socket.send('b'.repeat(8192));
    const first = (await arrivedAt('a'.repeat(8192))) - started;
    const second = (await arrivedAt('b'.repeat(8192))) - started;
    expect(first).toBeGreaterThanOrEqual(100);
    expect(second).toBeGreaterThanOrEqual(200);
  });

  it('conditions for one connection leave the others at full speed', async () => {
    await open('slow');
    await open('fast');
    setAll(null, { t1: { ...NO_CONDITIONS, latencyInMs: 300 } });
    // The two frames reach the engine on two sockets, in no set order, and a loaded machine can run the slow one's
    // timer before it reads the fast one: with the clock stopped the slow frame stays held however late that is.
    stoppedAt = systemClock.monotonic();
    (await rig.server.connection(0)).send('slow frame');
    (await rig.server.connection(1)).send('fast frame');
    await rig.client.waitFor((m) => m.kind === 'event' && m.target === 'fast' && m.payload.event === 'message');
    expect(rig.client.trace('slow')).not.toContain('message');
    stoppedAt = undefined;
    await rig.client.waitFor((m) => m.kind === 'event' && m.target === 'slow' && m.payload.event === 'message');
  });
});

describe('loss and offline', () => {
  it('loss drops the connection as a lost network does: error 1, then close 1006', async () => {
    await open();
    setAll({ lossPercent: 100 });
    (await rig.server.connection(0)).send('lost');
    await rig.client.event(null, 'close');
    expect(appSteps()).toEqual(['open', 'error:1', 'close:1006']);
    expect([...rig.engine.capture.from(0)].find((entry) => entry.name === 'network-drop')?.detail).toEqual({ why: 'emulated packet loss' });
  });

  it('offline ends open sockets (error 1, close 1006) and fails new connects the same way without dialling', async () => {
    await open();
    setAll(NETWORK_PRESETS.offline);
    await rig.client.event(null, 'close');
    expect(appSteps()).toEqual(['open', 'error:1', 'close:1006']);
    expect(rig.client.trace().filter((step) => step.startsWith('network:'))).toEqual(['network:NOTREACHABLE']);
    const connections = rig.server.paths.length;

    const call = rig.client.call('connect', { url: `${rig.server.url}/while-offline` }, 'task');
    expect(await rig.client.result(call)).toMatchObject({ ok: true });
    const error = await rig.client.event('task', 'error');
    await rig.client.event('task', 'close');
    expect(error.payload).toMatchObject({ event: 'error', error: 1 });
    expect(appSteps('task')).toEqual(['error:1', 'close:1006']);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(rig.server.paths.length).toBe(connections);
    expect(rig.engine.state().debugging?.network.all?.offline).toBe(true);

    setAll(null);
    await open('back');
    expect(rig.server.paths.length).toBe(connections + 1);
  });
});
