// The data of one page or component instance (docs/miniprogram-runtime.md#references §3.4, §3.5): `this.data` changes at once;
// the changes of one tick travel to the view as one `set-data`, and the callbacks given with them run once
// the view acknowledges that render (`rendered`). Changes made before the instance's first `init` are
// already in the data `init` carries.
import type { Json } from '../../../shared/json';
import { applyDataOps, parseDataPath, type DataObject } from '../../../shared/miniprogram/data-path';
import type { DataOp, DataPathSegment, LogicToView } from '../../../shared/miniprogram/view-logic-protocol';

export type DataCallback = () => void;

/** setData callbacks waiting for the view's `rendered`, by callbackId (one registry per runtime). */
/** What a component's `init` carries besides data (docs/miniprogram-runtime.md#references §4.8). */
export interface ComponentInitExtras {
  externalClasses?: string[];
  virtualHost?: boolean;
  /** It has relations: the view reports its place on the page (docs/miniprogram-runtime.md#relations). */
  ordered?: boolean;
  defaultProps?: Record<string, unknown>;
}

export interface RenderAcks {
  add(callbacks: DataCallback[]): number;
  rendered(callbackIds: readonly number[]): void;
}

export function createRenderAcks(): RenderAcks {
  const waiting = new Map<number, DataCallback[]>();
  let lastId = 0;
  return {
    add(callbacks) {
      lastId += 1;
      waiting.set(lastId, callbacks);
      return lastId;
    },
    rendered(callbackIds) {
      for (const id of callbackIds) {
        const callbacks = waiting.get(id);
        waiting.delete(id);
        for (const callback of callbacks ?? []) callback();
      }
    },
  };
}

export interface InstanceDataOptions {
  instanceId: number;
  initial: DataObject;
  post: (message: LogicToView) => void;
  acks: RenderAcks;
  /** Runs a project callback with error reporting (setData callbacks are project code). */
  invoke: (callback: () => void) => void;
  warn: (message: string) => void;
  /** Called once per flush before the ops are taken (components run deriveDataFromProps here). */
  beforeFlush?: () => void;
  /** The paths one setData/$spliceData call changed (components' observers watch them). */
  noteChanges?: (paths: DataPathSegment[][]) => void;
}

export interface InstanceData {
  readonly current: DataObject;
  setData(changes: unknown, callback: unknown): void;
  spliceData(changes: unknown, callback: unknown): void;
  /** Sends `init` with the data as it is now; from here on changes travel as `set-data`. */
  /** The first data; a component's extras ride along (`externalClasses`, `virtualHost`, `defaultProps`). */
  sendInit(extras?: ComponentInitExtras): void;
  /** Stops all traffic: later changes are ignored (an unloaded page or unmounted component). */
  close(): void;
  readonly closed: boolean;
}

/** JSON copy of a setData value (functions and `undefined` members dropped, as the bridge serialises). */
export function toJson(value: unknown): Json | undefined {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  const text = JSON.stringify(value);
  return text === undefined ? undefined : (JSON.parse(text) as Json);
}

export function createInstanceData(options: InstanceDataOptions): InstanceData {
  let data = options.initial;
  let state: 'new' | 'live' | 'closed' = 'new';
  let ops: DataOp[] = [];
  let callbacks: DataCallback[] = [];
  let flushQueued = false;
  let flushing = false;

  function accept(changes: unknown, callback: unknown, toOps: (key: string, value: unknown) => DataOp | undefined): void {
    if (state === 'closed') return;
    if (typeof changes !== 'object' || changes === null) {
      options.warn('setData expects an object of paths to values');
      return;
    }
    const added: DataOp[] = [];
    for (const [key, value] of Object.entries(changes)) {
      const op = toOps(key, value);
      if (op) added.push(op);
    }
    data = applyDataOps(data, added);
    options.noteChanges?.(added.map((op) => op.path));
    ops.push(...added);
    if (typeof callback === 'function') callbacks.push(() => options.invoke(() => (callback as () => void)()));
    schedule();
  }

  function schedule(): void {
    if (flushQueued || state !== 'live') return;
    flushQueued = true;
    queueMicrotask(flush);
  }

  function flush(): void {
    flushQueued = false;
    if (state !== 'live' || (ops.length === 0 && callbacks.length === 0)) return;
    if (options.beforeFlush && !flushing && ops.length > 0) {
      // Changes made by the hook join this flush instead of starting another cycle.
      flushing = true;
      options.beforeFlush();
      flushing = false;
      flushQueued = false;
    }
    const message: LogicToView = { t: 'set-data', instanceId: options.instanceId, ops };
    if (callbacks.length > 0) message.callbackId = options.acks.add(callbacks);
    ops = [];
    callbacks = [];
    options.post(message);
  }

  return {
    get current() {
      return data;
    },
    get closed() {
      return state === 'closed';
    },
    setData(changes, callback) {
      accept(changes, callback, (key, value) => {
        const json = toJson(value);
        if (json === undefined) {
          options.warn(`setData: "${key}" was set to undefined (or a function); it is not set, as on a phone (said once per page or component and key)`);
          return undefined;
        }
        return { op: 'set', path: parseDataPath(key), value: json };
      });
    },
    spliceData(changes, callback) {
      accept(changes, callback, (key, value) => {
        const args = toJson(value);
        if (!Array.isArray(args) || typeof args[0] !== 'number') {
          options.warn(`$spliceData: "${key}" needs [start, deleteCount, ...items]`);
          return undefined;
        }
        const [start, deleteCount, ...items] = args;
        // Like Array.prototype.splice, a missing deleteCount removes everything from start on.
        const count = typeof deleteCount === 'number' ? deleteCount : Number.MAX_SAFE_INTEGER;
        return { op: 'splice', path: parseDataPath(key), start, deleteCount: count, items };
      });
    },
    sendInit(extras = {}) {
      if (state !== 'new') return;
      state = 'live';
      ops = [];
      const init: Extract<LogicToView, { t: 'init' }> = { t: 'init', instanceId: options.instanceId, data: jsonObject(data) };
      if (extras.externalClasses !== undefined && extras.externalClasses.length > 0) init.externalClasses = extras.externalClasses;
      if (extras.virtualHost !== undefined) init.virtualHost = extras.virtualHost;
      if (extras.ordered === true) init.ordered = true;
      const defaultProps = extras.defaultProps === undefined ? {} : jsonObject(extras.defaultProps);
      if (Object.keys(defaultProps).length > 0) init.defaultProps = defaultProps;
      options.post(init);
      // Callbacks of changes folded into init still wait for that first render.
      if (callbacks.length > 0) schedule();
    },
    close() {
      state = 'closed';
      ops = [];
      callbacks = [];
    },
  };
}

/** The JSON the view gets for initial data that may hold values it cannot take (functions are dropped). */
function jsonObject(data: Record<string, unknown>): DataObject {
  const json = toJson(data);
  return typeof json === 'object' && json !== null && !Array.isArray(json) ? json : {};
}
