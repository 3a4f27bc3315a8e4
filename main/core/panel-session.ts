// One panel (an Electron window or a browser tab) connected to the engine. Host-independent: the
// Electron host feeds it from a MessagePort, the browser host from a WebSocket, tests from an array.
// Every request is validated here; a bad one becomes a warning in the capture, never an exception.
import type { EngineMessage } from '../../shared/my-wire';
import type { PanelRequest } from '../../shared/panel-wire';
import { panelRequestSchema } from '../../shared/panel-wire';
import { describeIssues } from '../../shared/jsonl';
import { callBoundRefusal } from '../../shared/json-value-budget';
import type { WarningId } from '../../shared/warning-ids';
import { errorMessageFor } from './call-results';
import { logWarning } from './engine-warning';
import type { CaptureSubscription, CaptureSubscriptionOptions } from './capture-subscription';
import { createCaptureSubscription } from './capture-subscription';
import type { ClientSession, Engine, PanelSession, PanelSink } from './ports';
import type { ReplayRegistry } from './replay-registry';
import { createReplayRequests } from './replay-requests';
import type { PreferencesStore } from './preferences-file';
import { createSessionRequests } from './session-requests';
import { resendFrame } from './frame-resend';
import { createLiveEntryReader } from './live-entry';
import { createStorageRequests } from './storage-requests';
import type { SavedSessions } from './session-store/saved-sessions';
import type { PreviewHost } from './preview-host';
import { createPreviewRequests } from './preview-requests';
import { runSummaryOf } from './run-summary';

/** The clientId of the panel's own `my` client (connection controls act through the same path as the app). */
export const PANEL_CLIENT_ID = 'panel';

/**
 * Panel clientIds in use per engine. A second panel open at the same time (another browser tab) gets
 * 'panel-2', because attaching a client under a taken id would detach the first panel and close its sockets.
 */
const panelIdsInUse = new WeakMap<Engine, Set<string>>();

function claimPanelClientId(engine: Engine): string {
  const inUse = panelIdsInUse.get(engine) ?? new Set<string>();
  panelIdsInUse.set(engine, inUse);
  let id = PANEL_CLIENT_ID;
  for (let n = 2; inUse.has(id); n += 1) id = `${PANEL_CLIENT_ID}-${n}`;
  inUse.add(id);
  return id;
}

export interface PanelSessionOptions {
  /** Batching and credit of the capture stream (defaults: docs/architecture.md#streaming). */
  subscription?: Partial<CaptureSubscriptionOptions>;
  /** The replay endpoints (default: the one registry of this engine, listening on first use). */
  replays?: ReplayRegistry;
  /** The user's panel preferences (absent: none are kept; saves are ignored). */
  preferences?: PreferencesStore;
  /** The saved sessions and the run's live one: the panel lists them, and reaches entries the ring evicted. */
  sessions?: SavedSessions;
  /** The host's preview: hot reloads and opening projects (absent: the panel gets no preview messages). */
  preview?: PreviewHost;
}

