// The view page's side of the logic Worker: starts it from a blob: URL (the sandboxed page has an opaque
// origin, so a Worker from the mini-app's own URL is refused as cross-origin; a blob: one is allowed by the
// mini-app CSP, and it loads the runtime bundle with importScripts), boots it, and relays: view/logic
// messages to and from the view, `my` link messages between the Worker and the page's bridge transport.
import type { LabConfig } from '../../../shared/host-config';
import type { ClientMessage, MyTransport } from '../../../shared/my-wire';
import { LOGIC_MODULE_PREFIX, LOGIC_WORKER_PATH } from '../../../shared/miniprogram/logic-urls';
import type { LogicConfig, PageToWorker, WorkerToPage } from '../../../shared/miniprogram/logic-worker-protocol';
import type { LogicToView, ViewToLogic } from '../../../shared/miniprogram/view-logic-protocol';

export interface StartLogicOptions {
  /** The mini-app origin's base, e.g. `http://127.0.0.1:5174` (the page's `location.origin` is "null"). */
  appBase: string;
  config: LogicConfig;
  /** The page's link to the engine (preload/web-miniapp.ts createBridgeTransport), used by the logic alone. */
  bridge: MyTransport;
  defaultMultiple?: boolean;
  /** `window.__MSD_LAB__`, when the host gave the page the lab's endpoints. */
  lab?: LabConfig;
  /** A Worker that failed to start or died (a fault of the runtime, not of project code). */
  onFault?: (message: string) => void;
}

export interface LogicWorkerHandle {
  send(message: ViewToLogic): void;
  onMessage(listener: (message: LogicToView) => void): void;
  terminate(): void;
}

/** The mini-app origin's base URL from the page's own URL (works in an opaque-origin sandbox). */
export function appBaseOf(href: string): string {
  const url = new URL(href);
  return `${url.protocol}//${url.host}`;
}

/** A Worker loading the logic runtime, not booted yet; faults before the boot are kept for it. */
export interface SpawnedLogicWorker {
  worker: Worker;
  blobUrl: string;
  /** The fault handler: at once for faults so far, then as they happen. */
  onFault(handler: (message: string) => void): void;
}

/**
 * Starts the Worker and its runtime's download before the page knows the boot settings (the manifest), so both
 * load at once (docs/miniprogram-runtime.md "Loading the view"); it waits for `boot`.
 */
export function spawnLogicWorker(appBase: string): SpawnedLogicWorker {
  const bootScript = `importScripts(${JSON.stringify(appBase + LOGIC_WORKER_PATH)});`;
  const blobUrl = URL.createObjectURL(new Blob([bootScript], { type: 'text/javascript' }));
  const worker = new Worker(blobUrl);
  const faults: string[] = [];
  let handler: ((message: string) => void) | undefined;
  worker.addEventListener('error', (event) => {
    const fault = `the logic worker failed: ${event.message}`;
    if (handler === undefined) faults.push(fault);
    else handler(fault);
  });
  return {
    worker,
    blobUrl,
    onFault(next) {
      handler = next;
      for (const fault of faults.splice(0)) next(fault);
    },
  };
}

export function startLogicWorker(options: StartLogicOptions, spawned: SpawnedLogicWorker = spawnLogicWorker(options.appBase)): LogicWorkerHandle {
  const { worker, blobUrl } = spawned;
  const listeners: ((message: LogicToView) => void)[] = [];
  const toWorker = (message: PageToWorker): void => worker.postMessage(message);

  worker.addEventListener('message', (event: MessageEvent<WorkerToPage>) => {
    const message = event.data;
    if (message.t === 'view') for (const listener of listeners) listener(message.message);
    else sendToBridge(message.message);
  });
  spawned.onFault((message) => options.onFault?.(message));

  function sendToBridge(message: ClientMessage): void {
    try {
      options.bridge.send(message);
    } catch {
      // The same answer createMy gives when its own transport refuses: the call fails, nothing hangs.
      if ('callId' in message) toWorker({ t: 'my', message: { kind: 'result', callId: message.callId, ok: false, error: 1, errorMessage: 'The devtools engine cannot be reached.' } });
    }
  }

  const boot = { moduleBase: options.appBase + LOGIC_MODULE_PREFIX, config: options.config, defaultMultiple: options.defaultMultiple === true };
  toWorker({ t: 'boot', boot: options.lab === undefined ? boot : { ...boot, lab: options.lab } });
  // After boot: the bridge hands over at once what it kept (the seed), and the Worker's `my` exists only from boot on.
  options.bridge.onMessage((message) => toWorker({ t: 'my', message }));

  return {
    send: (message) => toWorker({ t: 'view', message }),
    onMessage: (listener) => listeners.push(listener),
    terminate() {
      worker.terminate();
      URL.revokeObjectURL(blobUrl);
    },
  };
}
