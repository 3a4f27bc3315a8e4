// Runs a measured side in its own Node process (`node [flags] --import tsx <script> <input JSON>`), so
// each run starts with a fresh heap and the other side's work never shares its event loop. The child
// answers with one IPC message (see children/child-io.ts).
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface ChildOptions {
  /** Node flags before the script, e.g. --expose-gc, --cpu-prof. */
  nodeFlags?: string[];
  timeoutMs: number;
}

type ChildMessage = { ok: true; value: unknown } | { ok: false; error: string };

function forkScript(root: string, script: string, input: unknown, nodeFlags: string[]): ChildProcess {
  return fork(join(root, 'bench', 'children', script), [JSON.stringify(input)], {
    cwd: root,
    execArgv: [...nodeFlags, '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

function firstMessage<T>(child: ChildProcess, script: string, timeoutMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} gave no answer within ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
    child.once('message', (message: ChildMessage) => {
      clearTimeout(timer);
      if (message.ok) resolve(message.value as T);
      else reject(new Error(`${script}: ${message.error}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${signal ?? code}) without an answer`));
    });
  });
}

/** Runs `script` to completion and returns its answer. */
export async function runChildScript<T>(root: string, script: string, input: unknown, options: ChildOptions): Promise<T> {
  const child = forkScript(root, script, input, options.nodeFlags ?? []);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    return await firstMessage<T>(child, script, options.timeoutMs);
  } finally {
    await exited;
  }
}

/** A child that keeps running after it answered (a server): its answer, and how to stop it. */
export interface ChildService<T> {
  info: T;
  /** The child's process id (to read its CPU time from /proc). */
  pid: number;
  stop(): Promise<void>;
}

/** Starts `script`, waits for its ready answer; stop() sends SIGTERM to that child only. */
export async function startChildService<T>(root: string, script: string, input: unknown, options: ChildOptions): Promise<ChildService<T>> {
  const child = forkScript(root, script, input, options.nodeFlags ?? []);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const info = await firstMessage<T>(child, script, options.timeoutMs);
  return {
    info,
    pid: child.pid as number,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
