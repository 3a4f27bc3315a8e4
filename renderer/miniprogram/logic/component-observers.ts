// Data-change observers of a component or a page (docs/miniprogram-runtime.md#observers-and-lifetimes; both read them
// only with `options: { observers: true }`, one implementation for both): each `observers` key
// names one or more fields ('a, b', 'a.b', 'list[0]', 'a.**', '**'). Every setData call (and every props update)
// is one batch of changed paths; an observer fires at most once per batch, when a changed path equals a field, is
// an ancestor of it, or (for `.**` fields) lies beneath it, even if the value did not change.
import { parseDataPath } from '../../../shared/miniprogram/data-path';
import type { DataPathSegment } from '../../../shared/miniprogram/view-logic-protocol';

type Fn = (...args: unknown[]) => unknown;

export interface ObserverEntry {
  key: string;
  fn: Fn;
}

interface ObservedField {
  path: DataPathSegment[];
  /** `**` (all fields) or `x.**` (x and everything beneath it). */
  deep: boolean;
}

interface Observer {
  fields: ObservedField[];
  fn: Fn;
}

/** An observer that keeps setting what it watches would never end; after this many rounds the rest waits for the next update. */
const MAX_ROUNDS = 100;

/** How observers reach their instance: `call` runs one with the instance as `this` (errors reported), `values` is what the fields are read from. */
export interface ObserverBinding {
  call(fn: Fn, args: unknown[]): void;
  values(): Record<string, unknown>;
  warn(message: string): void;
}

export interface DataObservers {
  /** Records one batch of changed paths (one setData call, or the props that changed in one update). */
  note(paths: DataPathSegment[][]): void;
  /** Forgets recorded batches (the data an instance starts with is no change). */
  clear(): void;
  /** Fires the observers of the recorded batches in order, and of batches their own setData adds. */
  run(): void;
  /** The `noteChanges` option of the instance's data: absent without observers, so a setData costs nothing more. */
  readonly listener: { noteChanges?: (paths: DataPathSegment[][]) => void };
}

/** The `observers` of option layers (mixins first), read only when the instance's `options.observers` is `true`. */
export function observerEntries(layers: readonly Record<string, unknown>[], switches: unknown): ObserverEntry[] {
  if (typeof switches !== 'object' || switches === null || (switches as Record<string, unknown>).observers !== true) return [];
  const entries: ObserverEntry[] = [];
  for (const layer of layers) {
    const declared = layer.observers;
    if (typeof declared !== 'object' || declared === null) continue;
    for (const [key, fn] of Object.entries(declared)) if (typeof fn === 'function') entries.push({ key, fn: fn as Fn });
  }
  return entries;
}

export function createDataObservers(entries: readonly ObserverEntry[], binding: ObserverBinding): DataObservers {
  const observers: Observer[] = entries.map((entry) => ({ fields: parseFields(entry.key), fn: entry.fn })).filter((observer) => observer.fields.length > 0);
  let batches: DataPathSegment[][][] = [];
  const note = (paths: DataPathSegment[][]): void => {
    if (observers.length > 0 && paths.length > 0) batches.push(paths);
  };
  const { call, values, warn } = binding;
  return {
    note,
    listener: observers.length > 0 ? { noteChanges: note } : {},
    clear() {
      batches = [];
    },
    run() {
      for (let round = 0; batches.length > 0; round += 1) {
        if (round === MAX_ROUNDS) {
          warn(`observers kept changing the data they observe for ${MAX_ROUNDS} rounds; stopped`);
          batches = [];
          return;
        }
        const batch = batches.shift() as DataPathSegment[][];
        for (const observer of observers) {
          if (!batch.some((changed) => observer.fields.some((field) => matches(field, changed)))) continue;
          const all = values();
          call(observer.fn, observer.fields.map((field) => valueAt(all, field.path)));
        }
      }
    },
  };
}

function parseFields(key: string): ObservedField[] {
  return key
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      if (part === '**') return { path: [], deep: true };
      if (part.endsWith('.**')) return { path: parseDataPath(part.slice(0, -3)), deep: true };
      return { path: parseDataPath(part), deep: false };
    });
}

function matches(field: ObservedField, changed: readonly DataPathSegment[]): boolean {
  const shared = Math.min(field.path.length, changed.length);
  for (let index = 0; index < shared; index += 1) if (String(field.path[index]) !== String(changed[index])) return false;
  return changed.length <= field.path.length || field.deep;
}

function valueAt(root: Record<string, unknown>, path: readonly DataPathSegment[]): unknown {
  let node: unknown = root;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}
