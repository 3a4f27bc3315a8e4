// The panel origin: the built renderer (its index.html carrying `window.__MSD_CONFIG__` in a nonce'd
// inline script), the capture download API for CI (`/api/capture.har`, `/api/capture.jsonl`) and the saved
// sessions (`/api/sessions`, sessions-api.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HostConfig } from '../../shared/host-config';
import { exportHar, exportJsonl } from '../core/capture-export';
import type { CaptureLog } from '../core/ports';
import { parseRequestTarget } from '../core/request-target';
import type { SavedSessions } from '../core/session-store/saved-sessions';
import { hasLoopbackHost, requestToken, tokenMatches } from './bridge-auth';
import { contentTypeOf, isHtmlType } from '../host-common/content-types';
import { panelPolicy } from './content-security';
import { respond, respondText } from './http-util';
import { injectIntoHead, jsonForScript, removeMetaCsp } from './inject-html';
import { handleSessionsApi, serveLiveCapture, SESSIONS_API } from './sessions-api';
import { resolveFileInside } from '../host-common/static-files';

export interface PanelHandlerOptions {
  port: number;
  /** The built renderer folder (real path). */
  rendererDir: string;
  token: string;
  config: HostConfig;
  miniappOrigin: string;
  capture: CaptureLog;
  /** Hears of each request whose target does not parse (answered 400). */
  onMalformed(target: string): void;
  /** The saved sessions (`/api/sessions`) and the live one (`/api/capture.*`); absent: the host saves none. */
  sessions?: SavedSessions;
}

/** The request handler of the panel server. */
export function createPanelHandler(options: PanelHandlerOptions): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    handle(options, request, response).catch((error: unknown) => {
      if (!response.headersSent) respondText(response, 500, `Internal error: ${error instanceof Error ? error.message : String(error)}`);
      else response.destroy();
    });
  };
}

async function handle(options: PanelHandlerOptions, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (!hasLoopbackHost(request, options.port)) return respondText(response, 403, 'Use http://127.0.0.1 to reach this server.');
  if (request.method !== 'GET' && request.method !== 'HEAD') return respondText(response, 405, 'Method not allowed');
  const headOnly = request.method === 'HEAD';
  const url = parseRequestTarget(request.url, `http://127.0.0.1:${options.port}`);
  if (url === undefined) {
    options.onMalformed(request.url ?? '');
    return respondText(response, 400, 'Bad request target');
  }

  if (url.pathname === '/api/capture.har' || url.pathname === '/api/capture.jsonl') {
    if (!tokenMatches(options.token, requestToken(request, url))) return respondText(response, 401, 'A valid token is required.');
    const har = url.pathname.endsWith('.har');
    if (await serveLiveCapture(options.sessions, har ? 'har' : 'jsonl', options.capture, response, headOnly)) return;
    const body = har ? exportHar(options.capture) : exportJsonl(options.capture);
    const headers = {
      'Content-Type': har ? 'application/json; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      'Content-Disposition': `attachment; filename="capture.${har ? 'har' : 'jsonl'}"`,
    };
    return respond(response, 200, headers, body, headOnly);
  }

  if (url.pathname === SESSIONS_API || url.pathname.startsWith(`${SESSIONS_API}/`)) {
    if (!tokenMatches(options.token, requestToken(request, url))) return respondText(response, 401, 'A valid token is required.');
    return handleSessionsApi(options.sessions?.store, url, response, headOnly);
  }

  const resolved = await resolveFileInside(options.rendererDir, url.pathname);
  if (!resolved.ok) {
    if (url.pathname === '/' || url.pathname === '/index.html') {
      return respondText(response, 503, 'The panel is not built yet: run `npm run build`.');
    }
    return respondText(response, resolved.reason === 'not-found' ? 404 : 400, resolved.reason === 'not-found' ? 'Not found' : 'Bad path');
  }
  const nonce = randomBytes(16).toString('base64');
  const headers = {
    'Content-Type': contentTypeOf(resolved.path),
    'Content-Security-Policy': panelPolicy({ nonce, panelBridge: options.config.panelBridge, miniappOrigin: options.miniappOrigin }),
  };
  const body = await readFile(resolved.path);
  if (resolved.path !== join(options.rendererDir, 'index.html') || !isHtmlType(headers['Content-Type'])) {
    return respond(response, 200, headers, body, headOnly);
  }
  const script = `<script nonce="${nonce}">window.__MSD_CONFIG__ = Object.freeze(${jsonForScript(options.config)});</script>`;
  return respond(response, 200, headers, injectIntoHead(removeMetaCsp(body.toString('utf8')), script), headOnly);
}
