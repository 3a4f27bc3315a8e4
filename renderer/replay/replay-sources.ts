// What a replay plays: for the live capture, main builds the recording from its own capture (whole payloads,
// where the panel holds only previews); for an imported HAR / JSONL, the panel builds it from the shown ring,
// which holds the file's entries as read.
import type { PanelRequest } from '../../shared/panel-wire';
import type { CaptureEntry } from '../../shared/capture';
import { recordingFromEntries } from '../../shared/replay';
import type { EntryRingView, RingEntry } from '../capture/entry-ring';
import type { CaptureSource } from '../store/panel-store';

/** The `source` of a replay-start request. */
export type ReplaySource = Extract<PanelRequest, { kind: 'replay-start' }>['source'];

export type ReplaySourceResult = { ok: true; source: ReplaySource } | { ok: false; error: string };

/** Why `connectionId` cannot be replayed ('' = it can), from its describing entries (the connection catalog). */
export function whyNotReplayable(described: readonly RingEntry[]): string {
  const opened = described.some((entry) => entry.kind === 'lifecycle' && entry.name === 'open');
  return opened ? '' : 'This connection never opened (or its open step is no longer held): there is nothing to replay.';
}

/** The replay source of `connectionId` in the shown capture (`ring` is the shown ring). */
export function replaySourceFor(connectionId: string, shown: CaptureSource, ring: EntryRingView): ReplaySourceResult {
  if (shown === 'live') return { ok: true, source: { kind: 'capture', connectionId } };
  const own: CaptureEntry[] = [];
  ring.forEach((entry) => {
    if (entry.connectionId === connectionId) own.push(entry);
  });
  const built = recordingFromEntries(connectionId, own);
  if (!built.ok) return built;
  return { ok: true, source: { kind: 'recording', recording: { ...built.recording, label: `${built.recording.label} (${shown.importedFrom})`.slice(0, 500) } } };
}
