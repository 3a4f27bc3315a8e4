// A host's recording over a real sessions folder: storage warnings reach the log and the capture.
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createCaptureLog } from '../core/capture-log';
import { sessionPaths } from '../core/session-store/session-files';
import { openSessionStore } from '../core/session-store/session-store';
import { frameEntry, withTempDir } from '../core/session-store/test-support/entries';
import { startSessionRecording } from './session-recording';

describe('startSessionRecording', () => {
  it('reports a recovered crash in the log and, on the next turn, as a sessions-storage warning in the capture', async () => {
    await withTempDir(async (dir) => {
      const earlier = await openSessionStore({ dir });
      const crashed = earlier.startSession();
      crashed.append(frameEntry(0));
      crashed.flush();
      // As a crash leaves it: no end marker, and its process gone.
      const metaPath = sessionPaths(dir, crashed.id).meta;
      const meta = JSON.parse(await readFile(metaPath, 'utf8')) as Record<string, unknown>;
      await writeFile(metaPath, JSON.stringify({ ...meta, pid: 2 ** 22 + 12345 }));

      const capture = createCaptureLog();
      const logged: string[] = [];
      const recording = await startSessionRecording(capture, { dir }, (message) => logged.push(message));
      expect(logged).toEqual([`session ${crashed.id} ended in a crash: recovered 1 entries`]);
      await new Promise((resolve) => setImmediate(resolve));
      const warnings = [...capture.from(0)].filter((entry) => entry.kind === 'warning');
      expect(warnings).toMatchObject([{ name: 'sessions-storage', errorMessage: logged[0] }]);
      // The warning is part of this run's session too.
      await recording.stop();
      expect(recording.saved.store.list().at(-1)).toMatchObject({ entries: 1, live: false });
      await earlier.close();
    });
  });
});
