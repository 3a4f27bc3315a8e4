// The saved sessions over HTTP (token-checked by the caller, like /api/capture.*):
//   GET /api/sessions             → [{ id, startedAt, endedAt, entries, bytes, live, recovered, miniapp }]
//   GET /api/sessions/<id>.har    → that session as HAR, streamed as it is read from disk
//   GET /api/sessions/<id>.jsonl  → that session as JSONL, streamed
//   GET /api/sessions/<id>/filter?text=<t>[&fromSeq=&toSeq=] → { mode, scanned, seqs }: the entries the
//     panel's text filter finds in the whole session, read from disk in chunks (session-filter.ts)
// and the live capture (GET /api/capture.har|.jsonl) from the run's live session: every entry since the
// last clear, not only the ring's recent ones.
import type { ServerResponse } from 'node:http';
import type { CaptureStats } from '../../shared/capture';
import { isSessionId } from '../core/session-store/session-files';
import type { CaptureLog } from '../core/ports';
import { ringHoldsLiveCapture, streamSession, type SavedSessions, type SessionFormat } from '../core/session-store/saved-sessions';
import type { SessionStore } from '../core/session-store/session-store';
import { COMMON_HEADERS } from './content-security';
import { respond, respondText } from './http-util';

export const SESSIONS_API = '/api/sessions';

/** Answers a request under /api/sessions. */
export async function handleSessionsApi(sessions: SessionStore | undefined, url: URL, response: ServerResponse, headOnly: boolean): Promise<void> {
  const { pathname } = url;
  if (!sessions) return respondText(response, 404, 'Sessions are not saved by this host.');
  const filtered = /^\/api\/sessions\/([^/]+)\/filter$/.exec(pathname)?.[1];
  if (filtered !== undefined) return filterResponse(sessions, filtered, url.searchParams, response, headOnly);
  if (pathname === SESSIONS_API) {
    const list = sessions.list().map(({ id, startedAt, endedAt, entries, bytes, live, recovered, miniapp }) => ({ id, startedAt, endedAt, entries, bytes, live, recovered, miniapp }));
    return respond(response, 200, { 'Content-Type': 'application/json; charset=utf-8' }, JSON.stringify(list), headOnly);
  }
  const match = /^\/api\/sessions\/([^/]+)\.(har|jsonl)$/.exec(pathname);
  const id = match?.[1];
  const format = match?.[2];
  if (!id || (format !== 'har' && format !== 'jsonl') || !isSessionId(id) || !sessions.get(id)) return respondText(response, 404, 'No such session.');
  return streamResponse(sessions, id, format, `session-${id}.${format}`, response, headOnly);
}

/** Serves the live capture from the live session; false when the run records none (the ring serves it). */
export async function serveLiveCapture(sessions: SavedSessions | undefined, format: SessionFormat, capture: CaptureLog, response: ServerResponse, headOnly: boolean): Promise<boolean> {
  const live = sessions?.live();
  if (!sessions || !live || ringHoldsLiveCapture(capture, live)) return false;
  const stats = capture.stats();
  const shown = { ...stats, dropped: 0, held: stats.total - live.fromSeq };
  await streamResponse(sessions.store, live.id, format, `capture.${format}`, response, headOnly, { fromSeq: live.fromSeq, stats: shown });
  return true;
}

async function streamResponse(
  store: SessionStore,
  id: string,
  format: SessionFormat,
  fileName: string,
  response: ServerResponse,
  headOnly: boolean,
  options: { fromSeq?: number; stats?: CaptureStats } = {},
): Promise<void> {
  response.writeHead(200, {
    ...COMMON_HEADERS,
    'Content-Type': format === 'har' ? 'application/json; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
    'Content-Disposition': `attachment; filename="${fileName}"`,
  });
  if (headOnly) {
    response.end();
    return;
  }
  try {
    await streamSession(store, id, format, response, options);
    response.end();
  } catch {
    // The status line is sent: the only way left to say "incomplete" is to cut the connection.
    response.destroy();
  }
}

/** Longest filter text accepted (the panel's box holds far less). */
const MAX_FILTER_TEXT = 1000;

function seqParam(params: URLSearchParams, name: string): number | undefined | null {
  const text = params.get(name);
  if (text === null) return undefined;
  const value = Number(text);
  return /^\d{1,15}$/.test(text) && Number.isSafeInteger(value) ? value : null;
}

async function filterResponse(store: SessionStore, id: string, params: URLSearchParams, response: ServerResponse, headOnly: boolean): Promise<void> {
  if (!isSessionId(id) || !store.get(id)) return respondText(response, 404, 'No such session.');
  const text = params.get('text') ?? '';
  const fromSeq = seqParam(params, 'fromSeq');
  const toSeq = seqParam(params, 'toSeq');
  if (text.length > MAX_FILTER_TEXT || fromSeq === null || toSeq === null) return respondText(response, 400, `text (at most ${MAX_FILTER_TEXT} characters), fromSeq and toSeq (whole numbers) are the parameters.`);
  let result;
  try {
    result = await store.filter(id, text, { ...(fromSeq === undefined ? {} : { fromSeq }), ...(toSeq === undefined ? {} : { toSeq }) });
  } catch (error) {
    return respondText(response, 500, `The session could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  return respond(response, 200, { 'Content-Type': 'application/json; charset=utf-8' }, JSON.stringify(result), headOnly);
}
