// The webPreferences of our two renderers, built in one place so a test can pin them (docs/architecture.md#our-own-windows,
// docs/architecture.md#the-mini-app-view). Both are sandboxed, isolated and Node-free; only the preload and the session differ.
import type { WebPreferences } from 'electron';

const hardened = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  safeDialogs: true,
} as const satisfies WebPreferences;

/** The panel window: the default session, the panel preload (window.msdPanel). */
export function panelWebPreferences(preload: string): WebPreferences {
  return { ...hardened, preload };
}

/**
 * The untrusted mini-app view: its own in-memory session (no `persist:`), the `my` preload, and the
 * host's extra arguments (read by the preload, e.g. the lab endpoints for the demo).
 */
export function miniappWebPreferences(options: { preload: string; partition: string; additionalArguments?: string[] }): WebPreferences {
  if (options.partition.startsWith('persist:')) throw new Error('the mini-app session must be in memory');
  return {
    ...hardened,
    preload: options.preload,
    partition: options.partition,
    additionalArguments: options.additionalArguments ?? [],
  };
}
