// Export of what the panel shows: the live capture is exported by the engine (it holds the full
// payloads), an imported log is re-exported locally from the entries it was read from.
import type { CaptureEntry } from '../../shared/capture';
import { captureToHar } from '../../shared/har-export';
import { captureToJsonl } from '../../shared/jsonl';
import type { EntryRingView } from '../capture/entry-ring';
import { choicesForExport, useDecoderChoices } from '../decoders/decoder-choices';
import type { RequestReplier } from '../transport/request-reply';

export type ExportFormat = 'har' | 'jsonl';

/** The MIME type of each format. */
export const EXPORT_MIME: Record<ExportFormat, string> = { har: 'application/json', jsonl: 'application/x-ndjson' };

/** Asks the engine for the live capture in `format`. */
export async function exportLive(replier: RequestReplier, format: ExportFormat): Promise<string> {
  // The HAR carries the decoded views of the connections' decoders, chosen here or detected (docs/architecture.md#decoded-views-in-har).
  const decoders = choicesForExport(useDecoderChoices.getState().choices);
  const body = await replier.request({ kind: 'export', format, decoders }, 120_000);
  if (typeof body !== 'string') throw new Error('the engine answered the export with an entry instead of a file');
  return body;
}

/** Serializes the entries of `ring` (an imported log) in `format`. */
export function exportShown(ring: EntryRingView, format: ExportFormat): string {
  const entries: CaptureEntry[] = [];
  ring.forEach((entry) => entries.push(entry));
  if (format === 'jsonl') return captureToJsonl(entries);
  const decoders = new Map(Object.entries(choicesForExport(useDecoderChoices.getState().choices)));
  return JSON.stringify(captureToHar(entries, { creator: { name: 'mini-socket-devtools', version: '0.1.0' }, decoders }), null, 2);
}
