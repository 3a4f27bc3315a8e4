// One mini-program's storage as key → JSON text with its size accounting. The page keeps one as the
// mirror that Sync calls read (docs/behaviour.md#storage-mirror); the engine keeps one per project and
// persists it. Both apply the same limits, so a write the page accepted is one the engine keeps.
import type { StorageWrite } from '../my-wire';
import { STORAGE_LIMITS, entryBytes } from './storage-limits';

/** Why a write was refused: 14 one entry too large, 12 the mini-program's total reached (docs/behaviour.md#storage-limits). */
export interface StorageRefusal {
  error: 12 | 14;
  errorMessage: string;
}

export interface StorageMirror {
  get(key: string): string | undefined;
  keys(): string[];
  /** UTF-8 bytes of every key and value. */
  totalBytes(): number;
  /** Applies a write; a set past the limits changes nothing and says why. */
  apply(write: StorageWrite): StorageRefusal | undefined;
  /** Replaces everything (the engine's seed, or a file read from disk); entries past the limits are dropped. */
  replace(entries: Readonly<Record<string, string>>): void;
  entries(): Record<string, string>;
}

export function createStorageMirror(): StorageMirror {
  const values = new Map<string, string>();
  let total = 0;

  function remove(key: string): void {
    const old = values.get(key);
    if (old === undefined) return;
    total -= entryBytes(key, old);
    values.delete(key);
  }

  function set(key: string, value: string): StorageRefusal | undefined {
    const bytes = entryBytes(key, value);
    if (bytes > STORAGE_LIMITS.maxEntryBytes) {
      return { error: 14, errorMessage: `data too long: key "${key.slice(0, 64)}" needs ${bytes} bytes, the limit is 200 KB per key` };
    }
    const old = values.get(key);
    const after = total - (old === undefined ? 0 : entryBytes(key, old)) + bytes;
    if (after > STORAGE_LIMITS.maxTotalBytes) {
      return { error: 12, errorMessage: `storage full: the write would use ${after} bytes, the limit is 10 MB per mini-program` };
    }
    values.set(key, value);
    total = after;
    return undefined;
  }

  const mirror: StorageMirror = {
    get: (key) => values.get(key),
    keys: () => [...values.keys()],
    totalBytes: () => total,
    apply(write) {
      if (write.action === 'set') return set(write.key, write.value);
      if (write.action === 'remove') remove(write.key);
      else {
        values.clear();
        total = 0;
      }
      return undefined;
    },
    replace(entries) {
      values.clear();
      total = 0;
      for (const [key, value] of Object.entries(entries)) if (typeof value === 'string' && key !== '') set(key, value);
    },
    entries: () => Object.fromEntries(values),
  };
  return mirror;
}
