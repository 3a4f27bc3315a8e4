// Incoming frames' payload bytes held outside the V8 heap (docs/architecture.md#capture-cpu): one Buffer used
// as a ring, each ring slot's bytes at an offset in it, so the payload string made for the app dies young
// instead of being promoted (the ring held it for 200,000 appends) and read entries decode their payload
// again. Slots are released in the order they were stored (the capture evicts its oldest first), so the free
// space is one run after the newest bytes; a frame that does not fit is not stored (the ring keeps its string).

/** Bytes of the arena: a 200,000-entry ring of ~100-byte frames fits; larger floods fall back to strings. */
export const DEFAULT_ARENA_BYTES = 32 * 1024 * 1024;

export interface PayloadArena {
  /** Copies `bytes` in for `slot`; answers false (storing nothing) when they do not fit. */
  store(slot: number, bytes: Uint8Array): boolean;
  /** The payload of `slot` as the capture logs it: base64 for a binary frame, UTF-8 text otherwise. */
  text(slot: number, binary: boolean): string;
  /** Lets go of the bytes of `slot` (the oldest stored). */
  release(slot: number): void;
  /** Lets go of everything. */
  clear(): void;
}

export function createPayloadArena(slots: number, arenaBytes: number = DEFAULT_ARENA_BYTES): PayloadArena {
  let buffer: Buffer | undefined; // allocated on the first frame: a run without incoming frames pays nothing
  const start = new Uint32Array(slots);
  const length = new Uint32Array(slots);
  const span = new Uint32Array(slots); // length plus the unused tail skipped when the frame wrapped to 0
  let head = 0;
  let used = 0;

  return {
    store(slot, bytes) {
      const size = bytes.length;
      const wraps = head + size > arenaBytes;
      const needed = wraps ? arenaBytes - head + size : size;
      if (needed > arenaBytes - used) return false;
      buffer ??= Buffer.allocUnsafeSlow(arenaBytes);
      const at = wraps ? 0 : head;
      buffer.set(bytes, at);
      start[slot] = at;
      length[slot] = size;
      span[slot] = needed;
      head = at + size;
      used += needed;
      return true;
    },
    text(slot, binary) {
      const from = start[slot] as number;
      const to = from + (length[slot] as number);
      return (buffer as Buffer).toString(binary ? 'base64' : 'utf8', from, to);
    },
    release(slot) {
      used -= span[slot] as number;
      span[slot] = 0;
      if (used === 0) head = 0;
    },
    clear() {
      span.fill(0);
      used = 0;
      head = 0;
    },
  };
}
