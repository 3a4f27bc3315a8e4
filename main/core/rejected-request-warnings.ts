// A malformed request to one of the product's ports is answered 4xx and shown in the panel as a
// `request-rejected` warning (docs/architecture.md "Threat model"). A hostile page can send thousands,
// so at most one entry per second is logged; the others are counted in the next one.
import { logWarning, type WarningSink } from './engine-warning';

/** Reports one refused request: which server, what it was sent (cut to 200 characters) and why it was refused. */
export type RejectedRequestReporter = (server: string, target: string, reason: string) => void;

const MIN_INTERVAL_MS = 1000;
const MAX_TARGET_CHARS = 200;

export function createRejectedRequestReporter(capture: WarningSink, now: () => number = Date.now): RejectedRequestReporter {
  let lastLoggedAt = -Infinity;
  let unlogged = 0;
  return (server, target, reason) => {
    const at = now();
    if (at - lastLoggedAt < MIN_INTERVAL_MS) {
      unlogged += 1;
      return;
    }
    lastLoggedAt = at;
    const shown = target.length > MAX_TARGET_CHARS ? `${target.slice(0, MAX_TARGET_CHARS)}…` : target;
    logWarning(capture, { clientId: '' }, {
      id: 'request-rejected',
      message: `The ${server} refused a request: ${reason}.`,
      detail: { server, target: shown, reason, notLoggedBefore: unlogged },
    });
    unlogged = 0;
  };
}
