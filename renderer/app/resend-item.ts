// The row menu's "Resend" (docs/behaviour.md#resend-through-the-apps-connection): offered on every text or
// binary frame, enabled only for a frame the app sent whose connection is OPEN now; otherwise it stays in
// the menu, disabled, and its tooltip says why. The engine reads the whole payload and sends it; the
// panel only names the entry.
import type { CaptureEntry } from '../../shared/capture';
import { OPCODE } from '../../shared/capture';
import type { ConnectionInfo } from '../../shared/panel-wire';
import type { RequestReplier } from '../transport/request-reply';

export interface ResendItem {
  label: string;
  /** Why it cannot be used now (the tooltip of the disabled item); absent when it can. */
  disabledReason?: string;
}

/** Where the panel stands: what it shows, and the engine's connections. */
export interface ResendContext {
  live: boolean;
  connections: readonly ConnectionInfo[];
}

/** The item for `entry`, or null when the entry is no data frame (nothing to resend). */
export function resendItemFor(entry: CaptureEntry, context: ResendContext): ResendItem | null {
  if (entry.kind !== 'frame' || (entry.opcode !== OPCODE.text && entry.opcode !== OPCODE.binary)) return null;
  const label = `Resend on ${entry.connectionId} (the app's connection)`;
  const disabledReason = unavailableBecause(entry, context);
  return disabledReason ? { label, disabledReason } : { label };
}

function unavailableBecause(entry: CaptureEntry, { live, connections }: ResendContext): string | undefined {
  if (!live) return 'An imported capture has no live connection to send on.';
  if (entry.direction !== 'out') return 'Only a frame the app sent can be resent; this one was received.';
  if (entry.truncated) return 'The capture kept this payload cut (it was over the payload cap), so it cannot be sent whole.';
  const state = connections.find((connection) => connection.connectionId === entry.connectionId)?.state ?? 'CLOSED';
  if (state !== 'OPEN') return `${entry.connectionId} is ${state}: a frame can be resent only while its connection is OPEN.`;
  return undefined;
}

/** Asks the engine to resend entry `seq`; resolves to the new frame's seq, rejects with the engine's reason. */
export async function requestResend(replier: RequestReplier, seq: number): Promise<number> {
  const body = await replier.request({ kind: 'resend', seq });
  const answer = typeof body === 'string' ? (JSON.parse(body) as { seq?: unknown }) : {};
  if (typeof answer.seq !== 'number') throw new Error('the engine answered without the new frame');
  return answer.seq;
}
