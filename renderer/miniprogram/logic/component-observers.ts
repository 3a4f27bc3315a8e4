// Data-change observers of a component (docs/miniprogram-runtime.md#observers-and-lifetimes): each `observers` key
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

export interface ComponentObservers {
  /** Records one batch of changed paths (one setData call, or the props that changed in one update). */
  note(paths: DataPathSegment[][]): void;
  /** Forgets recorded batches (the data a component starts with is no change). */
  clear(): void;
  /** Fires the observers of the recorded batches in order, and of batches their own setData adds. */
  run(call: (fn: Fn, args: unknown[]) => void, values: () => Record<string, unknown>, warn: (message: string) => void): void;
}

export function createComponentObservers(entries: readonly ObserverEntry[]): ComponentObservers {
  const observers: Observer[] = entries.map((entry) => ({ fields: parseFields(entry.key), fn: entry.fn })).filter((observer) => observer.fields.length > 0);
  let batches: DataPathSegment[][][] = [];
  return {
    note(paths) {
      if (observers.length > 0 && paths.length > 0) batches.push(paths);
    },
    clear() {
      batches = [];
    },
    run(call, values, warn) {
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
