// Where a receiving thread's time went over a measured window (docs/architecture.md#capture-cpu): running,
// waiting for a core (the scheduler's run queue), or asleep (waiting for data, a timer or a lock), from
// Linux's /proc schedstat; plus the CPU time of the process's other threads (V8's GC helpers, libuv, a
// worker). A thread that ends inside the window takes its time with it. NaN off Linux.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** Cumulative counters at one moment, µs. */
export interface ThreadTimesSample {
  at: number;
  running: number;
  waiting: number;
  otherThreadsRunning: number;
}

/** A window's split, µs: running + waiting + asleep = the window's wall time. */
export interface ThreadTimes {
  running: number;
  waiting: number;
  asleep: number;
  otherThreadsRunning: number;
}

/** [running, waiting] µs of one task from its schedstat ("<ns on cpu> <ns waiting on a run queue> <slices>"). */
function schedstat(path: string): [number, number] {
  const [running, waiting] = readFileSync(path, 'utf8').split(' ');
  return [Number(running) / 1000, Number(waiting) / 1000];
}

/** The calling thread's counters and the other threads' CPU, now. */
export function sampleThreadTimes(): ThreadTimesSample {
  const at = performance.now() * 1000;
  try {
    const self = readlinkSync('/proc/thread-self').split('/').pop() as string;
    const [running, waiting] = schedstat('/proc/thread-self/schedstat');
    let otherThreadsRunning = 0;
    for (const tid of readdirSync('/proc/self/task')) {
      if (tid === self) continue;
      try {
        otherThreadsRunning += schedstat(`/proc/self/task/${tid}/schedstat`)[0];
      } catch {
        // The thread ended between the listing and the read; its time is lost to both samples alike.
      }
    }
    return { at, running, waiting, otherThreadsRunning };
  } catch {
    return { at, running: Number.NaN, waiting: Number.NaN, otherThreadsRunning: Number.NaN };
  }
}

/** The split of the window from `since` to now. */
export function threadTimesSince(since: ThreadTimesSample): ThreadTimes {
  const now = sampleThreadTimes();
  const running = now.running - since.running;
  const waiting = now.waiting - since.waiting;
  return { running, waiting, asleep: now.at - since.at - running - waiting, otherThreadsRunning: now.otherThreadsRunning - since.otherThreadsRunning };
}

/** CPU µs every thread of process `pid` has run so far (NaN off Linux). */
export function processRunningMicros(pid: number): number {
  try {
    let running = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        running += schedstat(`/proc/${pid}/task/${tid}/schedstat`)[0];
      } catch {
        // A thread that ended meanwhile.
      }
    }
    return running;
  } catch {
    return Number.NaN;
  }
}
