// Request targets and escapes come from whoever reaches a loopback port, so they are hostile input
// (docs/architecture.md "Threat model"): a malformed one is answered 400, never thrown out of a handler.

/**
 * The URL of an origin-form request target (`/path?query`) on `base`, or undefined when the target is
 * absent, not origin-form (`//host`, `http://…`, `*`) or not parseable.
 */
export function parseRequestTarget(target: string | undefined, base = 'http://127.0.0.1'): URL | undefined {
  if (target === undefined || !target.startsWith('/') || target.startsWith('//')) return undefined;
  try {
    return new URL(base + target);
  } catch {
    return undefined;
  }
}

/** `decodeURIComponent` that answers undefined for a malformed escape (`%ZZ`) instead of throwing. */
export function decodePathComponent(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** The raw HTTP answer that ends an upgrade request the server will not take. */
export function refusalResponse(status: number, reason: string): string {
  return `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`;
}
