// Coalesces the frames written to one socket in one tick into one system call. A page's calls reach the
// engine in batches (the shim packs a microtask's calls, the bridge carries them as one message), and `ws`
// writes each frame with its own writev: a burst of sends then costs one system call per frame. Corking the
// TCP/TLS socket on the first write of a tick and uncorking it on the next process tick hands the kernel the
// whole batch at once, in order (docs/architecture.md#the-frame-path). Write callbacks still fire per frame.
import type { Duplex } from 'node:stream';

/** Holds the writes made to `socket` in this tick and releases them together on the next tick. */
export interface WriteCoalescer {
  /** Call before each write; the first call of a tick corks the socket. */
  beforeWrite(): void;
}

export function createWriteCoalescer(socket: () => Duplex | undefined): WriteCoalescer {
  let corked: Duplex | undefined;
  const release = (): void => {
    const held = corked;
    corked = undefined;
    if (held && !held.destroyed) held.uncork();
  };
  return {
    beforeWrite() {
      if (corked) return;
      const target = socket();
      if (!target || target.destroyed) return;
      corked = target;
      target.cork();
      process.nextTick(release);
    },
  };
}
