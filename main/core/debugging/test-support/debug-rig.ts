// Per-test engine, `my` client and loopback server for the debugging engine tests: created before each
// test and shut down after it.
import { afterEach, beforeEach, expect } from 'vitest';
import { createEngine } from '../../engine';
import type { Clock, Engine } from '../../ports';
import type { WireTestClient } from '../../test-support/wire-test-client';
import { attachWireTestClient } from '../../test-support/wire-test-client';
import type { LoopbackServer } from './loopback-server';
import { startLoopbackServer } from './loopback-server';

export interface DebugRig {
  server: LoopbackServer;
  engine: Engine;
  client: WireTestClient;
}

/** Registers the hooks; the returned object's fields are the current test's. `clock`: the engine's clock. */
export function useDebugRig(clock?: Clock): DebugRig {
  const rig = {} as DebugRig;
  beforeEach(async () => {
    rig.server = await startLoopbackServer();
    rig.engine = createEngine(clock ? { clock } : {});
    rig.client = attachWireTestClient(rig.engine);
  });
  afterEach(async () => {
    await rig.engine.shutdown();
    await rig.server.close();
  });
  return rig;
}

/** The frames held at breakpoints, once at least `count` are: a frame reaches its breakpoint over a real socket,
 * so this waits for it rather than for a time (docs/architecture.md#test-support). */
export async function heldFrames(rig: DebugRig, count = 1): Promise<ReturnType<Engine['debug']['state']>['paused']> {
  await expect.poll(() => rig.engine.debug.state().paused.length).toBeGreaterThanOrEqual(count);
  return rig.engine.debug.state().paused;
}
