// Everything the capture says about one connection, gathered from its lifecycle entries and close frames
// (the final URL, both header sets, requested vs chosen subprotocol, the close codes and reasons sent and
// received, who closed first), with the engine's live ConnectionInfo filling what the log lacks.
import type { CaptureEntry } from '../../shared/capture';
import type { Json } from '../../shared/json';
import type { ConnectionInfo, ConnectionState } from '../../shared/panel-wire';

/** A close code and reason. */
export interface CloseFrameInfo {
  code: number;
  reason: string;
}

export interface ConnectionSummary {
  connectionId: string;
  clientId: string;
  state?: ConnectionState;
  /** The final URL (after `data`). */
  url?: string;
  requestHeaders: [string, string][];
  requestedProtocols: string[];
  /** Where the requested subprotocols came from (`protocols` or a header), as the engine logged it. */
  protocolSource?: string;
  /** '' = the server chose none. Undefined = not open (yet). */
  chosenProtocol?: string;
  responseStatus?: number;
  responseHeaders: [string, string][];
  timeoutMs?: number;
  closeSent?: CloseFrameInfo;
  closeReceived?: CloseFrameInfo;
  closedFirstBy?: string;
  neverOpened?: boolean;
  openedAt?: number;
  closedAt?: number;
}

/** Reads the summary of `connectionId` from its entries in seq order and `live` (the engine's info, if any). */
export function summarizeConnection(connectionId: string, entries: Iterable<CaptureEntry>, live?: ConnectionInfo): ConnectionSummary {
  const summary: ConnectionSummary = { connectionId, clientId: live?.clientId ?? '', requestHeaders: [], requestedProtocols: [], responseHeaders: [] };
  for (const entry of entries) {
    if (entry.connectionId === connectionId) applyEntry(summary, entry);
  }
  if (live) {
    summary.state = live.state;
    summary.url ??= live.url;
    if (summary.requestedProtocols.length === 0) summary.requestedProtocols = [...live.requestedProtocols];
    if (summary.chosenProtocol === undefined && live.state !== 'CONNECTING') summary.chosenProtocol = live.protocol;
    summary.openedAt ??= live.openedAt;
    summary.closedAt ??= live.closedAt;
    if (summary.closeReceived === undefined && live.closeCode !== undefined) summary.closeReceived = { code: live.closeCode, reason: live.closeReason ?? '' };
  }
  return summary;
}

function applyEntry(summary: ConnectionSummary, entry: CaptureEntry): void {
  const detail = entry.detail ?? {};
  if (!summary.clientId) summary.clientId = entry.clientId;
  if (entry.kind === 'frame' && entry.opcode === 8) {
    const close = closeOf(detail.code, detail.reason ?? entry.payload ?? '');
    if (close && entry.direction === 'out') summary.closeSent ??= close;
    if (close && entry.direction === 'in') summary.closeReceived ??= close;
    return;
  }
  if (entry.kind !== 'lifecycle') return;
  switch (entry.name) {
    case 'connecting':
      if (typeof detail.url === 'string') summary.url = detail.url;
      summary.requestHeaders = headerPairs(detail.headers);
      summary.requestedProtocols = stringList(detail.requestedProtocols);
      if (typeof detail.protocolSource === 'string') summary.protocolSource = detail.protocolSource;
      if (typeof detail.timeoutMs === 'number') summary.timeoutMs = detail.timeoutMs;
      summary.state = 'CONNECTING';
      break;
    case 'handshake-response':
      if (typeof detail.status === 'number') summary.responseStatus = detail.status;
      summary.responseHeaders = headerPairs(detail.headers);
      break;
    case 'open':
      summary.chosenProtocol = typeof detail.protocol === 'string' ? detail.protocol : '';
      if (typeof detail.url === 'string') summary.url = detail.url;
      summary.openedAt = entry.wallTime;
      summary.state = 'OPEN';
      break;
    case 'closing':
      summary.closeSent ??= closeOf(detail.code, detail.reason);
      summary.state = 'CLOSING';
      break;
    case 'closed': {
      const sent = closeOf(detail.codeSent, detail.reasonSent);
      const received = closeOf(detail.codeReceived, detail.reasonReceived);
      if (sent) summary.closeSent = sent;
      if (received) summary.closeReceived = received;
      if (typeof detail.closedFirstBy === 'string') summary.closedFirstBy = detail.closedFirstBy;
      if (detail.neverOpened === true) summary.neverOpened = true;
      summary.closedAt = entry.wallTime;
      summary.state = 'CLOSED';
      break;
    }
  }
}

function closeOf(code: Json | undefined, reason: Json | undefined): CloseFrameInfo | undefined {
  if (typeof code !== 'number') return undefined;
  return { code, reason: typeof reason === 'string' ? reason : '' };
}

function stringList(value: Json | undefined): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Headers as name/value pairs, whatever shape they were logged in (object of strings or arrays, or pairs). */
export function headerPairs(value: Json | undefined): [string, string][] {
  if (value === undefined || value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) {
    return value.flatMap((item): [string, string][] => {
      if (item && typeof item === 'object' && !Array.isArray(item) && typeof item.name === 'string') return [[item.name, String(item.value ?? '')]];
      return [];
    });
  }
  return Object.entries(value).map(([name, headerValue]): [string, string] => [name, Array.isArray(headerValue) ? headerValue.map(String).join(', ') : String(headerValue ?? '')]);
}
