// setData path keys and the data changes both halves apply in the same order (docs/miniprogram-runtime.md#references §3.4, §3.5).
// Changes copy only the containers along the changed path, so the view can compare references to find what
// changed; everything else keeps its identity.
import type { Json } from '../json';
import type { DataOp, DataPathSegment } from './view-logic-protocol';

export type DataObject = { [key: string]: Json };

const SEGMENT = /^(?:\.?([^.[\]]+)|\[(\d+)\])/;

/**
 * `'list[3].text'` → `['list', 3, 'text']`. Identifiers are separated by `.`, indices written `[n]`.
 * A key that does not follow the grammar (e.g. `'a..b'`, `'a[x]'`) is one plain key, as the device stores it.
 */
export function parseDataPath(key: string): DataPathSegment[] {
  const segments: DataPathSegment[] = [];
  let rest = key;
  while (rest.length > 0) {
    const match = SEGMENT.exec(rest);
    const isLeadingDot = segments.length === 0 && rest.startsWith('.');
    if (match === null || isLeadingDot) return [key];
    const [whole, name, index] = match;
    segments.push(name !== undefined ? name : Number(index));
    rest = rest.slice(whole.length);
  }
  return segments.length > 0 ? segments : [key];
}

/** Applies `ops` in order; returns new data sharing every untouched container with `data`. */
export function applyDataOps(data: DataObject, ops: readonly DataOp[]): DataObject {
  let root: Json = data;
  for (const op of ops) {
    root = op.op === 'set' ? setIn(root, op.path, 0, op.value) : spliceIn(root, op.path, 0, op);
  }
  return isObject(root) ? root : data;
}

function setIn(node: Json | undefined, path: readonly DataPathSegment[], depth: number, value: Json): Json {
  if (depth === path.length) return value;
  const segment = path[depth] as DataPathSegment;
  return replaceChild(node, segment, (child) => setIn(child, path, depth + 1, value));
}

function spliceIn(node: Json | undefined, path: readonly DataPathSegment[], depth: number, op: Extract<DataOp, { op: 'splice' }>): Json {
  if (depth === path.length) {
    // A missing target becomes an empty array first, like a missing container of a set path.
    const copy = Array.isArray(node) ? node.slice() : [];
    copy.splice(op.start, op.deleteCount, ...op.items);
    return copy;
  }
  const segment = path[depth] as DataPathSegment;
  return replaceChild(node, segment, (child) => spliceIn(child, path, depth + 1, op));
}

/** A copy of `node` whose child `segment` is `update(child)`; a missing or primitive node becomes a container. */
function replaceChild(node: Json | undefined, segment: DataPathSegment, update: (child: Json | undefined) => Json): Json {
  if (typeof segment === 'number' && (Array.isArray(node) || !isObject(node))) {
    const copy: Json[] = Array.isArray(node) ? node.slice() : [];
    // Holes before a far index are `null` so the array stays JSON.
    for (let index = copy.length; index < segment; index += 1) copy.push(null);
    copy[segment] = update(copy[segment]);
    return copy;
  }
  const key = String(segment);
  if (Array.isArray(node)) {
    // A name on an array (e.g. `list.length`) cannot be stored in JSON: the array is left as it is.
    return node;
  }
  const copy: DataObject = isObject(node) ? { ...node } : {};
  copy[key] = update(Object.hasOwn(copy, key) ? copy[key] : undefined);
  return copy;
}

function isObject(value: Json | undefined): value is DataObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
