// The session survives a SIGKILL of the engine's process mid-flood: gap-free seqs, and its received frames
// are an in-order prefix of what the server sent, missing at most what arrived in the last second.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openSessionStore } from './session-store';
import { withTempDir } from './test-support/entries';

const child = fileURLToPath(new URL('./test-support/flood-into-session.ts', import.meta.url));

describe('session store under SIGKILL', () => {
  it('recovers a gap-free prefix of the frames the server sent, losing at most the last second', async () => {
    await withTempDir(async (dir) => {
      const flood = spawn(process.execPath, ['--import', 'tsx', child, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
      const reports: { at: number; recorded: number }[] = [];
      let sessionId = '';
      const lines = createInterface({ input: flood.stdout });
      lines.on('line', (line) => {
        const [word, value] = line.split(' ');
        if (word === 'session' && value) sessionId = value;
        if (word === 'recorded') reports.push({ at: performance.now(), recorded: Number(value) });
      });
      // Flood for a while past the point where frames started to arrive, then kill without warning.
      await new Promise<void>((resolve, reject) => {
        const check = setInterval(() => {
          const first = reports.find((report) => report.recorded > 100);
          if (first && performance.now() - first.at > 2500) {
            clearInterval(check);
            resolve();
          }
        }, 20);
        flood.once('exit', (code) => {
          clearInterval(check);
          reject(new Error(`flood child exited early (${code})`));
        });
      });
      const killedAt = performance.now();
      flood.kill('SIGKILL');
      await new Promise((resolve) => flood.once('exit', resolve));

      const warnings: string[] = [];
      const store = await openSessionStore({ dir, onWarning: (warning) => warnings.push(warning) });
      const session = store.get(sessionId);
      expect(session).toMatchObject({ live: false, recovered: true, miniapp: 'sigkill-test' });
      expect(warnings).toEqual([`session ${sessionId} ended in a crash: recovered ${session?.entries} entries`]);
      let seq = 0;
      let received = 0;
      for await (const entry of store.entries(sessionId)) {
        if (entry.seq !== seq) throw new Error(`entry ${seq} has seq ${entry.seq}`);
        seq += 1;
        if (entry.kind !== 'frame' || entry.direction !== 'in' || entry.opcode !== 1) continue;
        if (entry.payload !== `frame-${received}`) throw new Error(`received frame ${received} is "${entry.payload}"`);
        received += 1;
      }
      expect(seq).toBe(session?.entries);
      expect(received).toBeGreaterThan(1000);
      // Everything the capture held a second before the kill is on disk (the session began at seq 0).
      const secondBefore = reports.filter((report) => report.at <= killedAt - 1000).at(-1);
      expect(secondBefore?.recorded).toBeGreaterThan(100);
      expect(seq).toBeGreaterThanOrEqual(secondBefore?.recorded ?? Infinity);
      await store.close();
    });
  }, 30_000);
});
