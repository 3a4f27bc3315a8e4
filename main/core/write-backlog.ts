// Flow control from a server socket back to the page (docs/architecture.md#threat-model): a page can call
// my.sendSocketMessage faster than the server reads. Each send holds its frame, its call and its callback
// until the socket has taken it; without a bound a million-send burst to a slow server holds all of them.
// The backlog counts the sends of one client not yet written; past the high mark it asks the host to hold
// the page's later calls (they wait in order, none fails), and lets them go once it is down to half.

/** When a client's unwritten sends are too many (either bound). */
export interface WriteBacklogLimits {
  maxWrites: number;
  maxBytes: number;
}

/** 4096 sends or 4 MiB: a few batches of the page's calls, far beyond what a socket keeping up holds. */
export const DEFAULT_WRITE_BACKLOG: WriteBacklogLimits = { maxWrites: 4096, maxBytes: 4 * 1024 * 1024 };

export interface WriteBacklog {
  /** A send was handed to its socket. */
  started(bytes: number): void;
  /** Its socket took it (or it failed). */
  finished(bytes: number): void;
  /** Whether later calls are being held. */
  congested(): boolean;
}

/** `changed(true)` when the backlog passes a bound, `changed(false)` when it is back to half of both. */
export function createWriteBacklog(changed: (congested: boolean) => void, limits: WriteBacklogLimits = DEFAULT_WRITE_BACKLOG): WriteBacklog {
  let writes = 0;
  let bytes = 0;
  let congested = false;
  return {
    started(size) {
      writes += 1;
      bytes += size;
      if (congested || (writes <= limits.maxWrites && bytes <= limits.maxBytes)) return;
      congested = true;
      changed(true);
    },
    finished(size) {
      writes -= 1;
      bytes -= size;
      if (!congested || writes > limits.maxWrites / 2 || bytes > limits.maxBytes / 2) return;
      congested = false;
      changed(false);
    },
    congested: () => congested,
  };
}
