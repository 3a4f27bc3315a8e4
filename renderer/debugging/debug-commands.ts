// Sends the panel's debugging commands (docs/debugging.md) and builds the rules the editors add.
import type { BreakpointRule } from '../../shared/debugging/breakpoint-rules';
import type { DebugCommand } from '../../shared/debugging/debug-wire';
import type { MapRemoteRule } from '../../shared/debugging/map-remote';
import type { PanelTransport } from '../../shared/panel-wire';
import { recordDraft } from './debugging-drafts';

/** Sends a command; a list it sets is shown at once, until the engine echoes it (debugging-drafts.ts). */
export function sendDebug(transport: PanelTransport | null, command: DebugCommand): void {
  if (!transport) return;
  recordDraft(command);
  transport.send({ kind: 'debug', command });
}

/** An id no rule in `taken` has. */
export function freshId(prefix: string, taken: readonly { id: string }[]): string {
  let n = taken.length + 1;
  while (taken.some((rule) => rule.id === `${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

/**
 * A rule to add. From the Debugging section it starts switched off: its placeholder match would hold live
 * frames while the user is still setting it up (docs/debugging.md#frame-breakpoints). "Break on <id>" is a
 * complete intent and starts on.
 */
export function newBreakpoint(taken: readonly BreakpointRule[], options: { connection?: string; enabled: boolean }): BreakpointRule {
  return { id: freshId('bp', taken), enabled: options.enabled, direction: 'in', connection: options.connection ?? '', match: { kind: 'text', text: 'type' } };
}

/** A rule sending `recordedUrl` (the URL the app asked for) to a replay endpoint. */
export function replayMapping(taken: readonly MapRemoteRule[], recordedUrl: string, replayUrl: string): MapRemoteRule {
  const from = new URL(recordedUrl);
  from.search = '';
  from.hash = '';
  return { id: freshId('replay-', taken), enabled: true, from: from.href, to: replayUrl };
}
