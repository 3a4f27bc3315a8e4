// A fresh engine for each test that asks for one, shut down after that test (its sockets closed), so engine
// tests on real sockets do not each keep the same variable and afterEach.
import { afterEach } from 'vitest';
import type { EngineSettings } from '../../../shared/settings';
import { createEngine } from '../engine';
import type { Engine } from '../ports';

export interface EnginePerTest {
  /** Creates this test's engine with `settings`. */
  create(settings?: Partial<EngineSettings>): Engine;
  /** This test's engine; throws when the test made none. */
  current(): Engine;
  /** This test's engine, created with `settings` by the first call (later calls share it). */
  shared(settings?: Partial<EngineSettings>): Engine;
}

/** Call at the top of a test file: registers the afterEach that shuts the test's engine down. */
export function engineEachTest(): EnginePerTest {
  let engine: Engine | undefined;
  afterEach(async () => {
    await engine?.shutdown();
    engine = undefined;
  });
  return {
    create(settings = {}) {
      engine = createEngine({ settings });
      return engine;
    },
    current() {
      if (!engine) throw new Error('this test created no engine');
      return engine;
    },
    shared(settings = {}) {
      engine ??= createEngine({ settings });
      return engine;
    },
  };
}
