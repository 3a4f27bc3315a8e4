// Builds the mini-app's `window.my`: createMy over the IPC transport, in the preload, installed in the page
// by the main-world wrapper so listener identity survives the bridge. Nothing else reaches the page:
// no ipcRenderer, no channel names, no Electron event objects (only the lab endpoints, when given, and on a
// mini-program view page `__msdTakeLogicLink`, the logic Worker's link, as the browser host's shim offers it).
import { LOGIC_LINK_CHANNELS, readDefaultMultipleArgument, readLabArgument, readLogicLinkArgument } from '../shared/electron-ipc';
import type { MyTransport } from '../shared/my-wire';
import { createMy } from '../shared/my/create-my';
import { createDomFeedback } from '../shared/my/feedback-dom';
import { createIpcMyTransport } from './miniapp-transport';
import type { MiniappIpc } from './miniapp-transport';
import { installMainWorldMy, makeListenerHandle } from './main-world-my';

/** The part of Electron's contextBridge used here. */
export interface MainWorldBridge {
  executeInMainWorld(script: { func: typeof installMainWorldMy; args: Parameters<typeof installMainWorldMy> }): unknown;
}

/**
 * Creates `my` and defines it (read-only) in the page's main world; `argv` may carry the lab endpoints and
 * app.json's `multiple` default (both put there by the main process before the page's scripts exist).
 */
export function exposeMiniappMy(ipc: MiniappIpc, bridge: MainWorldBridge, argv: readonly string[]): void {
  // The preload shares the page's DOM (not its JS world): UI feedback is drawn there (docs/behaviour.md#ui-feedback).
  const feedback = typeof document === 'undefined' ? {} : { feedback: createDomFeedback(document) };
  const my = Object.freeze(createMy(createIpcMyTransport(ipc), { defaultMultiple: readDefaultMultipleArgument(argv), ...feedback }));
  const lab = readLabArgument(argv);
  const globals: Record<string, unknown> = lab === undefined ? {} : { __MSD_LAB__: lab };
  if (readLogicLinkArgument(argv)) globals.__msdTakeLogicLink = logicLinkTaker(ipc);
  bridge.executeInMainWorld({
    func: installMainWorldMy,
    args: [my as unknown as Record<string, unknown>, makeListenerHandle, globals],
  });
}

/** The logic Worker's link over the `my-logic:*` channels, handed out once (later calls get undefined). */
function logicLinkTaker(ipc: MiniappIpc): () => MyTransport | undefined {
  let taken = false;
  return () => {
    if (taken) return undefined;
    taken = true;
    return Object.freeze(createIpcMyTransport(ipc, LOGIC_LINK_CHANNELS));
  };
}
