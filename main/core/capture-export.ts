// The capture as a file: HAR 1.2 (Chrome's WebSocket shape, our extras under `_` keys) or JSONL. Used by
// the hosts' GET /api/capture.har and /api/capture.jsonl and by the panel's export request.
import packageJson from '../../package.json' with { type: 'json' };
import { captureToHar } from '../../shared/har-export';
import type { HarCreator } from '../../shared/har';
import { captureToJsonl } from '../../shared/jsonl';
import type { DecoderChoicesRecord } from '../../shared/decoders/decoder-choice-schema';
import type { CaptureLog } from './ports';

/** Who wrote the file, as HAR's `log.creator` records it. */
export const CAPTURE_CREATOR: HarCreator = { name: 'Mini Socket DevTools', version: packageJson.version };

/** Everything the ring holds, with its counters (`_stats`: what was dropped or cleared), as HAR text; decoded views per docs/architecture.md#decoded-views-in-har. */
export function exportHar(log: CaptureLog, decoders?: DecoderChoicesRecord): string {
  const choices = decoders ? new Map(Object.entries(decoders)) : undefined;
  return JSON.stringify(captureToHar([...log.from(0)], { creator: CAPTURE_CREATOR, stats: log.stats(), ...(choices ? { decoders: choices } : {}) }), null, 2);
}

/** Everything the ring holds, one entry per line. */
export function exportJsonl(log: CaptureLog): string {
  return captureToJsonl(log.from(0));
}
