// The panel's session requests through a real panel session, engine, capture ring and sessions folder:
// list, read a page, export, delete, and the live capture's entries beyond the ring.
import { describe, expect, it } from 'vitest';
import { harToCapture } from '../../shared/har-import';
import { jsonlToCapture } from '../../shared/jsonl';
import type { PanelMessage } from '../../shared/panel-wire';
import type { LiveFilterMatches, SessionList } from '../../shared/session-wire';
import { createCaptureLog } from './capture-log';
import { createEngine } from './engine';
import { createPanelSession } from './panel-session';
import { recordCapture } from './session-store/capture-recorder';
import { openSessionStore } from './session-store/session-store';
import { frameEntry, withTempDir } from './session-store/test-support/entries';

async function replyOf(received: PanelMessage[], requestId: number): Promise<Extract<PanelMessage, { kind: 'reply' }>> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = received.find((m): m is Extract<PanelMessage, { kind: 'reply' }> => m.kind === 'reply' && m.requestId === requestId);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no reply ${requestId}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function bodyOf(received: PanelMessage[], requestId: number): Promise<string> {
  const reply = await replyOf(received, requestId);
  if (!reply.ok || typeof reply.body !== 'string') throw new Error(`reply ${requestId} failed: ${reply.ok ? 'not text' : reply.error}`);
  return reply.body;
}

const frame = (i: number) => ({ clientId: 'app-1', connectionId: 't1', kind: 'frame' as const, name: 'text', direction: 'in' as const, opcode: 1, size: 1, payload: `f${i}` });

type SessionStore = Awaited<ReturnType<typeof openSessionStore>>;

/** A 50-entry ring recorded into `store` as '/apps/now', and a panel session on its engine that reaches the store. */
function recordedPanel(store: SessionStore) {
  const capture = createCaptureLog({ capacity: 50 });
  const engine = createEngine({ capture });
  const recorder = recordCapture(capture, store, '/apps/now');
  const received: PanelMessage[] = [];
  const session = createPanelSession(engine, (message) => void received.push(message), {
    sessions: { store, live: () => ({ id: recorder.sessionId, fromSeq: recorder.liveFromSeq() }) },
  });
  const close = async (): Promise<void> => {
    session.close();
    await recorder.stop();
    await engine.shutdown();
  };
  return { capture, recorder, received, session, close };
}

