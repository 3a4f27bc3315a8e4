// The Content-Security-Policy headers of the two origins. The panel may only frame the mini-app origin
// and talk to its own bridge; the mini-app may only talk to its `my` bridge (so `my` is its only way
// out) and may only be framed by the panel.

/** Security headers every response of the host carries. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/** The panel page's policy; `nonce` allows exactly the host's inline config script. */
export function panelPolicy(options: { nonce: string; panelBridge: string; miniappOrigin: string }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    `connect-src 'self' ${withoutQuery(options.panelBridge)}`,
    `frame-src ${options.miniappOrigin}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The mini-app's policy: its own files, inline code and data/blob URLs, and nothing on the network but the bridge. */
export function miniappPolicy(options: { miniappBridge: string; panelOrigin: string }): string {
  return [
    "default-src 'self' 'unsafe-inline' data: blob:",
    `connect-src ${withoutQuery(options.miniappBridge)}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
    `frame-ancestors ${options.panelOrigin}`,
  ].join('; ');
}

function withoutQuery(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
}
