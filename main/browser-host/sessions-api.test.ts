// GET /api/sessions and /api/sessions/<id>.har|.jsonl on a real panel server on 127.0.0.1, over a real
// sessions folder.
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { captureToHar } from '../../shared/har-export';
import { harToCapture } from '../../shared/har-import';
import { captureToJsonl } from '../../shared/jsonl';
import { CAPTURE_CREATOR } from '../core/capture-export';
import { createCaptureLog } from '../core/capture-log';
import { recordCapture } from '../core/session-store/capture-recorder';
import type { CaptureLog } from '../core/ports';
import { openSessionStore, type SessionStore } from '../core/session-store/session-store';
import type { SavedSessions } from '../core/session-store/saved-sessions';
import { frameEntry, withTempDir } from '../core/session-store/test-support/entries';
import { closeServer, listenOnLoopback } from './http-util';
import { createPanelHandler } from './panel-server';

const TOKEN = 'a'.repeat(32);
let server: Server | undefined;

afterEach(async () => {
  if (server) await closeServer(server);
  server = undefined;
});

async function servePanel(store: SessionStore | undefined, capture: CaptureLog = createCaptureLog(), live: SavedSessions['live'] = () => undefined): Promise<string> {
  const sessions = store && { store, live };
  server = createServer();
  const port = await listenOnLoopback(server, 0);
  const config = { panelBridge: 'ws://127.0.0.1:1/panel', miniappUrl: 'http://127.0.0.1:2/' };
  server.on('request', createPanelHandler({ port, rendererDir: '/nonexistent', token: TOKEN, config, miniappOrigin: 'http://127.0.0.1:2', capture, sessions, onMalformed: () => undefined }));
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

  it('serves /api/capture.* from the live session: every entry since the last clear, beyond the ring', async () => {
    await withTempDir(async (dir) => {
      const store = await openSessionStore({ dir });
      const capture = createCaptureLog({ capacity: 100 });
      const recorder = recordCapture(capture, store);
      const appendFrames = (from: number, count: number): void => {
        for (let i = from; i < from + count; i += 1) capture.append({ clientId: 'app-1', connectionId: 't1', kind: 'frame', name: 'text', direction: 'in', opcode: 1, size: 1, payload: `f${i}` });
      };
      appendFrames(0, 50);
      capture.clear();
      appendFrames(50, 5000);
      const base = await servePanel(store, capture, () => ({ id: recorder.sessionId, fromSeq: recorder.liveFromSeq() }));
      const jsonl = await (await fetch(`${base}/api/capture.jsonl?token=${TOKEN}`)).text();
      const lines = jsonl.trim().split('\n').map((line) => JSON.parse(line) as { seq: number; payload: string });
      expect(lines.map((line) => line.seq)).toEqual(Array.from({ length: 5000 }, (_, i) => 50 + i));
      expect(lines.at(-1)?.payload).toBe('f5049');
      const har = harToCapture(await (await fetch(`${base}/api/capture.har?token=${TOKEN}`)).text());
      expect(har.entries).toHaveLength(5000);
      expect(har.entries[0]?.payload).toBe('f50');
      expect(capture.stats()).toMatchObject({ held: 100, dropped: 4900 });
      await recorder.stop();
      await store.close();
    });
  });

  it('filters a whole session with the panel\'s text filter: GET /api/sessions/<id>/filter, token and parameters checked', async () => {
    await withTempDir(async (dir) => {
      const store = await openSessionStore({ dir });
      const session = store.startSession();
      for (let seq = 0; seq < 5000; seq += 1) session.append(frameEntry(seq));
      const { id } = await session.close();
      const base = await servePanel(store);
      expect((await fetch(`${base}/api/sessions/${id}/filter?text=frame`)).status).toBe(401);
      const found = await fetch(`${base}/api/sessions/${id}/filter?text=${encodeURIComponent('frame-49\\d\\d$')}&token=${TOKEN}`);
      expect(found.status).toBe(200);
      expect(await found.json()).toEqual({ mode: 'regex', scanned: 5000, seqs: Array.from({ length: 100 }, (_, i) => 4900 + i) });
      const ranged = await (await fetch(`${base}/api/sessions/${id}/filter?text=frame&fromSeq=10&toSeq=12&token=${TOKEN}`)).json();
      expect(ranged).toEqual({ mode: 'regex', scanned: 2, seqs: [10, 11] });
      expect((await fetch(`${base}/api/sessions/${id}/filter?text=x&fromSeq=-1&token=${TOKEN}`)).status).toBe(400);
      expect((await fetch(`${base}/api/sessions/${id}/filter?text=${'x'.repeat(1001)}&token=${TOKEN}`)).status).toBe(400);
      expect((await fetch(`${base}/api/sessions/nope/filter?text=x&token=${TOKEN}`)).status).toBe(404);
      await store.close();
    });
  });
});