describe('panel session requests', () => {
  it('lists, reads, exports and deletes saved sessions, and reaches live entries the ring evicted', async () => {
    await withTempDir(async (dir) => {
      const store = await openSessionStore({ dir });
      const earlier = store.startSession({ miniapp: '/apps/earlier' });
      const earlierEntries = Array.from({ length: 3000 }, (_, seq) => frameEntry(seq));
      earlierEntries.forEach((entry) => earlier.append(entry));
      await earlier.close();

      const { capture, recorder, received, session, close } = recordedPanel(store);
      for (let i = 0; i < 1000; i += 1) capture.append(frame(i));
      expect(capture.get(10)).toBeUndefined();

      session.receive({ kind: 'sessions-list', requestId: 1 });
      const list = JSON.parse(await bodyOf(received, 1)) as SessionList;
      expect(list.liveId).toBe(recorder.sessionId);
      expect(list.liveFromSeq).toBe(0);
      expect(list.sessions.map((s) => [s.id, s.miniapp, s.live, s.entries])).toEqual([
        [earlier.id, '/apps/earlier', false, 3000],
        [recorder.sessionId, '/apps/now', true, 1000],
      ]);

      session.receive({ kind: 'session-read', requestId: 2, id: earlier.id, fromSeq: 1000, limit: 500 });
      expect(JSON.parse(await bodyOf(received, 2))).toEqual(earlierEntries.slice(1000, 1500));

      session.receive({ kind: 'session-export', requestId: 3, id: earlier.id, format: 'har' });
      expect(harToCapture(await bodyOf(received, 3)).entries).toEqual(earlierEntries);

      // The live capture: an evicted entry and the export come from the session, not only the ring.
      session.receive({ kind: 'get-entry', requestId: 4, seq: 10 });
      expect(await replyOf(received, 4)).toMatchObject({ ok: true, body: { seq: 10, payload: 'f10' } });
      session.receive({ kind: 'export', requestId: 5, format: 'jsonl' });
      expect(jsonlToCapture(await bodyOf(received, 5)).entries.map((e) => e.payload)).toEqual(Array.from({ length: 1000 }, (_, i) => `f${i}`));

      // After a clear, the live capture starts anew: what came before is no longer shown (the session keeps it).
      capture.clear();
      capture.append(frame(1000));
      session.receive({ kind: 'export', requestId: 6, format: 'jsonl' });
      expect(jsonlToCapture(await bodyOf(received, 6)).entries.map((e) => e.payload)).toEqual(['f1000']);
      session.receive({ kind: 'get-entry', requestId: 7, seq: 10 });
      expect(await replyOf(received, 7)).toMatchObject({ ok: false });

      session.receive({ kind: 'session-delete', requestId: 8, id: recorder.sessionId });
      expect(await replyOf(received, 8)).toMatchObject({ ok: false, error: expect.stringContaining('live') });
      session.receive({ kind: 'session-delete', requestId: 9, id: earlier.id });
      await bodyOf(received, 9);
      expect(store.list().map((s) => s.id)).toEqual([recorder.sessionId]);

      session.receive({ kind: 'session-read', requestId: 10, id: '../etc', fromSeq: 0, limit: 10 });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(received.some((m) => m.kind === 'reply' && m.requestId === 10)).toBe(false);
      expect([...capture.from(0)].some((e) => e.kind === 'warning' && e.name === 'invalid-panel-message')).toBe(true);

      await close();
      await store.close();
    });
  });

  it('filters the live entries the ring evicted in the session on disk: the count and the most recent matches in full', async () => {
    await withTempDir(async (dir) => {
      const store = await openSessionStore({ dir });
      const { capture, received, session, close } = recordedPanel(store);
      capture.append(frame(-1));
      capture.clear(); // before the live capture's start: never searched
      for (let i = 0; i < 2000; i += 1) capture.append(frame(i));

      // Frames f1, f10…f19, f100…f199, f1000…f1999 contain "f1"; searched before seq 1500 (frame f1499).
      session.receive({ kind: 'live-filter', requestId: 1, text: 'f1', toSeq: 1500 });
      const older = JSON.parse(await bodyOf(received, 1)) as LiveFilterMatches;
      const expected = Array.from({ length: 1499 }, (_, i) => i).filter((i) => `f${i}`.includes('f1'));
      expect(older).toEqual({ mode: 'regex', scanned: 1499, matches: expected.length, seqs: expected.map((i) => i + 1) });

      session.receive({ kind: 'live-filter', requestId: 2, text: '^f-1$', toSeq: 1500 });
      expect(JSON.parse(await bodyOf(received, 2))).toMatchObject({ mode: 'regex', matches: 0, seqs: [] });

      await close();
      await store.close();
    });
  });

  it('without saved sessions, answers the session requests with a failure and serves the ring', async () => {
    const engine = createEngine();
    const received: PanelMessage[] = [];
    const session = createPanelSession(engine, (message) => void received.push(message));
    session.receive({ kind: 'sessions-list', requestId: 1 });
    expect(await replyOf(received, 1)).toMatchObject({ ok: false, error: 'this host saves no sessions' });
    session.receive({ kind: 'live-filter', requestId: 2, text: 'x', toSeq: 10 });
    expect(await replyOf(received, 2)).toMatchObject({ ok: false, error: expect.stringContaining('saves no sessions') });
    session.close();
    await engine.shutdown();
  });
});
