import { describe, expect, it } from 'vitest';
import type { Json } from '../json';
import { applyDataOps, parseDataPath, type DataObject } from './data-path';

/** The value at `path` (test reader). */
function getDataAt(data: Json | undefined, path: (string | number)[]): Json | undefined {
  return path.reduce<Json | undefined>((node, segment) => (node !== null && typeof node === 'object' ? (node as Record<string, Json>)[segment] : undefined), data);
}

describe('parseDataPath', () => {
  it.each([
    ['a', ['a']],
    ['a.b.c', ['a', 'b', 'c']],
    ['array[2].message', ['array', 2, 'message']],
    ['list[3].text', ['list', 3, 'text']],
    ['m[1][2]', ['m', 1, 2]],
    ['newField.text', ['newField', 'text']],
  ])('%s', (key, expected) => {
    expect(parseDataPath(key)).toEqual(expected);
  });

  it.each(['a..b', 'a[x]', '.a', 'a[', 'a]'])('keeps %s as one plain key', (key) => {
    expect(parseDataPath(key)).toEqual([key]);
  });
});

describe('applyDataOps set', () => {
  it('creates missing containers: [] before an index, {} before a name', () => {
    const next = applyDataOps({}, [
      { op: 'set', path: ['newField', 'text'], value: 'c' },
      { op: 'set', path: ['list', 2, 'text'], value: 'x' },
    ]);
    expect(next).toEqual({ newField: { text: 'c' }, list: [null, null, { text: 'x' }] });
  });

  it('copies only the changed path (structural sharing)', () => {
    const data: DataObject = { a: { b: 1, c: { d: 2 } }, e: [{ f: 1 }, { f: 2 }], g: { h: 1 } };
    const next = applyDataOps(data, [{ op: 'set', path: ['e', 1, 'f'], value: 3 }]);
    expect(next).not.toBe(data);
    expect(next.a).toBe(data.a);
    expect(next.g).toBe(data.g);
    expect(next.e).not.toBe(data.e);
    expect(getDataAt(next, ['e', 0])).toBe(getDataAt(data, ['e', 0]));
    expect(getDataAt(next, ['e', 1, 'f'])).toBe(3);
    expect(getDataAt(data, ['e', 1, 'f'])).toBe(2);
  });

  it('replaces a primitive on the way by a container', () => {
    expect(applyDataOps({ a: 5 }, [{ op: 'set', path: ['a', 'b'], value: 1 }])).toEqual({ a: { b: 1 } });
  });

  it('treats an index on an object as a key', () => {
    expect(applyDataOps({ a: { x: 1 } }, [{ op: 'set', path: ['a', 0], value: 1 }])).toEqual({ a: { x: 1, 0: 1 } });
  });

  it('applies ops in order', () => {
    const next = applyDataOps({ n: 0 }, [
      { op: 'set', path: ['n'], value: 1 },
      { op: 'set', path: ['n'], value: 2 },
    ]);
    expect(next).toEqual({ n: 2 });
  });
});

describe('applyDataOps splice', () => {
  it('splices like Array.prototype.splice (documented example)', () => {
    const data: DataObject = { a: { b: [1, 2, 3, 4] }, other: {} };
    const next = applyDataOps(data, [{ op: 'splice', path: ['a', 'b'], start: 1, deleteCount: 0, items: [5, 6] }]);
    expect(next).toEqual({ a: { b: [1, 5, 6, 2, 3, 4] }, other: {} });
    expect(next.other).toBe(data.other);
    expect(getDataAt(data, ['a', 'b'])).toEqual([1, 2, 3, 4]);
  });

  it('deletes and supports a negative start', () => {
    const next = applyDataOps({ l: [1, 2, 3, 4] }, [{ op: 'splice', path: ['l'], start: -2, deleteCount: 1, items: [] }]);
    expect(next).toEqual({ l: [1, 2, 4] });
  });

  it('starts from an empty array when the target is missing', () => {
    expect(applyDataOps({}, [{ op: 'splice', path: ['x', 'l'], start: 0, deleteCount: 0, items: [1] }])).toEqual({ x: { l: [1] } });
  });
});
