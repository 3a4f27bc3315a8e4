// The Content-Security-Policy of our two kinds of page, one base for both hosts. The panel may run only
// its own scripts and reach nothing but what its host adds (the browser host's bridge and mini-app frame;
// Electron adds nothing, the panel talks to main through its preload). The mini-app may reach nothing but
// its `my` link, so `my` is its only way out, as on a phone.

export interface PanelPolicyAdditions {
  /** Extra script sources (the browser host's inline-config nonce). */
  scriptSrc?: string;
  /** Extra connect sources (the browser host's panel bridge). */
  connectSrc?: string;
  /** The origin the panel may frame (the browser host's mini-app iframe). */
  frameSrc?: string;
}

/** The panel page's policy with what its host adds. */
export function panelContentPolicy(add: PanelPolicyAdditions = {}): string {
  return [
    "default-src 'self'",
    withExtra("script-src 'self'", add.scriptSrc),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    withExtra("connect-src 'self'", add.connectSrc),
    ...(add.frameSrc ? [`frame-src ${add.frameSrc}`] : []),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The mini-app's policy: its own files, inline code and data/blob URLs; `connectSrc` is its `my` link
 * ("'none'" under Electron, whose `my` goes through the preload), `frameAncestors` who may frame it.
 */
export function miniappContentPolicy(options: { connectSrc: string; frameAncestors?: string }): string {
  return [
    "default-src 'self' 'unsafe-inline' data: blob:",
    `connect-src ${options.connectSrc}`,
    // A nested frame would be a fresh realm without the page's guards (docs/architecture.md#threat-model).
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
    ...(options.frameAncestors ? [`frame-ancestors ${options.frameAncestors}`] : []),
  ].join('; ');
}

function withExtra(directive: string, extra: string | undefined): string {
  return extra ? `${directive} ${extra}` : directive;
}
