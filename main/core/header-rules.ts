// The handshake request headers and subprotocols, rewritten as the native containers do (docs/behaviour.md#a7-data-is-appended-to-the-url,
// docs/behaviour.md#a8-subprotocols-are-real): keys lower-cased, values stringified, headers the handshake owns dropped, a webview
// User-Agent, and subprotocols passed to `ws` as real protocols (never only as a raw header).
import { jsonTypeName, type Json } from '../../shared/json';
import { SANITIZE_LIMITS, TRUNCATED_KEYS_MARKER } from '../../shared/my/sanitize';
import type { CallProblem } from './call-results';
import type { EngineWarning } from './engine-warning';

/** What an Alipay Android webview sends; servers that sniff the UA see a phone, not Node. */
export const WEBVIEW_USER_AGENT =
  'Mozilla/5.0 (Linux; U; Android 13; zh-CN; Pixel 7 Build/TQ3A.230901.001) AppleWebKit/537.36 (KHTML, like Gecko) ' +
  'Version/4.0 Chrome/120.0.6099.230 Mobile Safari/537.36 AlipayClient/10.6.20 Language/zh-Hans MiniProgram MiniSocketDevTools';

/** Headers `ws`/HTTP own, plus the ones native clients remove (Origin is never sent by native clients). */
const DROPPED_HEADERS = new Set(['host', 'connection', 'upgrade', 'sec-websocket-key', 'sec-websocket-version', 'sec-websocket-extensions', 'referer', 'origin']);
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const INVALID_HEADER_VALUE = /[^\t\x20-\x7e\x80-\xff]/;

/** What `ws` is given for the upgrade request. */
export interface HandshakeRequest {
  headers: Record<string, string>;
  protocols: string[];
  /** Where the subprotocols came from, for the panel (docs/behaviour.md#a8-subprotocols-are-real). */
  protocolSource: 'protocols' | 'header' | 'both' | 'none';
}

/** The handshake request, or the fail-1 problem of bad header/protocols arguments. */
export type HandshakeResult = { ok: true; request: HandshakeRequest; warnings: EngineWarning[] } | { ok: false; problem: CallProblem; warnings: EngineWarning[] };

function stringifyHeaderValue(value: Json): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Splits "a, b,,c," into tokens, dropping empties and duplicates (Ariver leaves a trailing comma). */
export function splitProtocols(list: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const item of list) {
    for (const part of item.split(',')) {
      const token = part.trim();
      if (token !== '') seen.add(token);
    }
  }
  return [...seen];
}

/** `my` keeps 1000 keys of an object and counts the rest under one marker key (docs/behaviour.md#a26-call-size-limits). */
function tooManyHeaderNames(cutCount: Json): string {
  return `header has more than ${SANITIZE_LIMITS.maxKeys} names (${String(cutCount)} were cut by my); no server accepts a handshake that large`;
}

/** Headers and subprotocols for `ws`, or the fail-1 problem that connectSocket answers. */
export function buildHandshakeRequest(header: Json | undefined, protocols: Json | undefined): HandshakeResult {
  const warnings: EngineWarning[] = [];
  const fail = (detail: string): HandshakeResult => ({ ok: false, problem: { code: 1, detail }, warnings });
  const headers: Record<string, string> = {};
  const headerProtocols: string[] = [];

  if (header !== undefined && header !== null) {
    if (typeof header !== 'object' || Array.isArray(header)) return fail(`header must be an object, got ${jsonTypeName(header)}`);
    for (const [rawName, rawValue] of Object.entries(header)) {
      if (rawName === TRUNCATED_KEYS_MARKER) return fail(tooManyHeaderNames(rawValue));
      const name = rawName.toLowerCase();
      if (!TOKEN.test(name)) return fail(`header name "${rawName}" is not a valid HTTP header name`);
      const value = stringifyHeaderValue(rawValue);
      if (INVALID_HEADER_VALUE.test(value)) return fail(`header "${rawName}" has a value with line breaks or control characters`);
      if (name === 'sec-websocket-protocol') {
        headerProtocols.push(value);
      } else if (DROPPED_HEADERS.has(name)) {
        warnings.push({ id: 'header-dropped', message: `Header "${rawName}" is owned by the handshake or removed by the client; it was not sent.`, detail: { header: rawName } });
      } else if (name === 'user-agent') {
        warnings.push({ id: 'header-dropped', message: 'User-Agent is replaced by the webview user agent, as on phones.', detail: { header: rawName, value } });
      } else {
        headers[name] = value;
      }
    }
  }
  headers['user-agent'] = WEBVIEW_USER_AGENT;

  const requested: string[] = [];
  if (protocols !== undefined && protocols !== null) {
    if (typeof protocols === 'string') requested.push(protocols);
    else if (Array.isArray(protocols)) {
      for (const item of protocols) {
        if (typeof item !== 'string') return fail(`protocols must be an array of strings, found ${jsonTypeName(item)}`);
        requested.push(item);
      }
    } else return fail(`protocols must be an array of strings, got ${jsonTypeName(protocols)}`);
  }

  const list = splitProtocols([...requested, ...headerProtocols]);
  const invalid = list.find((token) => !TOKEN.test(token));
  if (invalid !== undefined) return fail(`subprotocol "${invalid}" is not a valid token`);
  const fromProtocols = splitProtocols(requested).length > 0;
  const fromHeader = splitProtocols(headerProtocols).length > 0;
  const protocolSource = fromProtocols && fromHeader ? 'both' : fromProtocols ? 'protocols' : fromHeader ? 'header' : 'none';
  return { ok: true, request: { headers, protocols: list, protocolSource }, warnings };
}
