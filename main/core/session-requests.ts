// A panel's requests about saved sessions (list, read a page, export, delete), and the live capture read
// from the run's session: an entry the ring evicted (get-entry, decode) and the live export reach every entry of
// the session, not only the ring's recent cache. Replies are async; a failure becomes an `ok: false` reply.
import type { CaptureEntry } from '../../shared/capture';
import type { PanelRequest } from '../../shared/panel-wire';
import type { SessionList } from '../../shared/session-wire';
import { decodeEntry } from '../../shared/decoders/decode-frame';
import { exportHar, exportJsonl } from './capture-export';
import { createLiveEntryReader } from './live-entry';
import { filterLive } from './live-filter';
import type { CaptureLog, PanelSink } from './ports';
import { ringHoldsLiveCapture, sessionText, type SavedSessions } from './session-store/saved-sessions';

/** The requests this module answers. */
export type SessionRequest = Extract<PanelRequest, { kind: 'sessions-list' | 'session-read' | 'session-export' | 'session-delete' | 'get-entry' | 'decode' | 'export' | 'live-filter' }>;

export interface SessionRequests {
  handle(request: SessionRequest): void;
}

/** Answers one panel's session requests; without `sessions` only the ring is reachable. */
export function createSessionRequests(capture: CaptureLog, sessions: SavedSessions | undefined, deliver: PanelSink): SessionRequests {
  const entryAt = createLiveEntryReader(capture, sessions);

  function reply(requestId: number, answer: () => Promise<string | CaptureEntry>): void {
    answer().then(
      (body) => deliver({ kind: 'reply', requestId, ok: true, body }),
      (error: unknown) => deliver({ kind: 'reply', requestId, ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  }

  function store(): SavedSessions {
    if (!sessions) throw new Error('this host saves no sessions');
    return sessions;
  }

  async function liveExport(request: Extract<SessionRequest, { kind: 'export' }>): Promise<string> {
    const { format } = request;
    const live = sessions?.live();
    if (!live || ringHoldsLiveCapture(capture, live)) return format === 'har' ? exportHar(capture, request.decoders) : exportJsonl(capture);
    const { total, cleared, capacity } = capture.stats();
    const stats = { total, dropped: 0, held: total - live.fromSeq, capacity, cleared };
    const decoders = request.decoders ? new Map(Object.entries(request.decoders)) : undefined;
    return sessionText(store().store, live.id, format, { fromSeq: live.fromSeq, stats, ...(decoders ? { decoders } : {}) });
  }

  return {
    handle(request) {
      switch (request.kind) {
        case 'get-entry':
          return reply(request.requestId, () => entryAt(request.seq));
        case 'decode':
          // protobuf is decoded here (docs/architecture.md#decoder-libraries), also for a frame the ring evicted.
          return reply(request.requestId, async () => JSON.stringify(decodeEntry(await entryAt(request.seq), request.choice)));
        case 'export':
          return reply(request.requestId, () => liveExport(request));
        case 'sessions-list':
          return reply(request.requestId, async () => {
            const { store: saved, live } = store();
            const current = live();
            const list: SessionList = { sessions: saved.list(), liveId: current?.id ?? null, liveFromSeq: current?.fromSeq ?? null };
            return JSON.stringify(list);
          });
        case 'session-read':
          return reply(request.requestId, async () => {
            const entries = await store().store.readRange(request.id, { fromSeq: request.fromSeq }, request.limit);
            return JSON.stringify(entries);
          });
        case 'session-export':
          return reply(request.requestId, () => sessionText(store().store, request.id, request.format));
        case 'live-filter':
          return reply(request.requestId, () => filterLive(sessions, request.text, request.toSeq));
        case 'session-delete':
          return reply(request.requestId, async () => {
            await store().store.deleteSession(request.id);
            return '';
          });
      }
    },
  };
}
