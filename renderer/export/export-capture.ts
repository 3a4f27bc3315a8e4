// Export of what the panel shows: the live capture is exported by the engine (it holds the full
// payloads), an imported log is re-exported locally from the entries it was read from.
import type { CaptureEntry } from '../../shared/capture';
import { captureToHar } from '../../shared/har-export';
import { captureToJsonl } from '../../shared/jsonl';
import type { EntryRingView } from '../capture/entry-ring';
import type { RequestReplier } from '../transport/request-reply';

export type ExportFormat = 'har' | 'jsonl';

/** The MIME type of each format. */
export const EXPORT_MIME: Record<ExportFormat, string> = { har: 'application/json', jsonl: 'application/x-ndjson' };

/** Asks the engine for the live capture in `format`. */
export async function exportLive(replier: RequestReplier, format: ExportFormat): Promise<string> {
  const body = await replier.request({ kind: 'export', format }, 120_000);
  if (typeof body !== 'string') throw new Error('the engine answered the export with an entry instead of a file');
  return body;
}

/** Serializes the entries of `ring` (an imported log) in `format`. */
export function exportShown(ring: EntryRingView, format: ExportFormat): string {
  const entries: CaptureEntry[] = [];
  ring.forEach((entry) => entries.push(entry));
  if (format === 'jsonl') return captureToJsonl(entries);
  return JSON.stringify(captureToHar(entries, { creator: { name: 'mini-socket-devtools', version: '0.1.0' } }), null, 2);
}
