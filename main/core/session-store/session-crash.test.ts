// The session survives a SIGKILL mid-flood: a gap-free, in-order prefix of what the server sent, missing
// at most what arrived in the last second before the kill.
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
      const reports: { at: number; appended: number }[] = [];
      let sessionId = '';
      const lines = createInterface({ input: flood.stdout });
      lines.on('line', (line) => {
        const [word, value] = line.split(' ');
        if (word === 'session' && value) sessionId = value;
        if (word === 'appended') reports.push({ at: performance.now(), appended: Number(value) });
      });
      // Flood for a while past the point where frames started to arrive, then kill without warning.
      await new Promise<void>((resolve, reject) => {
        const check = setInterval(() => {
          const first = reports.find((report) => report.appended > 0);
          if (first && performance.now() - first.at > 2500) {
            clearInterval(check);
            resolve();
          }
        }, 20);
        flood.once('exit', (code) => reject(new Error(`flood child exited early (${code})`)));
      });
      const killedAt = performance.now();
      flood.kill('SIGKILL');
      await new Promise((resolve) => flood.once('exit', resolve));

      const warnings: string[] = [];
      const store = await openSessionStore({ dir, onWarning: (warning) => warnings.push(warning) });
      const session = store.get(sessionId);
      expect(session).toMatchObject({ live: false, recovered: true, miniapp: 'sigkill-test' });
      expect(warnings).toEqual([`session ${sessionId} ended in a crash: recovered ${session?.entries} entries`]);
      let expected = 0;
      for await (const entry of store.entries(sessionId)) {
        if (entry.seq !== expected || entry.payload !== `frame-${expected}`) throw new Error(`entry ${expected} is seq ${entry.seq} "${entry.payload}"`);
        expected += 1;
      }
      expect(expected).toBe(session?.entries);
      // Everything appended a second before the kill is on disk.
      const secondBefore = reports.filter((report) => report.at <= killedAt - 1000).at(-1);
      expect(secondBefore?.appended).toBeGreaterThan(0);
      expect(expected).toBeGreaterThanOrEqual(secondBefore?.appended ?? Infinity);
      await store.close();
    });
  }, 30_000);
});
