// The `moved` lifetime (docs/miniprogram-runtime.md#moved): a keyed `a:for` reorder moves some items, and every
// component inside a moved item (its own AXML's and nested lists' components included) hears it. Which items
// moved: the fewest whose moving turns the old order into the new one; the others keep their order
// (a longest increasing run of their old positions). Inserted and removed items move nothing.

/** Preact context key: the move scope of the nearest `a:for` item around a component. */
export const MOVE_SCOPE = 'mpMoveScope';

/** Who hears that an item moved: components directly inside it and the scopes of lists nested in it. */
export class MoveScope {
  private readonly listeners = new Set<() => void>();

  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  fire(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

/** The move scope a component or list item finds in its Preact context. */
export function moveScopeOf(context: Record<string, unknown> | undefined): MoveScope | undefined {
  const scope = context?.[MOVE_SCOPE];
  return scope instanceof MoveScope ? scope : undefined;
}

/** Keys of `after` that moved relative to `before` (keys in only one of them never count). */
export function movedKeys(before: readonly unknown[], after: readonly unknown[]): Set<unknown> {
  const oldPosition = new Map(before.map((key, position) => [key, position]));
  const kept = after.filter((key) => oldPosition.has(key));
  const positions = kept.map((key) => oldPosition.get(key) as number);
  const staying = longestIncreasing(positions);
  return new Set(kept.filter((_key, index) => !staying.has(index)));
}

/** Indexes of one longest strictly increasing subsequence of `values` (patience sorting, O(n log n)). */
function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = [];
  values.forEach((value, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((values[tails[middle] as number] as number) < value) low = middle + 1;
      else high = middle;
    }
    previous[index] = low > 0 ? (tails[low - 1] as number) : -1;
    tails[low] = index;
  });
  const staying = new Set<number>();
  for (let index = tails.at(-1) ?? -1; index >= 0; index = previous[index] as number) staying.add(index);
  return staying;
}
