// A my.request's capture entry (kind 'http') as an ordinary HAR HTTP entry (docs/behaviour.md#my-request):
// request and response with headers and bodies, the timing as `wait`, and its capture entries in `_events`
// so an import gives them back unchanged.
import type { CaptureEntry } from './capture';
import type { HarEntry, HarNameValue } from './har';
import type { Json } from './json';
import { canonicalEntry } from './jsonl';

function pairs(value: Json | undefined): HarNameValue[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([name, v]) => (typeof v === 'string' ? v.split('\n').map((line) => ({ name, value: line })) : []));
}

function headerOf(headers: HarNameValue[], name: string): string | undefined {
  return headers.find((header) => header.name.toLowerCase() === name)?.value;
}

function text(value: Json | undefined): string {
  return typeof value === 'string' ? value : '';
}

/** The query of a URL as HAR pairs; none for a URL that does not parse. */
export function queryStringOf(url: string): HarNameValue[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

/** `group`: every capture entry of the request (its warnings too), the http entry among them. */
export function httpToHarEntry(entry: CaptureEntry, group: readonly CaptureEntry[]): HarEntry {
  const detail = entry.detail ?? {};
  const url = text(detail.url);
  const requestHeaders = pairs(detail.requestHeaders);
  const responseHeaders = pairs(detail.responseHeaders);
  const status = typeof detail.status === 'number' ? detail.status : 0;
  const durationMs = typeof detail.durationMs === 'number' ? detail.durationMs : 0;
  const startWallTime = typeof detail.startWallTime === 'number' ? detail.startWallTime : entry.wallTime - durationMs;
  const requestBody = text(detail.requestBody);
  const requestBodySize = typeof detail.requestBodySize === 'number' ? detail.requestBodySize : 0;
  const harEntry: HarEntry = {
    startedDateTime: new Date(startWallTime).toISOString(),
    time: durationMs,
    request: {
      method: entry.name,
      url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: requestHeaders,
      queryString: queryStringOf(url),
      headersSize: -1,
      bodySize: requestBodySize,
    },
    response: {
      status,
      statusText: text(detail.statusText),
      httpVersion: status > 0 ? 'HTTP/1.1' : '',
      cookies: [],
      headers: responseHeaders,
      content: { size: entry.size, mimeType: headerOf(responseHeaders, 'content-type') ?? 'x-unknown' },
      redirectURL: headerOf(responseHeaders, 'location') ?? '',
      headersSize: -1,
      bodySize: status > 0 ? entry.size : -1,
    },
    cache: {},
    timings: { send: 0, wait: durationMs, receive: 0 },
    _resourceType: 'fetch',
    _connectionId: entry.connectionId,
    _clientId: entry.clientId,
    _webSocketMessages: [],
    _events: group.map(canonicalEntry),
  };
  if (typeof detail.dialedUrl === 'string') harEntry._dialedUrl = detail.dialedUrl;
  if (requestBodySize > 0) {
    harEntry.request.postData = { mimeType: headerOf(requestHeaders, 'content-type') ?? '', text: requestBody, ...(detail.requestBodyBinary === true ? { encoding: 'base64' as const } : {}) };
  }
  if (entry.payload !== undefined) {
    harEntry.response.content.text = entry.payload;
    if (entry.binary) harEntry.response.content.encoding = 'base64';
  }
  return harEntry;
}
