// A malformed request to one of the product's ports is answered 4xx and shown in the panel as a
// `request-rejected` warning, and a request the lab or replay server refuses for its Host or Origin as a
// `foreign-host-refused` or `foreign-origin-refused` one (docs/architecture.md#threat-model). A hostile page
// can send thousands, so at most one entry per second is logged per kind; the others are counted in the next one.
import type { IncomingMessage } from 'node:http';
import type { WarningId } from '../../shared/warning-ids';
import type { Json } from '../../shared/json';
import { logWarning, type WarningSink } from './engine-warning';
import type { LoopbackRefusal } from './loopback-request';

/** Reports one refused request: which server, what it was sent (cut to 200 characters) and why it was refused. */
export type RejectedRequestReporter = (server: string, target: string, reason: string) => void;

/** Reports one request a loopback server refused for its Host or Origin. */
export type RefusedRequestReporter = (server: string, request: IncomingMessage, refusal: LoopbackRefusal) => void;

const MIN_INTERVAL_MS = 1000;
const MAX_SHOWN_CHARS = 200;

/** Logs warnings of one id at most once per `MIN_INTERVAL_MS`, each counting those not logged before it. */
function createRateLimitedWarning(capture: WarningSink, id: WarningId, now: () => number): (message: string, detail: Record<string, Json>) => void {
  let lastLoggedAt = -Infinity;
  let unlogged = 0;
  return (message, detail) => {
    const at = now();
    if (at - lastLoggedAt < MIN_INTERVAL_MS) {
      unlogged += 1;
      return;
    }
    lastLoggedAt = at;
    logWarning(capture, { clientId: '' }, { id, message, detail: { ...detail, notLoggedBefore: unlogged } });
    unlogged = 0;
  };
}

function shown(text: string): string {
  return text.length > MAX_SHOWN_CHARS ? `${text.slice(0, MAX_SHOWN_CHARS)}…` : text;
}

export function createRejectedRequestReporter(capture: WarningSink, now: () => number = Date.now): RejectedRequestReporter {
  const warn = createRateLimitedWarning(capture, 'request-rejected', now);
  return (server, target, reason) => warn(`The ${server} refused a request: ${reason}.`, { server, target: shown(target), reason });
}

export function createRefusedRequestReporter(capture: WarningSink, now: () => number = Date.now): RefusedRequestReporter {
  const warnHost = createRateLimitedWarning(capture, 'foreign-host-refused', now);
  const warnOrigin = createRateLimitedWarning(capture, 'foreign-origin-refused', now);
  return (server, request, refusal) => {
    const target = shown(request.url ?? '');
    if (refusal === 'host') {
      const host = shown(request.headers.host ?? '(none)');
      warnHost(`The ${server} refused a request for Host "${host}": only 127.0.0.1, localhost and [::1] name it (a DNS-rebound name is how a web page would reach it).`, { server, host, target });
    } else {
      const origin = shown(request.headers.origin ?? '');
      warnOrigin(`The ${server} refused a request from the web page ${origin}: only loopback pages may reach it.`, { server, origin, target });
    }
  };
}
