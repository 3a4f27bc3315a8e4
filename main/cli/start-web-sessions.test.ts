// The browser host as the command line starts it saves its run as a session in --sessions-dir: listed
// live at /api/sessions while it runs, ended cleanly (not "recovered") when it stops.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSessionStore } from '../core/session-store/session-store';
import { startWeb } from './start-web';
import { writeFakeOutDir } from '../host-common/test-support/fake-out-dir';

let base: string | undefined;
afterEach(async () => {
  if (base) await rm(base, { recursive: true, force: true });
  base = undefined;
});

describe('startWeb with --sessions-dir', () => {
  it('records the run into a new session there and ends it cleanly on stop', async () => {
    base = await mkdtemp(join(tmpdir(), 'msd-web-sessions-'));
    const { outDir } = await writeFakeOutDir(base);
    const sessionsDir = join(base, 'sessions');

    const web = await startWeb({ sessionsDir, prefsFile: join(sessionsDir, 'panel-preferences.json'), storageDir: join(sessionsDir, 'storage'), miniapp: join(outDir, 'miniapp-demo') }, outDir);
    let stopped = false;
    try {
      const sessionsUrl = web.host.captureHarUrl.replace('/api/capture.har?', '/api/sessions?');
      const listed = (await (await fetch(sessionsUrl)).json()) as { id: string; live: boolean; miniapp: string }[];
      expect(listed).toEqual([expect.objectContaining({ live: true, recovered: false, endedAt: null, miniapp: join(outDir, 'miniapp-demo') })]);
      await web.stop();
      stopped = true;
      const store = await openSessionStore({ dir: sessionsDir });
      expect(store.list()).toEqual([expect.objectContaining({ id: listed[0]?.id, live: false, recovered: false })]);
      await store.close();
    } finally {
      if (!stopped) await web.stop();
    }
  });
});
