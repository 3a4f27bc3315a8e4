// `my.getNetworkType` and `my.onNetworkStatusChange` over a real engine (docs/debugging.md#network-conditions):
// offline says NOTREACHABLE and fires the listeners, back online says WIFI, a throttled network reports its
// type, and a page attached while offline is told at once. Listeners that throw do not stop the others.
import { afterEach, expect, it, vi } from 'vitest';
import { NETWORK_PRESETS } from '../../../shared/debugging/network-conditions';
import type { NetworkConditions } from '../../../shared/debugging/network-conditions';
import { createEngine } from '../engine';
import type { Engine } from '../ports';
import { createMyRig } from '../test-support/my-rig';

let engine: Engine | undefined;
afterEach(async () => {
  await engine?.shutdown();
  engine = undefined;
  vi.restoreAllMocks();
});

function setAll(all: NetworkConditions | null): void {
  engine?.debug.command({ op: 'set-network', conditions: { all, perConnection: {} } });
}

it('the listeners hear offline and online; getNetworkType answers the current state through success, complete and its promise', async () => {
  engine = createEngine();
  const rig = createMyRig(engine);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  expect(await rig.my.getNetworkType()).toEqual({ networkAvailable: true, networkType: 'WIFI' });
  rig.my.onNetworkStatusChange(() => {
    throw new Error('a broken listener');
  });
  rig.my.onNetworkStatusChange((status) => rig.log.push(`change:${status.networkType}:${status.networkAvailable}`));

  setAll({ ...NETWORK_PRESETS.offline });
  await rig.until(() => rig.log.length === 1, 'the offline change');
  const answered = await rig.my.getNetworkType({ success: (status: { networkType: string }) => rig.log.push(`success:${status.networkType}`), complete: () => rig.log.push('complete') });
  expect(answered).toEqual({ networkAvailable: false, networkType: 'NOTREACHABLE' });

  setAll({ ...NETWORK_PRESETS['slow-3g'] });
  setAll(null);
  await rig.until(() => rig.log.length === 5, 'the changes back');
  expect(rig.log).toEqual(['change:NOTREACHABLE:false', 'success:NOTREACHABLE', 'complete', 'change:3G:true', 'change:WIFI:true']);
  rig.my.offNetworkStatusChange();
  setAll({ ...NETWORK_PRESETS.offline });
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(rig.log).toHaveLength(5);
});

it('a page attached while offline is told at once', async () => {
  engine = createEngine({ debugging: { network: { all: { ...NETWORK_PRESETS.offline }, perConnection: {} } } });
  const rig = createMyRig(engine);
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect(await rig.my.getNetworkType()).toEqual({ networkAvailable: false, networkType: 'NOTREACHABLE' });
});
