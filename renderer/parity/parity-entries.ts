// The entries the release-parity verdict needs for one connection, read from the shown ring without a full
// scan: the connection's describing entries (from the catalog), the connect call and its warnings just
// before the connecting step, and the result and errors between connecting and open (or closed).
import type { CaptureEntry } from '../../shared/capture';
import type { EntryRingView, RingEntry } from '../capture/entry-ring';

/** How far before the connecting step the connect call and its warnings are looked for. */
export const PREAMBLE_SCAN = 256;
/** How far after the connecting step the handshake's result and error are looked for. */
export const HANDSHAKE_SCAN = 4096;

/** `described` = the catalog's entries of the connection (lifecycle steps and close frames). */
export function parityEntries(ring: EntryRingView, connectionId: string, described: readonly RingEntry[]): CaptureEntry[] {
  const connecting = described.find((entry) => entry.kind === 'lifecycle' && entry.name === 'connecting');
  if (!connecting) return [...described];
  const at = ring.indexOfSeq(connecting.seq);
  if (at < 0) return [...described];
  const nearby: CaptureEntry[] = [];
  for (let index = Math.max(0, at - PREAMBLE_SCAN); index < at; index += 1) {
    const entry = ring.at(index);
    if (entry && entry.clientId === connecting.clientId && (entry.connectionId === '' || entry.connectionId === connectionId)) nearby.push(entry);
  }
  const end = Math.min(ring.size(), at + HANDSHAKE_SCAN);
  for (let index = at + 1; index < end; index += 1) {
    const entry = ring.at(index);
    if (!entry || entry.connectionId !== connectionId) continue;
    if (entry.kind === 'result' || entry.kind === 'error') nearby.push(entry);
    if (entry.kind === 'lifecycle' && (entry.name === 'open' || entry.name === 'closed')) break;
  }
  return [...nearby, ...described].sort((a, b) => a.seq - b.seq);
}
