// The Content-Security-Policy of our two origins under Electron. The panel talks to main only through its
// preload, so it needs no network at all; the mini-app talks only through `my`, so it gets none either.

/** For app://panel responses. */
export const PANEL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** For every mini-app response (its own files, inline code, data/blob URLs; no sockets, no fetches). */
export const MINIAPP_CSP = [
  "default-src 'self' 'unsafe-inline' data: blob:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
