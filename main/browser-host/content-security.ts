// The Content-Security-Policy headers of the two origins. The panel may only frame the mini-app origin
// and talk to its own bridge; the mini-app may only talk to its `my` bridge (so `my` is its only way
// out) and may only be framed by the panel. The directives are the hosts' common base
// (main/host-common/content-policy.ts).
import { SECURITY_HEADERS } from '../core/loopback-request';
import { miniappContentPolicy, panelContentPolicy } from '../host-common/content-policy';

/** Security headers every response of the host carries (the lab's and replay's too). */
export const COMMON_HEADERS = SECURITY_HEADERS;

/** The panel page's policy; `nonce` allows exactly the host's inline config script. */
export function panelPolicy(options: { nonce: string; panelBridge: string; miniappOrigin: string }): string {
  return panelContentPolicy({ scriptSrc: `'nonce-${options.nonce}'`, connectSrc: withoutQuery(options.panelBridge), frameSrc: options.miniappOrigin });
}

/** The mini-app's policy: nothing on the network but the bridge, framed only by the panel. */
export function miniappPolicy(options: { miniappBridge: string; panelOrigin: string }): string {
  return miniappContentPolicy({ connectSrc: withoutQuery(options.miniappBridge), frameAncestors: options.panelOrigin });
}

function withoutQuery(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
}
