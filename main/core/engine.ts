// The socket engine: owns every real socket, the clients attached to it and the settings, and logs
// everything to one capture. Hosts (Electron, browser host, tests) attach clients and a panel to it.
import type { LabEndpoint, EngineState, ConnectionInfo } from '../../shared/panel-wire';
import { CONNECTION_ID_PREFIX } from '../../shared/capture';
import type { EngineSettings } from '../../shared/settings';
import { DEFAULT_SETTINGS, engineSettingsSchema, settingsPatchSchema, withProfilePresets } from '../../shared/settings';
import { createCaptureLog } from './capture-log';
import { runSummaryOf } from './run-summary';
import type { ManagedClientSession, SessionHost } from './client-session';
import { createClientSession } from './client-session';
import { systemClock } from './clock';
import { logWarning } from './engine-warning';
import { createMyApiServices } from './my-apis/my-api-handler';
import type { Connection } from './connection';
import type { CaptureLog, Clock, Engine } from './ports';
import type { ReplayRegistry } from './replay-registry';
import { unavailableReplayRegistry } from './replay-registry';
import type { DebugControllerOptions } from './debugging/debug-controller';
import { createDebugController } from './debugging/debug-controller';
import { networkTypeFor } from '../../shared/debugging/network-conditions';
import type { Json } from '../../shared/json';
import { createAppLife } from './app-life';

/** Injected seams: the capture log, initial settings and the clock (tests pass their own). */
export interface EngineDeps {
  capture?: CaptureLog;
  settings?: Partial<EngineSettings>;
  clock?: Clock;
  /** Makes the replay endpoints (the host passes main/replay's server; absent: replays are refused). */
  createReplayRegistry?: () => ReplayRegistry;
  /** Map-remote rules, network conditions and breakpoints to start with (docs/debugging.md). */
  debugging?: DebugControllerOptions['initial'];
  /** Where my storage is kept per project (docs/behaviour.md#storage-mirror); absent: in memory only. */
  storageDir?: string;
}

/** Closed connections kept in state() for the panel before the oldest is forgotten. */
const MAX_CLOSED_CONNECTIONS_SHOWN = 100;

