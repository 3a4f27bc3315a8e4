// The panel's own connections, driven through the panel's `my` exactly as a mini-app would drive them: the
// single-mode socket and any SocketTasks, their states from the events, and the outcome of every call
// (success, or fail with code and message) for the controls to show inline.
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { MySocketApi, SocketCallFailure, SocketTask } from '../../shared/my/types';
import type { OutgoingMessage } from './parse-inputs';

export type PanelSocketState = 'connecting' | 'open' | 'closed' | 'failed';

/** One connection the panel opened. */
export interface PanelConnectionView {
  /** 'single', or 'task-N' for the N-th task the panel created. */
  key: string;
  mode: 'single' | 'task';
  url: string;
  state: PanelSocketState;
  /** The engine's task id, once an event told it. */
  socketTaskID?: string;
  received: number;
  lastError?: SocketCallFailure;
  closeCode?: number;
  closeReason?: string;
}

/** The answer to one call, as shown under the controls. */
export interface CallOutcome {
  id: number;
  /** What was called, e.g. "connectSocket ws://…" or "task-2.send". */
  label: string;
  ok: boolean;
  /** "success", or "error 5: The URL must start with WS or WSS." */
  text: string;
}

export interface PanelSocketsState {
  connections: PanelConnectionView[];
  /** Newest first, at most OUTCOME_LIMIT. */
  outcomes: CallOutcome[];
}

/** What connect needs; options are already parsed and validated by the form. */
export interface ConnectRequest {
  url: string;
  data?: Record<string, unknown>;
  header?: Record<string, string>;
  protocols?: string[];
  multiple: boolean;
  timeout?: number;
}

export interface PanelSockets {
  store: StoreApi<PanelSocketsState>;
  /**
   * Starts a connection. `key` names it at once ('single' or 'task-N'), so a call can follow before the
   * answer; `answered` resolves true on connectSocket's success, false on its fail.
   */
  connect(request: ConnectRequest): { key: string; answered: Promise<boolean> };
  send(key: string, message: OutgoingMessage): Promise<boolean>;
  close(key: string, code?: number, reason?: string): Promise<boolean>;
  /** Removes a closed or failed connection from the list. */
  dismiss(key: string): void;
  /** Resolves true once the connection is open, false once it closed or failed first. */
  whenOpen(key: string): Promise<boolean>;
}

export const OUTCOME_LIMIT = 12;
/** How often the message counters are brought up to date. */
export const RECEIVED_FLUSH_MS = 200;
/** Closed or failed tasks kept in the list (older ones are dropped when a new connection starts). */
export const CLOSED_TASKS_KEPT = 3;

const failureText = (failure: SocketCallFailure) => `error ${failure.error}: ${failure.errorMessage}`;
const closeText = (code: number, reason: string) => `closed ${code}${reason ? ` "${reason}"` : ''}`;

