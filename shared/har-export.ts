// Capture → HAR 1.2 (the format is shared/har.ts): one entry per connection with its handshake, frames
// and error events as Chrome message items, everything else as `_`-prefixed extras; a my.request as an
// HTTP entry (shared/har-http.ts).
import type { CaptureEntry } from './capture';
import type { Json } from './json';
import type { Har, HarEntry, HarMeta, HarNameValue, HarWebSocketMessage } from './har';
import type { ChromeMessage } from './har-messages';
import { OVERRIDABLE, baseEntry } from './har-messages';
import { httpToHarEntry, queryStringOf } from './har-http';
import { canonicalEntry } from './jsonl';
import { withDecodedViews } from './decoders/har-decoded';

/** Builds the HAR of a capture: one entry per connection and per my.request, in the order they first appear. */
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
    entries: [...groups.values()].map((group) => {
      const request = group.find((entry) => entry.kind === 'http');
      return request ? httpToHarEntry(request, group) : withDecodedViews(connectionToHarEntry(group), group, meta.decoders);
    }),
    _entries: unattached,
  };
  if (meta.stats) log._stats = { ...meta.stats };
  return { log };
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
    ...(detailString(connecting, 'dialedUrl') ? { _dialedUrl: detailString(connecting, 'dialedUrl') } : {}),
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

function jsonText(value: Json): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
