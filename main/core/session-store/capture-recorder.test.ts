import { describe, expect, it } from 'vitest';
import { createCaptureLog } from '../capture-log';
import { recordCapture } from './capture-recorder';
import { openSessionStore } from './session-store';
import { collect, withTempDir } from './test-support/entries';

describe('capture recorder', () => {
  it('saves every entry of the run in the session although the ring keeps only the recent ones', async () => {
    await withTempDir(async (dir) => {
      const store = await openSessionStore({ dir });
      const log = createCaptureLog({ capacity: 10 });
      log.append({ clientId: 'app-1', connectionId: '', kind: 'call', name: 'before-recording', direction: 'none', size: 0 });
      const recorder = recordCapture(log, store, '/apps/demo');
      expect(recorder.liveFromSeq()).toBe(1);
      for (let i = 0; i < 1000; i += 1) {
        log.append({ clientId: 'app-1', connectionId: 't1', kind: 'frame', name: 'text', direction: 'in', opcode: 1, size: 1, payload: String(i) });
        if (i === 500) log.clear();
      }
      expect(log.stats()).toMatchObject({ total: 1001, held: 10 });
      // The clear came after seq 501: the live capture (exports, /api/capture.*) starts at 502.
      expect(recorder.liveFromSeq()).toBe(502);
      const info = await recorder.stop();
      expect(info).toMatchObject({ id: recorder.sessionId, miniapp: '/apps/demo', entries: 1000, live: false });
      const saved = await collect(store.entries(recorder.sessionId));
      expect(saved.map((entry) => entry.seq)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
      expect(saved.map((entry) => entry.payload)).toEqual(Array.from({ length: 1000 }, (_, i) => String(i)));
      expect(saved.slice(-10)).toEqual([...log.from(0)]);
      await store.close();
    });
  });
});
