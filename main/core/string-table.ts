// Small numbers for the few strings the capture repeats on every entry (client and connection ids, names,
// pages), so the ring stores 4 bytes instead of a reference (docs/architecture.md#capture-memory).
// Counted: a string leaves the table when no held entry uses it, so a reconnect storm's thousands of
// connection ids do not pile up.

/** The id that stands for "no string". */
export const NO_STRING = 0;

export interface StringTable {
  /** The id of `text` (NO_STRING for undefined), counting one more use. `hint`, an id that likely stands
   * for `text` (the previous entry's), is checked before the Map: consecutive entries mostly repeat them. */
  acquire(text: string | undefined, hint?: number): number;
  /** One use of `id` fewer; the string is forgotten at none. */
  release(id: number): void;
  /** The string of a held id (undefined for NO_STRING). */
  text(id: number): string | undefined;
  /** Strings held now. */
  size(): number;
  clear(): void;
}

export function createStringTable(): StringTable {
  const ids = new Map<string, number>();
  let texts: (string | undefined)[] = [undefined];
  let uses: number[] = [0];
  let free: number[] = [];

  return {
    acquire(text, hint = NO_STRING) {
      if (text === undefined) return NO_STRING;
      // A freed id holds no text, so a stale hint fails the check.
      let id = texts[hint] === text ? hint : ids.get(text);
      if (id === undefined) {
        id = free.pop() ?? texts.length;
        texts[id] = text;
        uses[id] = 0;
        ids.set(text, id);
      }
      uses[id] = (uses[id] as number) + 1;
      return id;
    },
    release(id) {
      if (id === NO_STRING) return;
      const left = (uses[id] as number) - 1;
      uses[id] = left;
      if (left > 0) return;
      const text = texts[id] as string;
      ids.delete(text);
      texts[id] = undefined;
      free.push(id);
    },
    text: (id) => texts[id],
    size: () => ids.size,
    clear() {
      ids.clear();
      texts = [undefined];
      uses = [0];
      free = [];
    },
  };
}
