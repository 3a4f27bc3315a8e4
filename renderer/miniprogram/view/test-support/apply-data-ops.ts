// Test double for shared/miniprogram/data-path.ts `applyDataOps` (built on the logic branch): `set` creates
// missing containers, `splice` splices the array at the path. Copies along the path like the real one.
import type { Json } from '../../../../shared/json';
import type { DataOp, DataPathSegment } from '../../../../shared/miniprogram/view-logic-protocol';
import type { InstanceData } from '../view-host';

type Container = Json[] | { [key: string]: Json };

function update(value: Json | undefined, path: DataPathSegment[], change: (old: Json | undefined) => Json): Json {
  const [head, ...rest] = path;
  if (head === undefined) return change(value);
  const copy: Container = Array.isArray(value) ? [...value] : typeof value === 'object' && value !== null ? { ...value } : typeof head === 'number' ? [] : {};
  const record = copy as Record<string | number, Json>;
  record[head] = update(record[head], rest, change);
  return copy;
}

export function applyDataOpsForTests(data: InstanceData, ops: readonly DataOp[]): InstanceData {
  let result: Json = data;
  for (const op of ops) {
    result = update(result, op.path, (old) => {
      if (op.op === 'set') return op.value;
      const list = Array.isArray(old) ? [...old] : [];
      list.splice(op.start, op.deleteCount, ...op.items);
      return list;
    });
  }
  return result as InstanceData;
}
