// One-use tickets for the `my` bridge: every mini-app page the host serves carries a fresh one, and an
// upgrade spends it. A page that reads its own ticket (by wrapping WebSocket.prototype.send in its realm)
// finds it spent, so it cannot open a second bridge and turn per-page limits into per-bridge ones
// (docs/architecture.md#threat-model). Unspent tickets expire and at most MAX_OUTSTANDING are kept.
import { createToken, tokenMatches } from './bridge-auth';

/** Unspent tickets kept (the oldest goes first): page loads that never opened their bridge. */
const MAX_OUTSTANDING = 64;
/** How long a page has to open its bridge after it was served. */
const TICKET_LIFETIME_MS = 60_000;

export interface BridgeTickets {
  /** A fresh ticket for one page load. */
  issue(): string;
  /** Whether `given` is an unspent, unexpired ticket; spends it. */
  spend(given: string | null): boolean;
}

export function createBridgeTickets(now: () => number = () => performance.now()): BridgeTickets {
  /** Ticket → when it was issued, oldest first. */
  const outstanding = new Map<string, number>();
  return {
    issue() {
      const ticket = createToken();
      outstanding.set(ticket, now());
      if (outstanding.size > MAX_OUTSTANDING) outstanding.delete(outstanding.keys().next().value as string);
      return ticket;
    },
    spend(given) {
      for (const [ticket, issuedAt] of outstanding) {
        if (now() - issuedAt > TICKET_LIFETIME_MS) {
          outstanding.delete(ticket);
          continue;
        }
        if (tokenMatches(ticket, given)) {
          outstanding.delete(ticket);
          return true;
        }
      }
      return false;
    },
  };
}
