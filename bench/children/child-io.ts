// The child side of harness/child-script.ts: the input comes as argv[2] (JSON), the answer goes back as
// one IPC message, and a failure is answered too, so the runner can say what went wrong.
import { readFileSync } from 'node:fs';

/** Linux's USER_HZ, the unit of /proc's CPU times (100 on every mainstream build). */
const CLOCK_TICKS_PER_SECOND = 100;

/** The JSON input the runner passed. */
export function childInput<T>(): T {
  return JSON.parse(process.argv[2] ?? '{}') as T;
}

/** Runs `work` and answers with its value or its error; exits unless `keepAlive`. */
export async function answer<T>(work: () => Promise<T>, keepAlive = false): Promise<void> {
  try {
    const value = await work();
    await send({ ok: true, value });
    if (!keepAlive) process.exit(0);
  } catch (error) {
    await send({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  }
}

function send(message: unknown): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) {
      console.log(JSON.stringify(message));
      resolve();
      return;
    }
    process.send(message, () => resolve());
  });
}

/** Waits until `condition` holds, polling; rejects with `what` after `timeoutMs`. */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** CPU µs (user + system) this process used since `since`. */
export function cpuMicrosSince(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return used.user + used.system;
}

/**
 * CPU µs (user + system) the calling thread has used, from Linux's /proc/thread-self/stat (clock ticks,
 * 10 ms each): process.cpuUsage() counts every thread, including the session writer thread. NaN elsewhere.
 */
export function threadCpuMicros(): number {
  try {
    const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime are fields 14 and 15 of stat(5); fields[0] here is field 3.
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}
