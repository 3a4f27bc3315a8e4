// The Electron host's sessions folder: `<userData>/sessions` on real disk, with a fake `app` (the Electron
// seam) that names a temp folder as userData.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCaptureLog } from '../core/capture-log';
import { withTempDir } from '../core/session-store/test-support/entries';
import { openSessionStore } from '../core/session-store/session-store';
import { saveSessionsInUserData } from './session-saving';
import { fakeApp } from './test-support/fake-electron';

describe('saveSessionsInUserData', () => {
  it('records the run into <userData>/sessions and ends the session cleanly on stop', async () => {
    await withTempDir(async (userData) => {
      const app = fakeApp(userData);
      const capture = createCaptureLog({ capacity: 5 });
      const recording = await saveSessionsInUserData(app, capture, '/apps/demo', () => {});
      for (let i = 0; i < 20; i += 1) capture.append({ clientId: 'app-1', connectionId: 't1', kind: 'frame', name: 'text', direction: 'in', opcode: 1, size: 1, payload: String(i) });
      const live = recording.saved.live();
      expect(app.asked).toEqual(['userData']);
      expect(live && existsSync(join(userData, 'sessions', live.id, 'meta.json'))).toBe(true);
      await recording.stop();
      expect(recording.saved.live()).toBeUndefined();

      const reopened = await openSessionStore({ dir: join(userData, 'sessions') });
      expect(reopened.list()).toMatchObject([{ id: live?.id, miniapp: '/apps/demo', entries: 20, live: false, recovered: false }]);
      await reopened.close();
    });
  });
});
