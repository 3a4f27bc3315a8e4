// A session as a HAR or JSONL file written into a Writable as it is read — never the whole document in
// memory, and with backpressure (a slow download slows the reading). The per-entry conversions are the
// shared ones (shared/har.ts, shared/jsonl.ts), so a streamed file says what the in-memory export says.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { CaptureEntry } from '../../../shared/capture';
import type { HarMeta } from '../../../shared/har';
import { connectionToHarEntry, entryToMessage, isMessage } from '../../../shared/har-export';
import { canonicalEntry, jsonlLine } from '../../../shared/jsonl';
import { connectionDecoder, harDecoder, withDecodedMessage } from '../../../shared/decoders/har-decoded';
import type { SeqRange } from './session-reader';

/** Reads a seq range of one session (called once per pass: HAR export reads in several passes). */
export type EntrySource = (range: SeqRange) => AsyncIterable<CaptureEntry>;

const BATCH_CHARS = 64 * 1024;
const MAX_KEPT_UNATTACHED = 50_000;

/** Collects small pieces into batches and waits for 'drain' when the Writable says it is full. */
class BatchedWriter {
  private batch = '';
  constructor(private readonly out: Writable) {}

  async write(text: string): Promise<void> {
    this.batch += text;
    if (this.batch.length >= BATCH_CHARS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.batch === '') return;
    const text = this.batch;
    this.batch = '';
    if (this.out.destroyed) throw new Error('export stream closed');
    if (!this.out.write(text)) {
      // A reader that went away closes the stream instead of draining it.
      // The losing listener is removed (abort), so long exports do not pile listeners on the stream.
      const settled = new AbortController();
      try {
        await Promise.race([once(this.out, 'drain', { signal: settled.signal }), once(this.out, 'close', { signal: settled.signal })]);
      } finally {
        settled.abort();
      }
      if (this.out.destroyed) throw new Error('export stream closed');
    }
  }
}

/** One entry per line, as captureToJsonl writes them. Does not end `out`. */
export async function streamJsonl(source: EntrySource, out: Writable): Promise<void> {
  const writer = new BatchedWriter(out);
  for await (const entry of source({})) await writer.write(jsonlLine(entry));
  await writer.flush();
}

interface ConnectionPlan {
  /** Every entry captureToHar's connection entry reads besides the plain frames: its head and events. */
  summary: CaptureEntry[];
  firstSeq: number;
  lastSeq: number;
}

/**
 * The HAR captureToHar builds, written piece by piece. Pass 1 keeps, per connection, the entries that
 * are not plain frames (few: lifecycle, calls, errors) and the connection's seq span; then each
 * connection's `_webSocketMessages` are streamed from a read of its span, and `_entries` from a last pass.
 * Reading cost: one pass plus the connections' spans (connections one after another: about two passes).
 */
export async function streamHar(source: EntrySource, out: Writable, meta: HarMeta): Promise<void> {
  const connections = new Map<string, ConnectionPlan>();
  let unattached = false;
  // Entries without a connection are few (lifecycle, calls before a connect): kept from pass 1 up to a
  // bound, which spares the last pass over the whole session.
  let unattachedKept: CaptureEntry[] | undefined = [];
  let endSeq: number | undefined;
  for await (const entry of source({})) {
    endSeq = entry.seq + 1;
    if (entry.connectionId === '') {
      unattached = true;
      if (unattachedKept && unattachedKept.push(entry) > MAX_KEPT_UNATTACHED) unattachedKept = undefined;
      continue;
    }
    const plan = connections.get(entry.connectionId);
    if (!plan) connections.set(entry.connectionId, { summary: [entry], firstSeq: entry.seq, lastSeq: entry.seq });
    else {
      plan.lastSeq = entry.seq;
      if (!isPlainFrame(entry)) plan.summary.push(entry);
    }
  }
  // Later passes stop where pass 1 stopped: a live session keeps growing meanwhile.
  const upTo = (range: SeqRange): SeqRange => ({ ...range, toSeq: Math.min(range.toSeq ?? Infinity, endSeq ?? 0) });

  const writer = new BatchedWriter(out);
  const creator = { name: meta.creator.name, version: meta.creator.version };
  await writer.write(`{"log":{"version":"1.2","creator":${JSON.stringify(creator)},"entries":[`);
  let firstConnection = true;
  for (const [connectionId, plan] of connections) {
    // The summary's messages are only some of them: all of them are streamed below from the span.
    const { _webSocketMessages: _summaryMessages, _events: events, ...head } = connectionToHarEntry(plan.summary);
    const ids = { connectionId, clientId: head._clientId };
    // Decoded views as captureToHar adds them: the decoder is found once (its open step is in the summary).
    const decoder = connectionDecoder(connectionId, plan.summary, meta.decoders);
    await writer.write(`${firstConnection ? '' : ','}\n${JSON.stringify(head).slice(0, -1)},"_webSocketMessages":[`);
    firstConnection = false;
    let firstMessage = true;
    for await (const entry of source(upTo({ fromSeq: plan.firstSeq, toSeq: plan.lastSeq + 1 }))) {
      if (entry.connectionId !== connectionId || !isMessage(entry)) continue;
      const message = entryToMessage(entry, ids);
      await writer.write(`${firstMessage ? '' : ','}\n${JSON.stringify(decoder ? withDecodedMessage(message, entry, decoder) : message)}`);
      firstMessage = false;
    }
    await writer.write(`],"_events":${JSON.stringify(events)}${decoder ? `,"_decoder":${JSON.stringify(harDecoder(decoder))}` : ''}}`);
  }
  await writer.write('],"_entries":[');
  if (unattached) {
    let first = true;
    for await (const entry of unattachedKept ?? source(upTo({}))) {
      if (entry.connectionId !== '') continue;
      await writer.write(`${first ? '' : ','}\n${JSON.stringify(canonicalEntry(entry))}`);
      first = false;
    }
  }
  await writer.write(`]${meta.stats ? `,"_stats":${JSON.stringify(meta.stats)}` : ''}}}\n`);
  await writer.flush();
}

/** A frame or error whose Chrome message item says all captureToHar's connection head needs of it. */
function isPlainFrame(entry: CaptureEntry): boolean {
  return isMessage(entry) && entry.kind !== 'error' && entry.detail === undefined && entry.cause === undefined;
}
