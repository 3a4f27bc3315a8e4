// HAR → capture (the format is shared/har.ts): ours restores the log exactly; Chrome's gets its entries
// built from the handshake and the message items, numbered in time order after ours.
import type { z } from 'zod';
import type { CaptureEntry, Direction } from './capture';
import { CONNECTION_ID_PREFIX } from './capture';
import type { Json } from './json';
import type { HarImport, HarNameValue } from './har';
import { harSchema } from './har';
import { OVERRIDABLE, baseEntry, chromeMessageSchema } from './har-messages';
import { captureEntrySchema, describeIssues, orderBySeq } from './jsonl';

/** Parses and validates HAR text (ours or Chrome's); throws an Error saying what is wrong when it is no HAR. */
export function harToCapture(text: string): HarImport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`not a HAR file: the text is not JSON (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  const parsed = harSchema.safeParse(json);
  if (!parsed.success) throw new Error(`not a HAR 1.2 file: ${describeIssues(parsed.error)}`);
  const { log } = parsed.data;
  const warnings: string[] = [];
  if (log.version !== '1.2' && log.version !== '1.1') warnings.push(`HAR version "${log.version}" read as 1.2`);

  const numbered: CaptureEntry[] = [];
  const unnumbered: CaptureEntry[] = [];
  (log._entries ?? []).forEach((raw, i) => pushEntry(raw, `log._entries[${i}]`, numbered, warnings));
  let skippedNonSocket = 0;
  log.entries.forEach((harEntry, index) => {
    const isOurs = harEntry._connectionId !== undefined || harEntry._events !== undefined;
    const isSocket = isOurs || harEntry._resourceType === 'websocket' || harEntry._webSocketMessages !== undefined || /^wss?:/i.test(harEntry.request.url);
    if (!isSocket) {
      skippedNonSocket += 1;
      return;
    }
    // Not the request prefix: a socket from another tool's HAR must not read as a my.request (shared/capture.ts).
    const ids = { connectionId: harEntry._connectionId ?? `${CONNECTION_ID_PREFIX.importedSocket}${index + 1}`, clientId: harEntry._clientId ?? 'imported' };
    (harEntry._events ?? []).forEach((raw, i) => pushEntry(raw, `entries[${index}]._events[${i}]`, numbered, warnings));
    if (!isOurs) unnumbered.push(...handshakeEntries(harEntry, ids));
    (harEntry._webSocketMessages ?? []).forEach((raw, i) => {
      const where = `entries[${index}]._webSocketMessages[${i}]`;
      const message = chromeMessageSchema.safeParse(raw);
      if (!message.success) {
        warnings.push(`${where} skipped: ${describeIssues(message.error)}`);
        return;
      }
      const entry = captureEntrySchema.safeParse(applyExtras(baseEntry(message.data, ids), message.data));
      if (!entry.success) warnings.push(`${where} skipped: ${describeIssues(entry.error)}`);
      else if (typeof message.data._seq === 'number') numbered.push(entry.data);
      else unnumbered.push(entry.data);
    });
  });
  if (skippedNonSocket > 0) warnings.push(`${skippedNonSocket} entries that are not WebSocket connections were skipped`);

  // Grouping by connection interleaves seqs by design: sorting is expected here, repeats are not.
  const bySeq = [...numbered, ...numberInTimeOrder(unnumbered, numbered)].sort((a, b) => a.seq - b.seq);
  const result: HarImport = { entries: orderBySeq(bySeq, warnings), warnings };
  if (log._stats) result.stats = log._stats;
  return result;
}

/** Applies a message item's `_` extras to its base entry (`null` removes the field). */
function applyExtras(base: CaptureEntry, extras: Record<string, unknown>): Record<string, unknown> {
  const entry: Record<string, unknown> = { ...base };
  if (extras._seq !== undefined) entry.seq = extras._seq;
  if (extras._monoTime !== undefined) entry.monoTime = extras._monoTime;
  for (const key of OVERRIDABLE) {
    const value = extras[`_${key}`];
    if (value === null) delete entry[key];
    else if (value !== undefined) entry[key] = value;
  }
  return entry;
}

function pushEntry(raw: unknown, where: string, into: CaptureEntry[], warnings: string[]): void {
  const parsed = captureEntrySchema.safeParse(raw);
  if (parsed.success) into.push(parsed.data);
  else warnings.push(`${where} skipped: ${describeIssues(parsed.error)}`);
}

/**
 * A Chrome HAR has no lifecycle entries: its request and response become the engine's 'connecting',
 * 'handshake-response' and 'open' (or 'closed' when the upgrade was refused) steps.
 */
function handshakeEntries(harEntry: z.infer<typeof harSchema>['log']['entries'][number], ids: { connectionId: string; clientId: string }): CaptureEntry[] {
  const wallTime = Date.parse(harEntry.startedDateTime);
  const step = (name: string, detail: Record<string, Json>, direction: Direction = 'none'): CaptureEntry => ({ seq: 0, wallTime, monoTime: 0, ...ids, kind: 'lifecycle', name, direction, size: 0, detail });
  const { url } = harEntry.request;
  const { status, statusText, headers } = harEntry.response;
  const entries = [step('connecting', { url, headers: headerRecord(harEntry.request.headers) })];
  if (status > 0) entries.push(step('handshake-response', { status, statusText, headers: headerRecord(headers) }, 'in'));
  entries.push(status === 101 ? step('open', { url }) : step('closed', { neverOpened: true }));
  return entries;
}

/** Items without `_seq` (Chrome's) are numbered after the numbered ones, in time order; monoTime from the first. */
function numberInTimeOrder(unnumbered: CaptureEntry[], numbered: CaptureEntry[]): CaptureEntry[] {
  if (unnumbered.length === 0) return [];
  const firstSeq = numbered.reduce((max, entry) => Math.max(max, entry.seq + 1), 0);
  const startTime = unnumbered.reduce((min, entry) => Math.min(min, entry.wallTime), Infinity);
  return [...unnumbered]
    .sort((a, b) => a.wallTime - b.wallTime)
    .map((entry, i) => ({ ...entry, seq: firstSeq + i, monoTime: entry.wallTime - startTime }));
}

function headerRecord(headers: HarNameValue[]): Record<string, string> {
  const record: Record<string, string> = {};
  for (const { name, value } of headers) record[name] = record[name] === undefined ? value : `${record[name]}, ${value}`;
  return record;
}
