// The mini-app origin (a different port than the panel, so the sandboxed iframe is cross-origin): the
// mini-app's files with the `my` shim injected as the first script of every HTML page, under a CSP that
// leaves the `my` bridge as the page's only network exit. It serves the mini-app to the mini-app only
// (docs/architecture.md#threat-model): no dotfiles, and the CORS grant that module scripts of the
// opaque-origin page need is given to script loads only, so another page's fetch cannot read the files.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { MINIAPP_BRIDGE_ATTRIBUTE, MINIAPP_DEFAULT_MULTIPLE_ATTRIBUTE, MINIAPP_LOGIC_LINK_ATTRIBUTE, MINIAPP_SHIM_PATH, type LabConfig } from '../../shared/host-config';
import { hasLoopbackHost } from './bridge-auth';
import { isHtmlType } from '../host-common/content-types';
import { miniappPolicy } from './content-security';
import { respond, respondText } from './http-util';
import { escapeAttribute, injectIntoHead, jsonForScript } from './inject-html';
import type { MiniappSource } from './miniapp-source';

export interface MiniappHandlerOptions {
  port: number;
  source: MiniappSource;
  /** The built shim (out/web-miniapp.js). */
  shimFile: string;
  /** The bridge endpoint (ws://127.0.0.1:<port>/my, no query); each page gets it with a fresh ticket. */
  bridgeEndpoint: string;
  /** A one-use bridge ticket for one page load (main/browser-host/bridge-tickets.ts). */
  issueTicket(): string;
  panelOrigin: string;
  /** app.json's `behavior.connectSocketDefaultMultiple`, handed to the shim (false when unset). */
  defaultMultiple: boolean;
  /** The lab's endpoints for `window.__MSD_LAB__`, read per page load; none when there is no lab. */
  lab(): LabConfig | undefined;
}

/** The request handler of the mini-app server. */
export function createMiniappHandler(options: MiniappHandlerOptions): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    handle(options, request, response).catch((error: unknown) => {
      if (!response.headersSent) respondText(response, 500, `Internal error: ${error instanceof Error ? error.message : String(error)}`);
      else response.destroy();
    });
  };
}

async function handle(options: MiniappHandlerOptions, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (!hasLoopbackHost(request, options.port)) return respondText(response, 403, 'Use http://127.0.0.1 to reach this server.');
  if (request.method !== 'GET' && request.method !== 'HEAD') return respondText(response, 405, 'Method not allowed');
  const headOnly = request.method === 'HEAD';
  const csp = miniappPolicy({ miniappBridge: options.bridgeEndpoint, panelOrigin: options.panelOrigin });
  const pathAndQuery = request.url ?? '/';
  if (namesDotfile(pathAndQuery)) return respondText(response, 404, 'Not found');

  if (pathAndQuery.split('?')[0] === MINIAPP_SHIM_PATH) {
    const shim = await readFile(options.shimFile).catch(() => null);
    if (shim === null) return respondText(response, 503, 'The `my` shim is not built yet: run `npm run build`.');
    return respond(response, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Content-Security-Policy': csp }, shim, headOnly);
  }

  const answer = await options.source.get(pathAndQuery);
  const headers: Record<string, string> = { 'Content-Type': answer.contentType, 'Content-Security-Policy': csp, Vary: 'Origin' };
  if (answer.location !== undefined) headers.Location = answer.location;
  if (!isHtmlType(answer.contentType)) {
    // Module scripts of the sandboxed (opaque-origin) page are CORS requests with `Origin: null`; a fetch
    // (another page's sandboxed frame has `Origin: null` too) is not a script load and gets no grant.
    if (request.headers.origin === 'null' && isScriptLoad(request)) headers['Access-Control-Allow-Origin'] = 'null';
    return respond(response, answer.status, headers, answer.body, headOnly);
  }
  const html = injectIntoHead(answer.body.toString('utf8'), headSnippet(options));
  return respond(response, answer.status, headers, html, headOnly);
}

function headSnippet(options: MiniappHandlerOptions): string {
  const multiple = options.defaultMultiple ? ` ${MINIAPP_DEFAULT_MULTIPLE_ATTRIBUTE}="true"` : '';
  const ticketUrl = (): string => `${options.bridgeEndpoint}?token=${options.issueTicket()}`;
  // The view page of a mini-program project: its logic Worker gets a bridge link of its own, with a
  // one-use ticket of its own (docs/architecture.md#threat-model).
  const logicLink = options.source.miniProgram ? ` ${MINIAPP_LOGIC_LINK_ATTRIBUTE}="${escapeAttribute(ticketUrl())}"` : '';
  const shim = `<script src="${MINIAPP_SHIM_PATH}" ${MINIAPP_BRIDGE_ATTRIBUTE}="${escapeAttribute(ticketUrl())}"${multiple}${logicLink}></script>`;
  const lab = options.lab();
  return lab ? `${shim}<script>window.__MSD_LAB__ = Object.freeze(${jsonForScript(lab)});</script>` : shim;
}

/** Whether a path segment starts with a dot (`.env`, `.git/config`, `.DS_Store`), encoded or not. */
export function namesDotfile(pathAndQuery: string): boolean {
  const pathname = pathAndQuery.split('?')[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  return decoded.split(/[/\\]/).some((segment) => segment.startsWith('.') && segment !== '.' && segment !== '..');
}

/**
 * A script, worker, style or image load (Fetch Metadata); fetch and XHR say `empty`, old browsers send nothing and
 * get no grant. Images: a canvas drawing a project image stays readable (docs/miniprogram-runtime.md#canvas).
 */
function isScriptLoad(request: IncomingMessage): boolean {
  const dest = request.headers['sec-fetch-dest'];
  return dest === 'script' || dest === 'worker' || dest === 'sharedworker' || dest === 'style' || dest === 'image';
}