/** Creates an engine; nothing is opened until a client calls connectSocket. */
export function createEngine(deps: EngineDeps = {}): Engine {
  const clock = deps.clock ?? systemClock;
  const capture = deps.capture ?? createCaptureLog({}, clock);
  runSummaryOf(capture); // counts from the first entry (docs/behaviour.md#a28-whole-run-timeline-summary)
  let settings: EngineSettings = engineSettingsSchema.parse({ ...DEFAULT_SETTINGS, ...withProfilePresets(deps.settings ?? {}) });
  let lab: LabEndpoint[] = [];
  const clients = new Map<string, ManagedClientSession>();
  const connections = new Map<string, Connection>();
  const stateListeners = new Set<() => void>();
  const counters = { single: 0, task: 0, request: 0, client: 0 };
  const myApis = createMyApiServices(deps.storageDir);
  let notifyQueued = false;
  let replays: ReplayRegistry | undefined;
  const networkStatus = () => networkTypeFor(debug.state().network.all);
  let toldNetworkType = networkTypeFor(deps.debugging?.network?.all ?? null).networkType;
  const debug = createDebugController({
    capture,
    clock,
    stateChanged,
    initial: deps.debugging,
    networkChanged() {
      const status = networkStatus();
      if (status.networkType === toldNetworkType) return;
      toldNetworkType = status.networkType;
      clients.forEach((client) => client.notifyNetwork(status));
    },
  });

  /** Many changes in one tick (a connect, its listeners, a replacement) become one notification. */
  function stateChanged(): void {
    if (notifyQueued) return;
    notifyQueued = true;
    queueMicrotask(() => {
      notifyQueued = false;
      for (const listener of [...stateListeners]) {
        try {
          listener();
        } catch {
          // A failing observer must not stop the others or the engine.
        }
      }
    });
  }

  function forgetOldClosed(): void {
    let closed = 0;
    for (const connection of connections.values()) if (connection.state() === 'CLOSED') closed += 1;
    for (const [id, connection] of connections) {
      if (closed <= MAX_CLOSED_CONNECTIONS_SHOWN) return;
      if (connection.state() === 'CLOSED') {
        connections.delete(id);
        closed -= 1;
      }
    }
  }

  const host: SessionHost = {
    capture,
    clock,
    debug,
    settings: () => settings,
    nextConnectionId(mode) {
      counters[mode] += 1;
      return `${CONNECTION_ID_PREFIX[mode]}${counters[mode]}`;
    },
    track(connection) {
      connections.set(connection.connectionId, connection);
      forgetOldClosed();
      stateChanged();
    },
    stateChanged,
    myApis,
  };

  /** The mini-app page clients: everything but the panels' own `my`. */
  const appClients = (): ManagedClientSession[] => [...clients.values()].filter((client) => client.info().origin !== 'panel');
  const appLife = createAppLife({ capture, clock, backgroundCloseSeconds: () => settings.backgroundCloseSeconds, appClients, stateChanged });

  function logEngine(name: string, detail: Record<string, Json>): void {
    capture.append({ clientId: '', connectionId: '', kind: 'lifecycle', name, direction: 'none', size: 0, detail });
  }

  const engine: Engine = {
    capture,
    debug,
    appLife,
    attachClient({ origin, clientId, send, appJson, projectKey, holdCalls }) {
      const id = clientId ?? `app-${(counters.client += 1)}`;
      clients.get(id)?.detach('replaced by a new client with the same id');
      const session = createClientSession(host, { clientId: id, origin, appJson, ...(projectKey !== undefined ? { projectKey } : {}) }, send, holdCalls);
      session.onDetached(() => {
        if (clients.get(id) === session) clients.delete(id);
      });
      clients.set(id, session);
      // A client's `my` starts out online on Wi-Fi; it is told only when the emulated network says otherwise.
      if (networkStatus().networkType !== networkTypeFor(null).networkType) session.notifyNetwork(networkStatus());
      logEngine('client-attached', { clientId: id, origin });
      if (origin !== 'panel') appLife.clientAttached();
      stateChanged();
      return session;
    },
    settings: () => settings,
    updateSettings(patch) {
      const parsed = settingsPatchSchema.safeParse(patch);
      if (!parsed.success) {
        logWarning(capture, { clientId: '' }, { id: 'invalid-settings', message: `Settings patch refused: ${parsed.error.issues.map((issue) => issue.message).join('; ')}` });
        return;
      }
      settings = { ...settings, ...withProfilePresets(parsed.data) };
      logEngine('settings', { ...parsed.data });
      appLife.settingsChanged();
      stateChanged();
    },
    state(): EngineState {
      const infos: ConnectionInfo[] = [...connections.values()].map((connection) => connection.info());
      return { settings: { ...settings }, connections: infos, clients: [...clients.values()].map((client) => client.info()), lab: lab.map((endpoint) => ({ ...endpoint })), debugging: debug.state(), app: appLife.state() };
    },
    onStateChange(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    forceClose(connectionId, code, reason) {
      const owner = [...clients.values()].find((client) => client.owns(connectionId));
      if (!owner) {
        logWarning(capture, { clientId: '' }, { id: 'force-close-unknown', message: `No live connection ${connectionId} to close.`, detail: { connectionId } });
        return;
      }
      owner.forceClose(connectionId, code, reason);
    },
    inject(request, mark) {
      const owner = [...clients.values()].find((client) => client.owns(request.connectionId));
      const outcome = owner ? owner.inject(request, mark) : { ok: false as const, reason: `no connection ${request.connectionId}` };
      const resent = mark !== undefined && 'resent' in mark;
      if (!outcome.ok) logWarning(capture, { clientId: '', connectionId: request.connectionId }, { id: resent ? 'resend-failed' : 'inject-failed', message: `${resent ? 'Resend' : 'Injection'} refused: ${outcome.reason}.`, detail: { direction: request.direction } });
      return outcome;
    },
    replays() {
      replays ??= (deps.createReplayRegistry ?? unavailableReplayRegistry)();
      return replays;
    },
    storage: () => myApis.storage,
    setLabEndpoints(endpoints) {
      lab = endpoints.map((endpoint) => ({ ...endpoint }));
      stateChanged();
    },
    async shutdown() {
      appLife.dispose();
      const sessions = [...clients.values()];
      const pending = sessions.flatMap((client) => client.closedSockets());
      sessions.forEach((client) => client.detach('engine shutdown'));
      await Promise.all([...pending, replays?.close(), myApis.storage.flush()]);
      replays = undefined;
    },
  };
  return engine;
}
