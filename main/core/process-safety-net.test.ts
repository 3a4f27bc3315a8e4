// A real child process with the safety net: an exception and a rejection that escape every handler are
// logged on stderr and the process keeps answering.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';

const childScript = fileURLToPath(new URL('./test-support/safety-net-child.ts', import.meta.url));
let stop: (() => void) | undefined;
afterEach(() => stop?.());

it('logs an escaped exception and rejection and keeps serving', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript], { stdio: ['ignore', 'pipe', 'pipe'] });
  stop = () => child.kill('SIGKILL');
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.setEncoding('utf8').once('data', (line: string) => resolve(Number(line.trim())));
    child.once('exit', (code) => reject(new Error(`child exited with ${code}: ${stderr}`)));
  });
  for (const path of ['/throw', '/reject', '/throw']) expect((await fetch(`http://127.0.0.1:${port}${path}`)).status).toBe(200);
  // The child logs before it answers the next request, but its stderr pipe and the HTTP socket reach this
  // process independently: wait for the log lines themselves.
  const uncaught = '[safety-net] uncaught exception, still serving: Error: a check was missed';
  await expect.poll(() => stderr.split(uncaught).length - 1).toBe(2);
  await expect.poll(() => stderr).toContain('[safety-net] unhandled rejection, still serving: Error: a promise nobody awaited');
  expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('alive');
  expect(child.exitCode).toBeNull();
}, 20_000);
