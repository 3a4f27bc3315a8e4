// The logic Worker's main (built as one script; the page starts it from a blob: URL, see
// renderer/miniprogram/logic-host/start-logic-worker.ts). It keeps the few Worker capabilities the runtime
// needs in this closure, locks the global scope down, then waits for `boot`: modules are loaded on their
// first require with the kept importScripts, `my` is the shared createMy over a link relayed by the page,
// and every call it sends carries the route of the page on top.
import { unpackEngineLinkMessage, type ClientMessage, type EngineLinkMessage, type MyTransport } from '../../../shared/my-wire';
import { createMy } from '../../../shared/my/create-my';
import { LOGIC_DEFINE_GLOBAL } from '../../../shared/miniprogram/logic-urls';
import type { LogicBoot, PageToWorker, WorkerToPage } from '../../../shared/miniprogram/logic-worker-protocol';
import type { RuntimeProblem, ViewToLogic } from '../../../shared/miniprogram/view-logic-protocol';
import { lockDownGlobals } from './lock-down-globals';
import { installLogicTimers } from './logic-timers';
import type { LoadedModule, ModuleFunction, ModuleSource } from './module-registry';
import { createLogicRuntime, type LogicRuntime } from './runtime';
import { createViewQuestions } from './view-questions';
import { rememberSourceMap } from './source-maps';
import { createMixin } from './mixins';

/** The parts of a dedicated Worker's global scope used here (the project's TS lib is DOM, not WebWorker). */
interface WorkerScope {
  postMessage(message: WorkerToPage): void;
  importScripts(...urls: string[]): void;
  addEventListener(type: string, listener: (event: Event & { data?: unknown; error?: unknown; reason?: unknown }) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
const post = scope.postMessage.bind(scope);
const importScripts = scope.importScripts.bind(scope);
const listen = scope.addEventListener.bind(scope);
const createObjectURL = URL.createObjectURL.bind(URL);
const revokeObjectURL = URL.revokeObjectURL.bind(URL);

let runtime: LogicRuntime | undefined;
const viewListeners: ((message: ViewToLogic) => void)[] = [];
const myListeners: ((message: EngineLinkMessage) => void)[] = [];

/**
 * Loads one module on its first require: the served file hands over the module script as text, which runs
 * from a blob: URL (same origin as the Worker, so its errors are not muted; `sourceURL` keeps the file's
 * URL and lines in stacks). A missing file (404) makes importScripts throw, which means "no such file".
 */
function workerModuleSource(moduleBase: string): ModuleSource {
  let expected: string | undefined;
  let loaded: LoadedModule;
  const runText = (path: string, text: string): void => {
    const blobUrl = createObjectURL(new Blob([`${text}\n//# sourceURL=${moduleBase}${path}`], { type: 'text/javascript' }));
    try {
      importScripts(blobUrl);
    } finally {
      revokeObjectURL(blobUrl);
    }
  };
  // Calls for any other path than the one being loaded (e.g. from project code) are ignored.
  Object.defineProperty(globalThis, LOGIC_DEFINE_GLOBAL, {
    value: (path: unknown, run: unknown, problemOrMap: unknown) => {
      if (expected === undefined || path !== expected) return;
      if (typeof run === 'string') {
        // The module's text, and for a transformed file its source map (main/miniprogram/compile-js.ts).
        if (problemOrMap !== undefined) rememberSourceMap(expected, problemOrMap);
        runText(expected, run);
      } else loaded = typeof run === 'function' ? { ok: true, run: run as ModuleFunction } : { ok: false, problem: problemOrMap as RuntimeProblem };
    },
    enumerable: false,
    writable: false,
    configurable: false,
  });
  return {
    load(path) {
      expected = path;
      loaded = undefined;
      try {
        importScripts(moduleBase + path.split('/').map(encodeURIComponent).join('/'));
      } catch {
        loaded = undefined;
      }
      expected = undefined;
      return loaded;
    },
  };
}

function isSeed(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { kind?: unknown }).kind === 'seed';
}

function boot(settings: LogicBoot): void {
  if (runtime) return;
  const transport: MyTransport = {
    send(message: ClientMessage) {
      const route = runtime?.currentRoute();
      const isCall = message.op === 'connect' || message.op === 'send' || message.op === 'close' || message.op === 'api';
      post({ t: 'my', message: route && isCall ? { ...message, page: route } : message });
    },
    onMessage: (listener) => myListeners.push(listener),
  };
  if (settings.lab !== undefined) Object.defineProperty(globalThis, '__MSD_LAB__', { value: Object.freeze(settings.lab), enumerable: true });
  // Mixin() (§4.5, 2.8.2+) is a global, not a module parameter.
  Object.defineProperty(globalThis, 'Mixin', { value: createMixin });
  const questions = createViewQuestions((message) => post({ t: 'view', message }));
  runtime = createLogicRuntime({
    channel: { post: (message) => post({ t: 'view', message }), onMessage: (listener) => viewListeners.push(listener) },
    modules: workerModuleSource(settings.moduleBase),
    config: settings.config,
    // Background and foreground reach the logic as the view message the runtime already handles: App and
    // page hooks first, then my.onAppHide/onAppShow (docs/behaviour.md#app-life-background-and-foreground).
    baseMy: createMy(transport, {
      defaultMultiple: settings.defaultMultiple,
      feedback: questions.feedback,
      onAppVisibility: (visible) => viewListeners.forEach((listener) => listener({ t: 'app-visibility', visible })),
    }),
    questions,
  });
  // Storage and system info are Sync APIs: the app starts once the engine's seed is in `my`
  // (docs/behaviour.md#storage-mirror), or after SEED_WAIT_MS when the link is down (calls then fail clearly).
  setTimeout(startRuntime, SEED_WAIT_MS);
}

/** How long the logic waits for the engine's seed before starting the app without it. */
const SEED_WAIT_MS = 3000;
let runtimeStarted = false;

function startRuntime(): void {
  if (runtimeStarted || !runtime) return;
  runtimeStarted = true;
  runtime.start();
}

listen('message', (event) => {
  // Only the page's messages: project code could dispatch a synthetic one on the global scope.
  if (!event.isTrusted) return;
  const message = event.data as PageToWorker;
  if (message.t === 'boot') boot(message.boot);
  else if (message.t === 'view') for (const listener of viewListeners) listener(message.message);
  else {
    for (const listener of myListeners) listener(message.message);
    // createMy takes the seed in the microtask it queued on delivery; the app starts in the one after it.
    if (!runtimeStarted && unpackEngineLinkMessage(message.message).some((engineMessage) => isSeed(engineMessage))) queueMicrotask(startRuntime);
  }
});
// Uncaught errors and rejections of project code: App.onError and the Problems list, as on a phone.
installLogicTimers(globalThis, (error) => runtime?.reportError(error), (message) => console.warn(`[mini-program] ${message}`));
listen('error', (event) => {
  event.preventDefault();
  runtime?.reportError(event.error ?? (event as unknown as { message?: unknown }).message);
});
listen('unhandledrejection', (event) => {
  event.preventDefault();
  runtime?.reportRejection(event.reason, (event as unknown as { promise?: unknown }).promise);
});

lockDownGlobals(globalThis);
