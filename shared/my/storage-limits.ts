// The documented storage limits (docs/behaviour.md#storage-limits), shared by the page's mirror, which
// decides the error codes, and the engine's store, which refuses writes past them from a forged link.

export const STORAGE_LIMITS = {
  /** Bytes of one key plus its JSON text: 200 KB. */
  maxEntryBytes: 200 * 1024,
  /** Bytes of every key plus its JSON text: 10 MB per mini-program. */
  maxTotalBytes: 10 * 1024 * 1024,
  /** `limitSize` of getStorageInfo, in KB. */
  limitSizeKb: 10 * 1024,
} as const;

const encoder = new TextEncoder();

/** What one entry counts against the limits: UTF-8 bytes of the key and of the stored JSON text. */
export function entryBytes(key: string, jsonText: string): number {
  return encoder.encode(key).length + encoder.encode(jsonText).length;
}

/** getStorageInfo's `currentSize`: KB, rounded up. */
export function sizeInKb(bytes: number): number {
  return Math.ceil(bytes / 1024);
}
