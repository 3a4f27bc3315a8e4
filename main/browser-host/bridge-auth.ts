// Who may talk to the host. Every run has random tokens that only the pages the host served know; bridge
// upgrades must carry one and come from the expected Origin, and every request must name the loopback
// host by its address (a DNS-rebound name is refused).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A fresh unguessable token (192 bits, URL-safe). */
export function createToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Constant-time token comparison; a missing token never matches. */
export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether the request's Host header is exactly `127.0.0.1:<port>`. */
export function hasLoopbackHost(request: IncomingMessage, port: number): boolean {
  return request.headers.host === `127.0.0.1:${port}`;
}

/** The token of a request: `?token=` or `Authorization: Bearer <token>`. */
export function requestToken(request: IncomingMessage, url: URL): string | null {
  const query = url.searchParams.get('token');
  if (query !== null) return query;
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ?? null;
}
