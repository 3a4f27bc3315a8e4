import { afterEach, describe, expect, it } from 'vitest';
import { jsonlToCapture } from '../../shared/jsonl';
import { createEngine } from '../core/engine';
import type { Engine } from '../core/ports';
import { MAIN_TEST_HOOK, installMainTestHook, wantsMainTestHook } from './test-hook';
import type { MainTestHook } from './test-hook';

const engines: Engine[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.shutdown()));
});

describe('main-process test hook', () => {
  it('is only wanted by an unpackaged app started with MSD_E2E=1', () => {
    expect(wantsMainTestHook({ MSD_E2E: '1' }, false)).toBe(true);
    expect(wantsMainTestHook({ MSD_E2E: '1' }, true)).toBe(false);
    expect(wantsMainTestHook({}, false)).toBe(false);
    expect(wantsMainTestHook({ MSD_E2E: 'yes' }, false)).toBe(false);
  });

  it('reads the real engine state and capture, and validates settings patches', () => {
    const engine = createEngine();
    engines.push(engine);
    const target: Record<string, unknown> = {};
    installMainTestHook(target, engine);
    const hook = target[MAIN_TEST_HOOK] as MainTestHook;

    engine.capture.append({ clientId: 'app-1', connectionId: '', kind: 'warning', name: 'probe', direction: 'none', size: 0 });
    expect(jsonlToCapture(hook.exportJsonl()).entries.map((entry) => entry.name)).toEqual(['probe']);
    expect(JSON.parse(hook.exportHar())).toHaveProperty('log');

    hook.updateSettings({ strictWss: true });
    expect(hook.state().settings.strictWss).toBe(true);
    expect(() => hook.updateSettings({ maxTasks: 'many' })).toThrow();
    expect(hook.state().settings.maxTasks).toBe(5);
  });
});
