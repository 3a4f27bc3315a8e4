// GET /api/sessions and /api/sessions/<id>.har|.jsonl on a real panel server on 127.0.0.1, over a real
// sessions folder.
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { captureToHar } from '../../shared/har-export';
import { harToCapture } from '../../shared/har-import';
import { captureToJsonl } from '../../shared/jsonl';
import { CAPTURE_CREATOR } from '../core/capture-export';
import { createCaptureLog } from '../core/capture-log';
import { openSessionStore, type SessionStore } from '../core/session-store/session-store';
import { frameEntry, withTempDir } from '../core/session-store/test-support/entries';
import { closeServer, listenOnLoopback } from './http-util';
import { createPanelHandler } from './panel-server';

const TOKEN = 'a'.repeat(32);
let server: Server | undefined;

afterEach(async () => {
  if (server) await closeServer(server);
  server = undefined;
});

async function servePanel(sessions: SessionStore | undefined): Promise<string> {
  server = createServer();
  const port = await listenOnLoopback(server, 0);
  const config = { panelBridge: 'ws://127.0.0.1:1/panel', miniappUrl: 'http://127.0.0.1:2/' };
  server.on('request', createPanelHandler({ port, rendererDir: '/nonexistent', token: TOKEN, config, miniappOrigin: 'http://127.0.0.1:2', capture: createCaptureLog(), sessions, onMalformed: () => undefined }));
  return `http://127.0.0.1:${port}`;
}

describe('sessions API', () => {
  it('lists the sessions and streams one as HAR and JSONL, with the token only', async () => {
    await withTempDir(async (dir) => {
      const store = await openSessionStore({ dir });
      const done = store.startSession({ miniapp: '/apps/a' });
      const entries = Array.from({ length: 20_000 }, (_, seq) => frameEntry(seq, seq % 3 === 0 ? 't1' : 't2'));
      entries.forEach((entry) => done.append(entry));
      const doneInfo = await done.close();
      const live = store.startSession({ firstSeq: 7 });
      live.append(frameEntry(7));
      const base = await servePanel(store);

      expect((await fetch(`${base}/api/sessions`)).status).toBe(401);
      expect((await fetch(`${base}/api/sessions/${done.id}.har?token=wrong`)).status).toBe(401);
      const list = await fetch(`${base}/api/sessions?token=${TOKEN}`);
      expect(await list.json()).toEqual([
        { id: done.id, startedAt: doneInfo.startedAt, endedAt: doneInfo.endedAt, entries: 20_000, bytes: doneInfo.bytes, live: false, recovered: false, miniapp: '/apps/a' },
        { id: live.id, startedAt: expect.any(Number), endedAt: null, entries: 1, bytes: expect.any(Number), live: true, recovered: false, miniapp: '' },
      ]);

      const har = await fetch(`${base}/api/sessions/${done.id}.har`, { headers: { Authorization: `Bearer ${TOKEN}` } });
      expect(har.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(har.headers.get('content-length')).toBeNull();
      const harText = await har.text();
      expect(JSON.parse(harText)).toEqual(captureToHar(entries, { creator: CAPTURE_CREATOR }));
      expect(harToCapture(harText).entries).toEqual(entries);
      const jsonl = await fetch(`${base}/api/sessions/${done.id}.jsonl?token=${TOKEN}`);
      expect(jsonl.headers.get('content-disposition')).toBe(`attachment; filename="session-${done.id}.jsonl"`);
      expect(await jsonl.text()).toBe(captureToJsonl(entries));
      // The live session exports what it holds so far.
      expect(await (await fetch(`${base}/api/sessions/${live.id}.jsonl?token=${TOKEN}`)).text()).toBe(captureToJsonl([frameEntry(7)]));
      await store.close();
    });
  });

  it('answers 404 for an unknown or malformed session id, and when the host saves no sessions', async () => {
    await withTempDir(async (dir) => {
      const store = await openSessionStore({ dir });
      const base = await servePanel(store);
      expect((await fetch(`${base}/api/sessions/nope.har?token=${TOKEN}`)).status).toBe(404);
      expect((await fetch(`${base}/api/sessions/..%2Fx.jsonl?token=${TOKEN}`)).status).toBe(404);
      expect((await fetch(`${base}/api/sessions/x.zip?token=${TOKEN}`)).status).toBe(404);
      await closeServer(server as Server);
      const without = await servePanel(undefined);
      expect((await fetch(`${without}/api/sessions?token=${TOKEN}`)).status).toBe(404);
      await store.close();
    });
  });
});
