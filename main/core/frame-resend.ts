// Resend through the app's connection (docs/behaviour.md#resend-through-the-apps-connection): the row menu
// asks for a sent frame by seq; the engine reads the whole entry itself (never the panel's preview) and
// puts the same payload on the same connection's socket as the app's send would, through the same gates,
// marked in the capture as resent by the user. The reply names the new frame's seq, or why nothing was sent.
import type { CaptureEntry } from '../../shared/capture';
import { OPCODE } from '../../shared/capture';
import { logWarning } from './engine-warning';
import type { LiveEntryReader } from './live-entry';
import type { Engine } from './ports';

/** Why `entry` cannot be resent, or null when it can (the connection's state is the engine's to check). */
export function resendRefusal(entry: CaptureEntry): string | null {
  if (entry.kind !== 'frame' || (entry.opcode !== OPCODE.text && entry.opcode !== OPCODE.binary)) return `entry ${entry.seq} is not a text or binary frame`;
  if (entry.direction !== 'out') return `entry ${entry.seq} was received, not sent by the app`;
  if (entry.truncated) return `entry ${entry.seq} was kept cut; its whole payload is not held`;
  if (entry.payload === undefined) return `entry ${entry.seq} holds no payload`;
  return null;
}

/** Resends frame `seq`; resolves to the new frame's seq, rejects with the reason (also logged as a warning). */
export async function resendFrame(engine: Engine, readEntry: LiveEntryReader, seq: number): Promise<number> {
  let entry: CaptureEntry;
  try {
    entry = await readEntry(seq);
  } catch (error) {
    refuse(engine, '', error instanceof Error ? error.message : String(error));
  }
  const refusal = resendRefusal(entry);
  if (refusal) refuse(engine, entry.connectionId, refusal);
  const outcome = engine.inject({ connectionId: entry.connectionId, direction: 'out', payload: entry.payload ?? '', binary: entry.binary === true }, { resent: true, resentFrom: seq });
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.seq;
}

function refuse(engine: Engine, connectionId: string, reason: string): never {
  logWarning(engine.capture, { clientId: '', connectionId }, { id: 'resend-failed', message: `Resend refused: ${reason}.` });
  throw new Error(reason);
}
