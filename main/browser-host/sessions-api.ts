// The saved sessions over HTTP (token-checked by the caller, like /api/capture.*):
//   GET /api/sessions             → [{ id, startedAt, endedAt, entries, bytes, live, recovered, miniapp }]
//   GET /api/sessions/<id>.har    → that session as HAR, streamed as it is read from disk
//   GET /api/sessions/<id>.jsonl  → that session as JSONL, streamed
import type { ServerResponse } from 'node:http';
import { CAPTURE_CREATOR } from '../core/capture-export';
import { isSessionId } from '../core/session-store/session-files';
import type { SessionStore } from '../core/session-store/session-store';
import { streamHar, streamJsonl, type EntrySource } from '../core/session-store/stream-export';
import { COMMON_HEADERS } from './content-security';
import { respond, respondText } from './http-util';

export const SESSIONS_API = '/api/sessions';

/** Answers a request under /api/sessions. */
export async function handleSessionsApi(sessions: SessionStore | undefined, pathname: string, response: ServerResponse, headOnly: boolean): Promise<void> {
  if (!sessions) return respondText(response, 404, 'Sessions are not saved by this host.');
  if (pathname === SESSIONS_API) {
    const list = sessions.list().map(({ id, startedAt, endedAt, entries, bytes, live, recovered, miniapp }) => ({ id, startedAt, endedAt, entries, bytes, live, recovered, miniapp }));
    return respond(response, 200, { 'Content-Type': 'application/json; charset=utf-8' }, JSON.stringify(list), headOnly);
  }
  const match = /^\/api\/sessions\/([^/]+)\.(har|jsonl)$/.exec(pathname);
  const id = match?.[1];
  const format = match?.[2];
  if (!id || !format || !isSessionId(id) || !sessions.get(id)) return respondText(response, 404, 'No such session.');
  response.writeHead(200, {
    ...COMMON_HEADERS,
    'Content-Type': format === 'har' ? 'application/json; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
    'Content-Disposition': `attachment; filename="session-${id}.${format}"`,
  });
  if (headOnly) {
    response.end();
    return;
  }
  const source: EntrySource = (range) => sessions.entries(id, range);
  try {
    if (format === 'har') await streamHar(source, response, { creator: CAPTURE_CREATOR });
    else await streamJsonl(source, response);
    response.end();
  } catch {
    // The status line is sent: the only way left to say "incomplete" is to cut the connection.
    response.destroy();
  }
}
