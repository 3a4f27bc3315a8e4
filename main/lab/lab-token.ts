// The lab's login: `POST /token` (or GET) answers `{ token, expiresIn }` with a fresh random token, and the
// `/chat` socket echoes like /echo but only for a token it issued (401 otherwise), so a mini-app's
// "request a token, keep it, open the socket with it" runs against the lab (docs/behaviour.md#lab-token).
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from '../core/loopback-request';
import { refusalResponse } from '../core/request-target';
import type { LabRoute } from './lab-routes';

/** The HTTP path of the token endpoint. */
export const TOKEN_PATH = '/token';

/** How long a token is said to last (the lab keeps every token it issued while it runs). */
const TOKEN_LIFETIME_S = 3600;

/** Tokens issued are remembered up to this many (the oldest are forgotten first). */
const MAX_TOKENS = 1000;

export interface TokenDesk {
  /** Answers a request for TOKEN_PATH; false when the path is another one. */
  answer(request: IncomingMessage, response: ServerResponse, pathname: string): boolean;
  /** The `/chat` socket route, open only to issued tokens. */
  chatRoute: LabRoute;
}

export function createTokenDesk(echo: LabRoute): TokenDesk {
  const issued = new Set<string>();

  return {
    answer(request, response, pathname) {
      if (pathname !== TOKEN_PATH) return false;
      if (request.method !== 'POST' && request.method !== 'GET') {
        response.writeHead(405, { ...SECURITY_HEADERS, allow: 'GET, POST', 'content-type': 'text/plain; charset=utf-8' });
        response.end('Method Not Allowed');
        return true;
      }
      const token = randomBytes(12).toString('hex');
      issued.add(token);
      if (issued.size > MAX_TOKENS) issued.delete(issued.values().next().value ?? '');
      response.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ token, expiresIn: TOKEN_LIFETIME_S }));
      // The body (credentials, if any) is not read: any login succeeds.
      request.resume();
      return true;
    },
    chatRoute: {
      name: 'chat',
      path: '/chat',
      description: `Echo that needs a token from ${TOKEN_PATH} in its "token" query parameter; without one the upgrade is answered 401 (error 1).`,
      handle(request, socket, head, query, context) {
        const token = query.get('token') ?? '';
        if (!issued.has(token)) return void socket.end(refusalResponse(401, 'Unauthorized'));
        echo.handle(request, socket, head, query, context);
      },
    },
  };
}
