// Reads my.request's options (docs/behaviour.md#my-request) into a plan the engine can perform, or the
// code-2 problem that explains what is wrong. Shapes and defaults: the reference's §9.3.
import type { Json } from '../../../shared/json';
import type { EngineWarning } from '../engine-warning';

export type RequestDataType = 'json' | 'text' | 'base64' | 'arraybuffer';

export interface RequestPlan {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
  /** The request body as logged: text, or base64 for binary data. */
  bodyText: string;
  bodyBinary: boolean;
  timeoutMs: number;
  dataType: RequestDataType;
}

/** A header my.request did not send, and why in words (the same words for the same cause on every request). */
export interface DroppedHeader {
  name: string;
  reason: string;
}

export type RequestParse = { ok: true; plan: RequestPlan; dropped: DroppedHeader[] } | { ok: false; detail: string };

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const MAX_REQUEST_TIMEOUT_MS = 60_000;
const MAX_URL_LENGTH = 8192;
const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'HEAD', 'TRACE', 'PATCH']);
const DATA_TYPES = new Set<RequestDataType>(['json', 'text', 'base64', 'arraybuffer']);
/** Fixed by the client on phones (docs/behaviour.md#my-request). */
const FORBIDDEN_HEADERS = new Set(['referer', 'host', 'content-length', 'connection']);

type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function binaryOf(value: Json | undefined): Buffer | undefined {
  return isObject(value) && typeof value.$binary === 'string' && Object.keys(value).length === 1 ? Buffer.from(value.$binary, 'base64') : undefined;
}

/** `k=v&…` with encodeURIComponent; non-string values as JSON text. */
function formEncode(data: JsonObject): string {
  return Object.entries(data)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value))}`)
    .join('&');
}

/** `headers` (the docs) over `header` (the typings' alias); values as strings, fixed headers dropped. */
function readHeaders(options: JsonObject, dropped: DroppedHeader[]): Record<string, string> | string {
  const given = options.headers ?? options.header;
  if (given === undefined || given === null) return {};
  if (!isObject(given)) return 'headers must be an object of strings';
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(given)) {
    if (FORBIDDEN_HEADERS.has(name.toLowerCase())) dropped.push({ name, reason: 'the client sets it' });
    else if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) dropped.push({ name, reason: 'not a valid header name' });
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') headers[name] = String(value);
    else dropped.push({ name, reason: `its value is ${valueKind(value)}, not a string` });
  }
  return headers;
}

function valueKind(value: Json): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : 'an object';
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  return Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
}

export function parseRequestOptions(options: Json): RequestParse {
  if (!isObject(options)) return { ok: false, detail: 'my.request takes an object { url, … }' };
  const { url: rawUrl } = options;
  if (typeof rawUrl !== 'string' || rawUrl === '') return { ok: false, detail: 'url is required' };
  if (rawUrl.length > MAX_URL_LENGTH) return { ok: false, detail: `url is longer than ${MAX_URL_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, detail: `url "${rawUrl.slice(0, 200)}" is not a valid URL` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, detail: `url must start with https:// (got ${url.protocol})` };
  url.hash = '';

  const method = options.method === undefined ? 'GET' : typeof options.method === 'string' ? options.method.toUpperCase() : '';
  if (!METHODS.has(method)) return { ok: false, detail: `method ${JSON.stringify(options.method)} is not one of ${[...METHODS].join(', ')}` };

  const rawType = options.dataType === undefined ? 'json' : typeof options.dataType === 'string' ? options.dataType.toLowerCase() : '';
  if (!DATA_TYPES.has(rawType as RequestDataType)) return { ok: false, detail: `dataType ${JSON.stringify(options.dataType)} is not json, text, base64 or arraybuffer` };

  const { timeout } = options;
  if (timeout !== undefined && (typeof timeout !== 'number' || timeout < 0 || timeout > MAX_REQUEST_TIMEOUT_MS)) {
    return { ok: false, detail: `timeout must be a number of ms from 0 to ${MAX_REQUEST_TIMEOUT_MS}` };
  }

  const dropped: DroppedHeader[] = [];
  const headers = readHeaders(options, dropped);
  if (typeof headers === 'string') return { ok: false, detail: headers };
  if (headerValue(headers, 'content-type') === undefined) headers['content-type'] = 'application/json';

  const { data } = options;
  const binary = binaryOf(data);
  let body: Buffer | undefined;
  if (method === 'GET' || method === 'HEAD') {
    const query = isObject(data) && !binary ? formEncode(data) : typeof data === 'string' ? data : '';
    if (query !== '') url.search = url.search ? `${url.search.slice(1)}&${query}` : query;
  } else if (binary) body = binary;
  else if (typeof data === 'string') body = Buffer.from(data);
  else if (data !== undefined && data !== null) {
    const form = /application\/x-www-form-urlencoded/i.test(headerValue(headers, 'content-type') ?? '');
    body = Buffer.from(form && isObject(data) ? formEncode(data) : JSON.stringify(data));
  }

  return {
    ok: true,
    dropped,
    plan: {
      url,
      method,
      headers,
      body,
      bodyText: body === undefined ? '' : binary ? body.toString('base64') : body.toString('utf8'),
      bodyBinary: binary !== undefined,
      timeoutMs: typeof timeout === 'number' && timeout > 0 ? timeout : DEFAULT_REQUEST_TIMEOUT_MS,
      dataType: rawType as RequestDataType,
    },
  };
}

/**
 * The warning for headers a request did not send. Its text names only the headers and reasons (nothing of the
 * request), so the same misuse on every request reads the same and Problems counts it as one row
 * (docs/behaviour.md#my-request).
 */
export function droppedHeadersWarning(dropped: readonly DroppedHeader[]): EngineWarning {
  const listed = dropped.map(({ name, reason }) => `${name} (${reason})`).join(', ');
  return {
    id: 'request-header-dropped',
    message: `my.request did not send the header${dropped.length === 1 ? '' : 's'} ${listed}.`,
    detail: { headers: dropped.map(({ name }) => name), reasons: dropped.map(({ reason }) => reason) },
  };
}
