// What a host hands its panels and HTTP API about sessions: the store, and which session is the run's live
// one with the first seq the live capture still shows (entries before it were cleared by the user).
import { Writable } from 'node:stream';
import type { CaptureEntry, CaptureStats } from '../../../shared/capture';
import type { DecoderChoices } from '../../../shared/decoders/connection-decoder';
import { CAPTURE_CREATOR } from '../capture-export';
import type { CaptureLog } from '../ports';
import type { SessionStore } from './session-store';
import type { SeqRange } from './session-reader';
import { streamHar, streamJsonl, type EntrySource } from './stream-export';

export interface LiveCaptureRef {
  id: string;
  /** The seq the live capture starts at: the session's first, or the first after the last clear. */
  fromSeq: number;
}

export interface SavedSessions {
  store: SessionStore;
  /** The run's live session; undefined when the run records none (or stopped recording). */
  live(): LiveCaptureRef | undefined;
}

export type SessionFormat = 'har' | 'jsonl';

/** The entries of session `id` at or after `fromSeq`, as streamHar/streamJsonl read them. */
/**
 * Whether the capture's ring still holds every entry of the live capture: then the ring is the complete and
 * faster source of a live export, and the only one that adds the decoders' views (docs/session-storage.md "Exports").
 */
export function ringHoldsLiveCapture(capture: Pick<CaptureLog, 'get' | 'nextSeq'>, live: LiveCaptureRef): boolean {
  return capture.get(live.fromSeq) !== undefined || capture.nextSeq() === live.fromSeq;
}

export function sessionSource(store: SessionStore, id: string, fromSeq = 0): EntrySource {
  return (range: SeqRange): AsyncIterable<CaptureEntry> => store.entries(id, { ...range, fromSeq: Math.max(range.fromSeq ?? 0, fromSeq) });
}

/** How a session is exported: from which seq, the counters, the user's decoder choices (HAR; detection is always on). */
export interface SessionExportOptions {
  fromSeq?: number;
  stats?: CaptureStats;
  decoders?: DecoderChoices;
}

/** Streams a session (from `fromSeq`) into `out` as HAR or JSONL. */
export function streamSession(store: SessionStore, id: string, format: SessionFormat, out: Writable, options: SessionExportOptions = {}): Promise<void> {
  const source = sessionSource(store, id, options.fromSeq);
  const meta = { creator: CAPTURE_CREATOR, ...(options.stats ? { stats: options.stats } : {}), ...(options.decoders ? { decoders: options.decoders } : {}) };
  return format === 'har' ? streamHar(source, out, meta) : streamJsonl(source, out);
}

/** The same document as one string (for the panel link, which carries a reply as one message). */
export async function sessionText(store: SessionStore, id: string, format: SessionFormat, options: SessionExportOptions = {}): Promise<string> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      done();
    },
  });
  await streamSession(store, id, format, sink, options);
  return Buffer.concat(chunks).toString('utf8');
}
