// Serves a folder over a custom scheme (app:// for the panel, miniapp:// for a mini-app folder) through
// protocol.handle, never file://. The URL path is decoded and normalized and must stay inside the root,
// symlinks included (docs/architecture.md#our-own-windows, docs/architecture.md#the-mini-app-view); the browser host resolves its files the same way.
import { readFile, realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { contentTypeOf } from '../host-common/content-types';
import { resolveFileInside } from '../host-common/static-files';

export interface FileProtocolOptions {
  /** The folder served. */
  root: string;
  /** The only host answered (`panel` for app://panel/); other hosts get 404. */
  host: string;
  /** Extra response headers (e.g. a Content-Security-Policy). */
  headers?: Record<string, string>;
  /** Asked first for each path (and query): a mini-program project's runtime answers (main/miniprogram/miniprogram-host.ts); undefined falls through to the files. */
  answer?: (pathAndQuery: string) => Promise<GeneratedAnswer | undefined>;
}

/** A response made by code rather than read from a file. */
export interface GeneratedAnswer {
  status: number;
  contentType: string;
  body: string | Uint8Array;
}

const baseHeaders = { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' };

/** A protocol.handle handler: GET/HEAD of files under the root; 400, 404 or 405 for anything else. */
export function createFileProtocolHandler(options: FileProtocolOptions): (request: Request) => Promise<Response> {
  // Resolved once; a missing root answers 404 rather than rejecting unobserved.
  const rootReady = realpath(resolve(options.root)).catch(() => null);
  const plain = (status: number, text: string): Response =>
    new Response(text, { status, headers: { ...baseHeaders, 'content-type': 'text/plain; charset=utf-8' } });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'Bad URL');
    }
    const root = await rootReady;
    if (url.host.toLowerCase() !== options.host || root === null) return plain(404, 'Not found');
    const generated = await options.answer?.(`${url.pathname}${url.search}`);
    if (generated !== undefined) {
      const headers = { ...baseHeaders, 'content-type': generated.contentType, ...options.headers };
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(Buffer.from(generated.body)), { status: generated.status, headers });
    }
    const resolved = await resolveFileInside(root, url.pathname);
    if (!resolved.ok) return resolved.reason === 'not-found' ? plain(404, 'Not found') : plain(400, 'Bad path');
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = new Uint8Array(await readFile(resolved.path));
    } catch {
      return plain(404, 'Not found');
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: { ...baseHeaders, 'content-type': contentTypeOf(resolved.path), ...options.headers },
    });
  };
}
