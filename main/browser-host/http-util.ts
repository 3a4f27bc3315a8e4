// Small HTTP plumbing shared by the host's two servers.
import type { Server, ServerResponse } from 'node:http';
import { COMMON_HEADERS } from './content-security';

/** Ends `response` with a status, headers (plus the common security headers) and a body. */
export function respond(response: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer, headOnly = false): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  response.writeHead(status, { ...COMMON_HEADERS, ...headers, 'Content-Length': String(bytes.length) });
  response.end(headOnly ? undefined : bytes);
}

/** A plain-text answer. */
export function respondText(response: ServerResponse, status: number, text: string): void {
  respond(response, status, { 'Content-Type': 'text/plain; charset=utf-8' }, text);
}

/** Listens on 127.0.0.1 (never any other address); resolves with the port actually bound. */
export function listenOnLoopback(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('the server has no TCP address'));
      else resolve(address.port);
    });
  });
}

/** Stops a server and drops its open connections. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