/** Wraps the panel's `my` into PanelSockets (see the module comment). */
export function createPanelSockets(my: MySocketApi): PanelSockets {
  const store = createStore<PanelSocketsState>(() => ({ connections: [], outcomes: [] }));
  const tasks = new Map<string, SocketTask>();
  let outcomeId = 0;
  let taskCount = 0;

  const patch = (key: string, change: Partial<PanelConnectionView> | ((view: PanelConnectionView) => Partial<PanelConnectionView>)) =>
    store.setState((state) => ({
      connections: state.connections.map((view) => (view.key === key ? { ...view, ...(typeof change === 'function' ? change(view) : change) } : view)),
    }));
  const upsert = (view: PanelConnectionView) =>
    store.setState((state) => {
      const others = state.connections.filter((existing) => existing.key !== view.key);
      return { connections: pruneClosedTasks(view.key === 'single' ? [view, ...others] : [...others, view]) };
    });
  // Reproductions leave many finished tasks behind: only the newest few closed ones stay listed.
  const pruneClosedTasks = (connections: PanelConnectionView[]) => {
    const finished = connections.filter((view) => view.mode === 'task' && (view.state === 'closed' || view.state === 'failed'));
    const dropped = new Set(finished.slice(0, Math.max(0, finished.length - CLOSED_TASKS_KEPT)).map((view) => view.key));
    dropped.forEach((key) => tasks.delete(key));
    return dropped.size === 0 ? connections : connections.filter((view) => !dropped.has(view.key));
  };
  const record = (label: string, ok: boolean, text: string) => {
    outcomeId += 1;
    const outcome: CallOutcome = { id: outcomeId, label, ok, text };
    store.setState((state) => ({ outcomes: [outcome, ...state.outcomes].slice(0, OUTCOME_LIMIT) }));
  };

  // Message counts change at flood rate: they are added up and shown at most every RECEIVED_FLUSH_MS,
  // so a flood costs the controls a few renders a second, not one per message.
  const unshownReceived = new Map<string, number>();
  let receivedTimer: ReturnType<typeof setTimeout> | undefined;
  const flushReceived = () => {
    receivedTimer = undefined;
    const counts = new Map(unshownReceived);
    unshownReceived.clear();
    store.setState((state) => ({
      connections: state.connections.map((view) => (counts.has(view.key) ? { ...view, received: view.received + (counts.get(view.key) ?? 0) } : view)),
    }));
  };
  const countReceived = (key: string) => {
    unshownReceived.set(key, (unshownReceived.get(key) ?? 0) + 1);
    receivedTimer ??= setTimeout(flushReceived, RECEIVED_FLUSH_MS);
  };

  // Global listeners are registered once, up front, as a well-behaved mini-app does.
  my.onSocketOpen(() => patch('single', { state: 'open' }));
  my.onSocketMessage(() => countReceived('single'));
  my.onSocketError((event) => {
    record('onSocketError', false, failureText(event));
    patch('single', { lastError: { error: event.error, errorMessage: event.errorMessage } });
  });
  my.onSocketClose((event) => {
    record('onSocketClose', true, closeText(event.code, event.reason));
    patch('single', { state: 'closed', closeCode: event.code, closeReason: event.reason });
  });

  function connect(request: ConnectRequest): { key: string; answered: Promise<boolean> } {
    const label = `connectSocket${request.multiple ? ' (task)' : ''} ${request.url}`;
    const options = {
      url: request.url,
      ...(request.data !== undefined ? { data: request.data } : {}),
      ...(request.header !== undefined ? { header: request.header } : {}),
      ...(request.protocols !== undefined ? { protocols: request.protocols } : {}),
      ...(request.timeout !== undefined ? { timeout: request.timeout } : {}),
    };
    if (!request.multiple) {
      const answered = new Promise<boolean>((resolve) => {
        my.connectSocket({
          ...options,
          multiple: false,
          // The view is (re)set on success, after a replaced connection's close event has arrived.
          success: () => {
            record(label, true, 'success (connecting; open follows as an event)');
            upsert({ key: 'single', mode: 'single', url: request.url, state: 'connecting', received: 0 });
            resolve(true);
          },
          fail: (failure) => {
            record(label, false, failureText(failure));
            resolve(false);
          },
        });
      });
      return { key: 'single', answered };
    }
    taskCount += 1;
    const key = `task-${taskCount}`;
    upsert({ key, mode: 'task', url: request.url, state: 'connecting', received: 0 });
    let task: SocketTask | undefined;
    const answered = new Promise<boolean>((resolve) => {
      task = my.connectSocket({
        ...options,
        multiple: true,
        success: () => {
          record(label, true, `success: ${key} (connecting; open follows as an event)`);
          resolve(true);
        },
        fail: (failure) => {
          record(label, false, failureText(failure));
          patch(key, { state: 'failed', lastError: failure });
          resolve(false);
        },
      });
    });
    if (task) watchTask(key, task);
    return { key, answered };
  }

  function watchTask(key: string, task: SocketTask): void {
    tasks.set(key, task);
    task.onOpen((event) => patch(key, { state: 'open', socketTaskID: event.socketTaskID }));
    task.onMessage(() => countReceived(key));
    task.onError((event) => {
      record(`${key}.onError`, false, failureText(event));
      patch(key, { lastError: { error: event.error, errorMessage: event.errorMessage }, socketTaskID: event.socketTaskID });
    });
    // Task close events carry no code (docs/behaviour.md#a10-task-event-payloads); the engine's connection list and the log have it.
    task.onClose((event) => {
      record(`${key}.onClose`, true, 'closed');
      patch(key, (view) => ({ state: view.state === 'failed' ? 'failed' : 'closed', socketTaskID: event.socketTaskID }));
    });
  }

  function send(key: string, message: OutgoingMessage): Promise<boolean> {
    const label = `${key === 'single' ? 'sendSocketMessage' : `${key}.send`} (${message.isBuffer ? 'binary' : 'text'}, ${message.data.length} chars)`;
    return new Promise((resolve) => {
      const callbacks = {
        data: message.data,
        isBuffer: message.isBuffer,
        success: () => {
          record(label, true, 'success');
          resolve(true);
        },
        fail: (failure: SocketCallFailure) => {
          record(label, false, failureText(failure));
          resolve(false);
        },
      };
      const task = tasks.get(key);
      if (key === 'single') void my.sendSocketMessage(callbacks);
      else if (task) void task.send(callbacks);
      else {
        record(label, false, `no connection ${key}`);
        resolve(false);
      }
    });
  }

  function close(key: string, code?: number, reason?: string): Promise<boolean> {
    const label = `${key === 'single' ? 'closeSocket' : `${key}.close`}${code !== undefined ? ` ${code}` : ''}${reason ? ` "${reason}"` : ''}`;
    return new Promise((resolve) => {
      const options = {
        ...(code !== undefined ? { code } : {}),
        ...(reason !== undefined && reason !== '' ? { reason } : {}),
        success: () => {
          record(label, true, 'success (close follows as an event)');
          resolve(true);
        },
        fail: (failure: SocketCallFailure) => {
          record(label, false, failureText(failure));
          resolve(false);
        },
      };
      const task = tasks.get(key);
      if (key === 'single') void my.closeSocket(options);
      else if (task) void task.close(options);
      else {
        record(label, false, `no connection ${key}`);
        resolve(false);
      }
    });
  }

  function dismiss(key: string): void {
    tasks.delete(key);
    store.setState((state) => ({ connections: state.connections.filter((view) => view.key !== key) }));
  }

  function whenOpen(key: string): Promise<boolean> {
    return new Promise((resolve) => {
      const settled = (state: PanelSocketsState) => {
        const view = state.connections.find((candidate) => candidate.key === key);
        if (!view) return false;
        if (view.state === 'connecting') return undefined;
        return view.state === 'open';
      };
      const now = settled(store.getState());
      if (now !== undefined) {
        resolve(now);
        return;
      }
      const unsubscribe = store.subscribe((state) => {
        const result = settled(state);
        if (result === undefined) return;
        unsubscribe();
        resolve(result);
      });
    });
  }

  return { store, connect, send, close, dismiss, whenOpen };
}
