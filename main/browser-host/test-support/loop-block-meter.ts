// How long one turn of the event loop held it, counted in CPU time rather than wall-clock time, so the figure
// does not grow with the machine's load (docs/behaviour.md#a26-call-size-limits): a process the scheduler
// parks uses no CPU, while the wall-clock delay of monitorEventLoopDelay counts the parking too.

/** Interval of the meter's timer: the loop's turns are seen at this grain. */
const TICK_MS = 5;

export interface LoopBlockMeter {
  /** Waits for the meter's next turn (so a block at the very end is counted) and returns the largest CPU ms between two turns. */
  stop(): Promise<number>;
}

/** Process CPU (user + system) in ms. */
function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** Starts measuring: the largest CPU time the process spent between two consecutive turns of a TICK_MS timer. */
export function startLoopBlockMeter(): LoopBlockMeter {
  let last = cpuMs();
  let largest = 0;
  let onTurn: (() => void) | null = null;
  const timer = setInterval(() => {
    const now = cpuMs();
    largest = Math.max(largest, now - last);
    last = now;
    onTurn?.();
  }, TICK_MS);
  return {
    async stop() {
      await new Promise<void>((resolve) => {
        onTurn = resolve;
      });
      clearInterval(timer);
      return largest;
    },
  };
}
