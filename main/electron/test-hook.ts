// The e2e suite's window into the Electron main process (Signal's test-hook idea): installed only for an
// unpackaged app started with MSD_E2E=1, it lets Playwright's electronApp.evaluate read the engine state
// and the capture and change settings without depending on the panel's UI, as the browser host's HTTP
// API and panel bridge do for the browser project.
import type { EngineState } from '../../shared/panel-wire';
import { settingsPatchSchema } from '../../shared/settings';
import { exportHar, exportJsonl } from '../core/capture-export';
import type { Engine } from '../core/ports';

/** The global name electronApp.evaluate reads. */
export const MAIN_TEST_HOOK = '__msdMainTest';

export interface MainTestHook {
  state(): EngineState;
  exportJsonl(): string;
  exportHar(): string;
  /** Validated like a panel's settings request; throws on an invalid patch. */
  updateSettings(patch: unknown): void;
}

/** Whether this run asked for the hook (never in a packaged app). */
export function wantsMainTestHook(env: Record<string, string | undefined>, isPackaged: boolean): boolean {
  return env.MSD_E2E === '1' && !isPackaged;
}

/** Defines the read-mostly hook on `target` (globalThis in the app). */
export function installMainTestHook(target: object, engine: Engine): MainTestHook {
  const hook: MainTestHook = Object.freeze({
    state: () => engine.state(),
    exportJsonl: () => exportJsonl(engine.capture),
    exportHar: () => exportHar(engine.capture),
    updateSettings: (patch: unknown) => engine.updateSettings(settingsPatchSchema.parse(patch)),
  });
  Object.defineProperty(target, MAIN_TEST_HOOK, { value: hook, configurable: true });
  return hook;
}
