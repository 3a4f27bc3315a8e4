// HAR 1.2 export and import of the capture, in the shape Chrome writes for WebSockets (one entry per
// connection, `_resourceType: "websocket"`, `_webSocketMessages` items with exactly type/time/opcode/data)
// so Chrome, mitmproxy, Proxyman and Playwright can read it. Everything else of the capture travels in
// `_`-prefixed extras, so importing our own HAR restores the log exactly. Pure: used by main and renderer.
import { z } from 'zod';
import type { CaptureEntry, CaptureStats, Direction, EntryKind } from './capture';
import type { Json } from './json';
import type { CaptureImport } from './jsonl';
import { canonicalEntry, captureEntrySchema, describeIssues, orderBySeq } from './jsonl';

export interface HarNameValue {
  name: string;
  value: string;
}

export interface HarCreator {
  name: string;
  version: string;
}

/**
 * The CaptureEntry fields a Chrome message item cannot carry, present only where the entry differs from
 * what type/time/opcode/data imply (`null`: the entry has no such field).
 */
export interface HarMessageExtras {
  _seq?: number;
  _monoTime?: number;
  _wallTime?: number;
  _clientId?: string;
  _connectionId?: string;
  _kind?: EntryKind;
  _name?: string;
  _direction?: Direction;
  _opcode?: number | null;
  _size?: number;
  _payload?: string | null;
  _binary?: boolean | null;
  _truncated?: boolean | null;
  _errorCode?: number | null;
  _errorMessage?: string | null;
  _cause?: string | null;
  _detail?: Record<string, Json> | null;
}

/** Chrome's `_webSocketMessages` item: send/receive frames and error events. */
export interface HarWebSocketMessage extends HarMessageExtras {
  type: 'send' | 'receive' | 'error';
  /** Seconds since the epoch. */
  time: number;
  /** RFC 6455 opcode; -1 for errors. */
  opcode: number;
  /** Text, base64 for binary, or the error text. */
  data: string;
}

export interface HarRequest {
  method: string;
  url: string;
  httpVersion: string;
  cookies: HarNameValue[];
  headers: HarNameValue[];
  queryString: HarNameValue[];
  headersSize: number;
  bodySize: number;
}

export interface HarResponse {
  status: number;
  statusText: string;
  httpVersion: string;
  cookies: HarNameValue[];
  headers: HarNameValue[];
  content: { size: number; mimeType: string };
  redirectURL: string;
  headersSize: number;
  bodySize: number;
}

export interface HarEntry {
  startedDateTime: string;
  /** ms: the handshake (send + wait + receive). */
  time: number;
  request: HarRequest;
  response: HarResponse;
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  _resourceType: 'websocket';
  _connectionId: string;
  _clientId: string;
  _webSocketMessages: HarWebSocketMessage[];
  /** The connection's calls, results, lifecycle steps, warnings and direction-less frames. */
  _events: CaptureEntry[];
}

export interface Har {
  log: {
    version: '1.2';
    creator: HarCreator;
    entries: HarEntry[];
    /** Entries that belong to no connection (listener registrations, calls refused before connecting). */
    _entries: CaptureEntry[];
    _stats?: CaptureStats;
  };
}

/** What the export records besides the entries. */
export interface HarMeta {
  creator: HarCreator;
  stats?: CaptureStats;
}

/** A HAR import: the entries, the warnings, and the source capture's counters when it recorded them. */
export interface HarImport extends CaptureImport {
  stats?: CaptureStats;
}

const nameValueSchema = z.looseObject({ name: z.string(), value: z.string() });
const isoDateSchema = z.string().refine((text) => !Number.isNaN(Date.parse(text)), 'not an ISO 8601 date');
const statsSchema = z.object({
  total: z.number().int().nonnegative(),
  dropped: z.number().int().nonnegative(),
  held: z.number().int().nonnegative(),
  capacity: z.number().int().nonnegative(),
  cleared: z.number().int().nonnegative(),
});

/** HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/): every required field, extras allowed. */
export const harSchema = z.object({
  log: z.looseObject({
    version: z.string(),
    creator: z.looseObject({ name: z.string(), version: z.string(), comment: z.string().optional() }),
    browser: z.looseObject({ name: z.string(), version: z.string() }).optional(),
    pages: z
      .array(z.looseObject({ startedDateTime: isoDateSchema, id: z.string(), title: z.string(), pageTimings: z.looseObject({}) }))
      .optional(),
    entries: z.array(
      z.looseObject({
        pageref: z.string().optional(),
        startedDateTime: isoDateSchema,
        time: z.number(),
        request: z.looseObject({
          method: z.string(),
          url: z.string(),
          httpVersion: z.string(),
          cookies: z.array(nameValueSchema),
          headers: z.array(nameValueSchema),
          queryString: z.array(nameValueSchema),
          headersSize: z.number(),
          bodySize: z.number(),
        }),
        response: z.looseObject({
          status: z.number().int(),
          statusText: z.string(),
          httpVersion: z.string(),
          cookies: z.array(nameValueSchema),
          headers: z.array(nameValueSchema),
          content: z.looseObject({ size: z.number(), mimeType: z.string() }),
          redirectURL: z.string(),
          headersSize: z.number(),
          bodySize: z.number(),
        }),
        cache: z.looseObject({}),
        timings: z.looseObject({ send: z.number(), wait: z.number(), receive: z.number() }),
        _resourceType: z.string().optional(),
        _connectionId: z.string().optional(),
        _clientId: z.string().optional(),
        _webSocketMessages: z.array(z.unknown()).optional(),
        _events: z.array(z.unknown()).optional(),
      }),
    ),
    _entries: z.array(z.unknown()).optional(),
    _stats: statsSchema.optional(),
  }),
});

const chromeMessageSchema = z.looseObject({
  type: z.enum(['send', 'receive', 'error']),
  time: z.number().finite(),
  opcode: z.number().int(),
  data: z.string(),
});
type ChromeMessage = z.infer<typeof chromeMessageSchema>;

/** Entry fields a message item may override, in the order they are written. */
const OVERRIDABLE = [
  'wallTime', 'clientId', 'connectionId', 'kind', 'name', 'direction', 'opcode', 'size', 'payload', 'binary',
  'truncated', 'errorCode', 'errorMessage', 'cause', 'detail',
] as const satisfies readonly (keyof CaptureEntry)[];

const OPCODE_NAMES: Record<number, string> = { 1: 'text', 2: 'binary', 8: 'close', 9: 'ping', 10: 'pong' };
/** How the engine records payloads: text as is, binary and ping/pong payloads as base64. */
const BINARY_BY_OPCODE: Record<number, boolean> = { 1: false, 2: true, 9: true, 10: true };

/** Builds the HAR of a capture: one entry per connection, in the order connections first appear. */
export function captureToHar(entries: CaptureEntry[], meta: HarMeta): Har {
  const groups = new Map<string, CaptureEntry[]>();
  const unattached: CaptureEntry[] = [];
  for (const entry of entries) {
    if (entry.connectionId === '') {
      unattached.push(canonicalEntry(entry));
      continue;
    }
    const group = groups.get(entry.connectionId);
    if (group) group.push(entry);
    else groups.set(entry.connectionId, [entry]);
  }
  const log: Har['log'] = {
    version: '1.2',
    creator: { name: meta.creator.name, version: meta.creator.version },
    entries: [...groups.values()].map(connectionToHarEntry),
    _entries: unattached,
  };
  if (meta.stats) log._stats = { ...meta.stats };
  return { log };
}

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
    const ids = { connectionId: harEntry._connectionId ?? `h${index + 1}`, clientId: harEntry._clientId ?? 'imported' };
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

export function connectionToHarEntry(group: CaptureEntry[]): HarEntry {
  const first = group[0] as CaptureEntry;
  const ids = { connectionId: first.connectionId, clientId: first.clientId };
  const lifecycle = (name: string) => group.find((e) => e.kind === 'lifecycle' && e.name === name);
  const connecting = lifecycle('connecting');
  const answer = lifecycle('handshake-response');
  const open = lifecycle('open');
  const handshakeEnd = answer ?? open ?? group.find((e) => e.kind === 'error' || (e.kind === 'lifecycle' && e.name === 'closed'));
  const wait = handshakeEnd ? Math.max(0, handshakeEnd.wallTime - (connecting ?? first).wallTime) : 0;
  const url = detailString(connecting, 'url') ?? group.map((e) => detailString(e, 'url')).find((u) => u !== undefined) ?? '';
  const status = handshakeStatus(group, answer, open !== undefined);
  const messages: HarWebSocketMessage[] = [];
  const events: CaptureEntry[] = [];
  for (const entry of group) {
    if (isMessage(entry)) messages.push(entryToMessage(entry, ids));
    else events.push(canonicalEntry(entry));
  }
  return {
    startedDateTime: new Date(first.wallTime).toISOString(),
    time: wait,
    request: {
      method: 'GET',
      url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: headerList(connecting?.detail?.headers),
      queryString: queryStringOf(url),
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status,
      statusText: detailString(answer, 'statusText') ?? STATUS_TEXTS[status] ?? '',
      httpVersion: status > 0 ? 'HTTP/1.1' : '',
      cookies: [],
      headers: headerList(answer?.detail?.headers),
      content: { size: 0, mimeType: 'x-unknown' },
      redirectURL: '',
      headersSize: -1,
      bodySize: status > 0 ? 0 : -1,
    },
    cache: {},
    timings: { send: 0, wait, receive: 0 },
    _resourceType: 'websocket',
    _connectionId: ids.connectionId,
    _clientId: ids.clientId,
    _webSocketMessages: messages,
    _events: events,
  };
}

