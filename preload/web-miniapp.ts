// The browser host's equivalent of the mini-app preload: the first script of every mini-app page. It
// defines a frozen `window.my` (the shared `createMy` factory) over the page's WebSocket bridge and
// exposes nothing else; the <script> element that carried the bridge URL removes itself before the
// page's own scripts run, and WebRTC is taken away from the page and its nested frames (./realm-guard.ts).
import { MINIAPP_BRIDGE_ATTRIBUTE, MINIAPP_DEFAULT_MULTIPLE_ATTRIBUTE, MINIAPP_LOGIC_LINK_ATTRIBUTE } from '../shared/host-config';
import { countJsonTextValues, MAX_CLIENT_MESSAGE_VALUES } from '../shared/json-value-budget';
import { MAX_CLIENT_BATCH, type ClientMessage, type EngineLinkMessage, type MyTransport } from '../shared/my-wire';
import { createMy } from '../shared/my/create-my';
import { createDomFeedback } from '../shared/my/feedback-dom';
import { guardRealm } from './realm-guard';

const CONNECTING = 0;
const OPEN = 1;

/** A pending batch is sent at once when its JSON grows past this (large sends travel alone, not piled up). */
const MAX_BATCH_TEXT_LENGTH = 1024 * 1024;

/**
 * A `my` transport over one bridge WebSocket. What a page sends within one microtask travels as one
 * bridge message (shared/my-wire.ts ClientBatch), so calls made together reach the engine together.
 * Messages sent before the socket opens are queued, so calls made synchronously at page start are not
 * lost; once the bridge is gone, `send` throws (createMy turns that into a `fail`) and the page hears a reset.
 */
export function createBridgeTransport(socket: WebSocket): MyTransport {
  const queue: string[] = [];
  const listeners: ((message: EngineLinkMessage) => void)[] = [];
  let ended = false;
  let pending: string[] = [];
  let pendingLength = 0;
  let pendingValues = 0;
  let flushQueued = false;

  function flush(): void {
    flushQueued = false;
    if (pending.length === 0) return;
    const frame = pending.length === 1 ? (pending[0] ?? '') : `{"op":"batch","messages":[${pending.join(',')}]}`;
    pending = [];
    pendingLength = 0;
    pendingValues = 0;
    if (socket.readyState === CONNECTING) queue.push(frame);
    else if (socket.readyState === OPEN) socket.send(frame);
  }

  /** What arrived before anyone listened (the seed, when a logic link is handed on later): kept for the first listener. */
  const early: unknown[] = [];

  function deliver(message: unknown): void {
    if (listeners.length === 0) {
      early.push(message);
      return;
    }
    // createMy unpacks batches and validates every message with its schema; this only hands the parsed JSON on.
    for (const listener of listeners) listener(message as EngineLinkMessage);
  }

  socket.addEventListener('open', () => {
    for (const text of queue.splice(0)) socket.send(text);
  });
  socket.addEventListener('message', (event: MessageEvent) => {
    if (typeof event.data !== 'string') return;
    try {
      deliver(JSON.parse(event.data));
    } catch {
      console.error('[mini-socket-devtools] ignored a malformed message from the devtools bridge');
    }
  });
  socket.addEventListener('close', (event: CloseEvent) => {
    if (ended) return;
    ended = true;
    queue.length = 0;
    pending = [];
    pendingLength = 0;
    pendingValues = 0;
    deliver({ kind: 'reset', reason: `the devtools bridge closed (${event.code})` });
  });

  return {
    send(message: ClientMessage) {
      if (socket.readyState !== CONNECTING && socket.readyState !== OPEN) throw new Error('the devtools bridge is closed');
      const text = JSON.stringify(message);
      // A batch stays within the engine's value budget (shared/json-value-budget.ts): one that would pass it goes first.
      const values = countJsonTextValues(text, MAX_CLIENT_MESSAGE_VALUES);
      if (pendingValues + values + 3 > MAX_CLIENT_MESSAGE_VALUES) flush();
      pending.push(text);
      pendingLength += text.length;
      pendingValues += values;
      if (pending.length >= MAX_CLIENT_BATCH || pendingLength >= MAX_BATCH_TEXT_LENGTH) flush();
      else if (!flushQueued) {
        flushQueued = true;
        queueMicrotask(flush);
      }
    },
    onMessage(listener) {
      listeners.push(listener);
      for (const message of early.splice(0)) listener(message as EngineLinkMessage);
    },
  };
}

/** A transport for a page that was not given a bridge: every call fails with a clear message. */
function unreachableTransport(): MyTransport {
  return {
    send() {
      throw new Error('this page was not opened by Mini Socket DevTools (no bridge)');
    },
    onMessage() {},
  };
}

/** Uncaught errors of the page's scripts go to my.onError listeners as `(message, stack)` (§9.8). */
function watchPageErrors(report: (message: string, stack: string) => void): void {
  window.addEventListener('error', (event: ErrorEvent) => {
    const error: unknown = event.error;
    const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : `at ${event.filename}:${event.lineno}:${event.colno}`;
    report(event.message, stack);
  });
}

function install(): void {
  guardRealm(window);
  const script = document.currentScript;
  const bridge = script?.getAttribute(MINIAPP_BRIDGE_ATTRIBUTE);
  // app.json's behavior.connectSocketDefaultMultiple, as the host read it (docs/behaviour.md#a17-default-of-multiple-from-appjson).
  const defaultMultiple = script?.getAttribute(MINIAPP_DEFAULT_MULTIPLE_ATTRIBUTE) === 'true';
  // Mini-program view pages: the logic Worker's bridge URL, with a ticket of its own.
  const logicBridge = script?.getAttribute(MINIAPP_LOGIC_LINK_ATTRIBUTE);
  script?.remove();
  const openLink = (url: string | null | undefined): MyTransport =>
    url ? createBridgeTransport(new WebSocket(`${url}&page=${encodeURIComponent(location.href)}`)) : unreachableTransport();
  const my = Object.freeze(createMy(openLink(bridge), { defaultMultiple, feedback: createDomFeedback(document), watchErrors: (report) => watchPageErrors(report) }));
  Object.defineProperty(window, 'my', { value: my, enumerable: true, configurable: false, writable: false });
  // A mini-program's logic Worker numbers its calls itself, so it needs a link of its own (one engine client).
  if (logicBridge) {
    let taken = false;
    const take = (): MyTransport | undefined => {
      if (taken) return undefined;
      taken = true;
      return openLink(logicBridge);
    };
    Object.defineProperty(window, '__msdTakeLogicLink', { value: take, enumerable: false, configurable: false, writable: false });
  }
}

if (typeof document !== 'undefined') install();
