// Who may talk to a loopback server of the product (docs/architecture.md#threat-model): a request must
// name the loopback host by an address or `localhost` (a DNS-rebound name is refused) and, when it comes
// from a web page, from a loopback origin; every answer carries the same security headers.
import type { IncomingMessage } from 'node:http';

/** Security headers every HTTP answer of the product's servers carries. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** Whether the Host header is a loopback name with `port`. */
export function hasLoopbackHostName(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host?.toLowerCase();
  return host !== undefined && LOOPBACK_NAMES.some((name) => host === `${name}:${port}`);
}

/** Whether the Origin header is absent (not a web page) or a loopback origin. */
export function hasLoopbackOriginOrNone(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_NAMES.includes(url.hostname);
  } catch {
    return false;
  }
}

/** The rule a request breaks: its Host names no loopback address, or a foreign page sent it. */
export type LoopbackRefusal = 'host' | 'origin';

/** Which rule refuses a request to the server listening on its own socket's local port (lab, replay); undefined when both hold. */
export function loopbackRefusal(request: IncomingMessage): LoopbackRefusal | undefined {
  if (!hasLoopbackHostName(request, request.socket.localPort ?? 0)) return 'host';
  return hasLoopbackOriginOrNone(request) ? undefined : 'origin';
}