/** Frames on the wire and error events are Chrome message items; everything else is an `_events` entry. */
export function isMessage(entry: CaptureEntry): boolean {
  return entry.kind === 'error' || (entry.kind === 'frame' && entry.direction !== 'none');
}

export function entryToMessage(entry: CaptureEntry, ids: { connectionId: string; clientId: string }): HarWebSocketMessage {
  const isError = entry.kind === 'error';
  const chrome: ChromeMessage = {
    type: isError ? 'error' : entry.direction === 'out' ? 'send' : 'receive',
    time: entry.wallTime / 1000,
    opcode: isError ? -1 : (entry.opcode ?? (entry.binary ? 2 : 1)),
    data: (isError ? entry.errorMessage : entry.payload) ?? '',
  };
  const base = baseEntry(chrome, ids);
  const message: HarWebSocketMessage = { type: chrome.type, time: chrome.time, opcode: chrome.opcode, data: chrome.data, _seq: entry.seq, _monoTime: entry.monoTime };
  for (const key of OVERRIDABLE) if (entry[key] !== base[key]) Object.assign(message, { [`_${key}`]: entry[key] ?? null });
  return message;
}

/** The entry a Chrome message item implies by itself (seq and monoTime are set by the caller). */
function baseEntry(message: ChromeMessage, ids: { connectionId: string; clientId: string }): CaptureEntry {
  const isError = message.type === 'error';
  const entry: CaptureEntry = {
    seq: 0,
    wallTime: message.time * 1000,
    monoTime: 0,
    clientId: ids.clientId,
    connectionId: ids.connectionId,
    kind: isError ? 'error' : 'frame',
    name: isError ? 'error' : (OPCODE_NAMES[message.opcode] ?? `opcode-${message.opcode}`),
    direction: message.type === 'send' ? 'out' : message.type === 'receive' ? 'in' : 'none',
    size: 0,
  };
  if (isError) {
    entry.errorMessage = message.data;
    return entry;
  }
  const binary = BINARY_BY_OPCODE[message.opcode];
  entry.opcode = message.opcode;
  entry.payload = message.data;
  entry.size = binary ? base64Length(message.data) : utf8Length(message.data);
  if (binary !== undefined) entry.binary = binary;
  return entry;
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

const STATUS_TEXTS: Record<number, string> = { 101: 'Switching Protocols' };

/**
 * The status of the upgrade answer: the 'handshake-response' step's, 101 once open, else the refused
 * upgrade's status from an error's detail or its `ws` text ("Unexpected server response: 503"); 0 if none came.
 */
function handshakeStatus(group: CaptureEntry[], answer: CaptureEntry | undefined, opened: boolean): number {
  const answered = answer?.detail?.status;
  if (isStatus(answered)) return answered;
  if (opened) return 101;
  for (const entry of group) {
    const status = entry.detail?.httpStatus ?? entry.detail?.status;
    if (isStatus(status)) return status;
    const fromCause = /server response: (\d{3})\b/i.exec(entry.cause ?? '');
    if (fromCause?.[1]) return Number(fromCause[1]);
  }
  return 0;
}

function isStatus(value: Json | undefined): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 999;
}

function detailString(entry: CaptureEntry | undefined, key: string): string | undefined {
  const value = entry?.detail?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** Headers recorded as an object (`{ name: value | value[] }`) or as HAR pairs, as HAR pairs. */
function headerList(value: Json | undefined): HarNameValue[] {
  if (Array.isArray(value)) {
    return value.flatMap((item) =>
      item !== null && typeof item === 'object' && !Array.isArray(item) && typeof item.name === 'string'
        ? [{ name: item.name, value: jsonText(item.value ?? '') }]
        : [],
    );
  }
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([name, v]) =>
    Array.isArray(v) ? v.map((item) => ({ name, value: jsonText(item) })) : v === null ? [] : [{ name, value: jsonText(v) }],
  );
}

function headerRecord(headers: HarNameValue[]): Record<string, string> {
  const record: Record<string, string> = {};
  for (const { name, value } of headers) record[name] = record[name] === undefined ? value : `${record[name]}, ${value}`;
  return record;
}

function jsonText(value: Json): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function queryStringOf(url: string): HarNameValue[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

/** UTF-8 byte length without allocating an encoded copy. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** Decoded length of base64 text. */
function base64Length(text: string): number {
  const clean = text.replace(/[^A-Za-z0-9+/]/g, '');
  return Math.floor((clean.length * 3) / 4);
}