/** Wires one panel to the engine: capture stream with credit, state pushes, the panel's `my`, controls. */
export function createPanelSession(engine: Engine, send: PanelSink, options: PanelSessionOptions = {}): PanelSession {
  let subscription: CaptureSubscription | undefined;
  let stopStateUpdates: (() => void) | undefined;
  let stateQueued = false;
  let client: ClientSession | undefined;
  let clientId: string | undefined;
  let closed = false;
  const replays = createReplayRequests(engine.capture, () => options.replays ?? engine.replays(), deliver);
  const sessionRequests = createSessionRequests(engine.capture, options.sessions, deliver);
  const readLiveEntry = createLiveEntryReader(engine.capture, options.sessions);
  const storageRequests = createStorageRequests(engine, deliver);
  const previewRequests = createPreviewRequests(options.preview, deliver);

  /** The host's link may already be gone; a failed send must not throw into the engine. */
  function deliver(message: Parameters<PanelSink>[0]): void {
    if (closed) return;
    try {
      send(message);
    } catch {
      // Nothing to tell: the link that would carry the news is the one that failed; the host closes us.
    }
  }

  function warn(id: WarningId, message: string, detail: Record<string, string> = {}): void {
    logWarning(engine.capture, { clientId: clientId ?? PANEL_CLIENT_ID }, { id, message, detail });
  }

  function sendState(): void {
    deliver({ kind: 'state', state: engine.state() });
  }

  /** Many state changes in one tick (a connect and its listeners) become one `state` message. */
  function queueState(): void {
    if (stateQueued) return;
    stateQueued = true;
    queueMicrotask(() => {
      stateQueued = false;
      if (!closed) sendState();
    });
  }

  function subscribe(): void {
    subscription?.close();
    stopStateUpdates ??= engine.onStateChange(queueState);
    sendState();
    if (options.preferences) deliver({ kind: 'preferences', preferences: options.preferences.get() });
    previewRequests.subscribe();
    subscription = createCaptureSubscription(engine.capture, deliver, options.subscription);
  }

  function panelClient(): ClientSession {
    if (client) return client;
    clientId = claimPanelClientId(engine);
    client = engine.attachClient({ origin: 'panel', clientId, send: (message: EngineMessage) => deliver({ kind: 'my', message }) });
    return client;
  }

  function handle(request: PanelRequest): void {
    switch (request.kind) {
      case 'subscribe':
        subscribe();
        return;
      case 'ack':
        subscription?.ack(request.seq);
        return;
      case 'my':
        panelClient().receive(request.message);
        return;
      case 'settings':
        engine.updateSettings(request.patch);
        return;
      case 'clear':
        engine.capture.clear();
        if (!subscription) deliver({ kind: 'cleared', stats: engine.capture.stats() }); // subscribers hear it from the log
        return;
      case 'force-close':
        engine.forceClose(request.connectionId, request.code, request.reason);
        return;
      case 'inject': {
        const { kind: _kind, ...injection } = request;
        engine.inject(injection);
        return;
      }
      case 'preferences-save':
        options.preferences?.save(request.preferences).catch((error: unknown) => {
          warn('preferences-unsaved', `panel preferences not saved: ${error instanceof Error ? error.message : String(error)}`);
        });
        return;
      case 'get-entry':
      case 'decode':
      case 'export':
      case 'sessions-list':
      case 'session-read':
      case 'session-export':
      case 'session-delete':
      case 'live-filter':
        sessionRequests.handle(request);
        return;
      case 'storage-list':
      case 'storage-write':
        storageRequests.handle(request);
        return;
      case 'replay-start':
      case 'replay-stop':
      case 'replay-list':
        replays.handle(request);
        return;
      case 'debug':
        engine.debug.command(request.command);
        return;
      case 'resend': {
        const { requestId } = request;
        resendFrame(engine, readLiveEntry, request.seq).then(
          (seq) => deliver({ kind: 'reply', requestId, ok: true, body: JSON.stringify({ seq }) }),
          (error: unknown) => deliver({ kind: 'reply', requestId, ok: false, error: error instanceof Error ? error.message : String(error) }),
        );
        return;
      }
      case 'app-visibility':
        engine.appLife.setVisible(request.visible, 'panel');
        return;
      case 'open-project':
      case 'choose-project-folder':
        previewRequests.handle(request);
        return;
      case 'live-summary':
        deliver({ kind: 'reply', requestId: request.requestId, ok: true, body: JSON.stringify(runSummaryOf(engine.capture).summary()) });
        return;
    }
  }

  /** A request the engine refused: answer what can be answered, and record why. */
  function reportFailure(request: PanelRequest, error: unknown): void {
    const text = error instanceof Error ? error.message : String(error);
    if ('requestId' in request) {
      deliver({ kind: 'reply', requestId: request.requestId, ok: false, error: text });
    } else if (request.kind === 'my' && 'callId' in request.message) {
      deliver({ kind: 'my', message: { kind: 'result', callId: request.message.callId, ok: false, error: 1, errorMessage: errorMessageFor(1, text) } });
    }
    warn('panel-request-failed', `panel request "${request.kind}" failed: ${text}`, { request: request.kind });
  }

  return {
    receive(raw) {
      if (closed) return;
      let request: PanelRequest;
      try {
        const value: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
        // The panel's `my` call is bounded as a page's is before its schema, which recurses per level (docs/behaviour.md#a26-call-size-limits).
        const refusal = typeof value === 'object' && value !== null && 'kind' in value && value.kind === 'my' && 'message' in value ? callBoundRefusal(value.message) : undefined;
        if (refusal !== undefined) {
          warn('invalid-panel-message', `panel message rejected: ${refusal}`, { preview: preview(raw) });
          return;
        }
        const parsed = panelRequestSchema.safeParse(value);
        if (!parsed.success) {
          warn('invalid-panel-message', `panel message rejected: ${describeIssues(parsed.error)}`, { preview: preview(raw) });
          return;
        }
        request = parsed.data;
      } catch (error) {
        warn('invalid-panel-message', `panel message rejected: ${error instanceof Error ? error.message : String(error)}`, { preview: preview(raw) });
        return;
      }
      try {
        handle(request);
      } catch (error) {
        reportFailure(request, error);
      }
    },
    pauseIncoming(paused) {
      client?.pauseIncoming(paused);
    },
    close() {
      if (closed) return;
      closed = true;
      subscription?.close();
      stopStateUpdates?.();
      replays.close();
      previewRequests.close();
      client?.detach('panel closed');
      if (clientId) panelIdsInUse.get(engine)?.delete(clientId);
    },
  };
}

/** A short, safe rendering of a rejected message for the warning (it may be huge, cyclic or hostile). */
function preview(raw: unknown): string {
  try {
    const text = typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? String(raw));
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return `(an unprintable ${typeof raw})`;
  }
}
