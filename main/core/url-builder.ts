// Builds the final socket URL the way the native containers do (docs/behaviour.md#a7-data-is-appended-to-the-url, docs/behaviour.md#a25-url-fragment): `data` appended
// as a query string, then the checks that map to codes 3, 4 and 5, done before `ws` could rewrite
// http(s) URLs or throw on a fragment.
import type { Json } from '../../shared/json';
import type { CallProblem } from './call-results';
import type { EngineWarning } from './engine-warning';
import { summarizeText } from './call-detail';

/** The final URL with its warnings, or the code connectSocket fails with. */
export type UrlBuildResult = { ok: true; url: string; warnings: EngineWarning[] } | { ok: false; problem: CallProblem; warnings: EngineWarning[] };

/**
 * Longest URL a connect may name, in characters, data appended (docs/behaviour.md#a26-call-size-limits):
 * Chromium's limit (url::kMaxURLChars), which the mini-program webviews share; longer fails with 4.
 */
export const MAX_URL_CHARS = 2 * 1024 * 1024;

/** Runs of characters a URL cannot carry as they are: anything outside the safe set, and a `%` that starts no valid escape. */
const ILLEGAL_RUN = /(?:%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=:@/?%])+/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Percent-encodes only what is illegal in a URL query (docs/behaviour.md#a7-data-is-appended-to-the-url), leaving valid escapes as they are;
 * a lone surrogate becomes U+FFFD. One native encode per run, so a long query costs one pass, not one call per character.
 */
export function encodeIllegalUrlCharacters(text: string): string {
  return text.replace(ILLEGAL_RUN, (run) => encodeURIComponent(run.replace(LONE_SURROGATE, '\uFFFD')));
}

/** True when the URL has whitespace or an ASCII control character (the docs: spaces make the call fail). */
function hasWhitespaceOrControl(url: string): boolean {
  for (let index = 0; index < url.length; index += 1) {
    const code = url.charCodeAt(index);
    if (code <= 0x20 || code === 0x7f) return true;
  }
  return /\s/.test(url);
}

function tooLong(length: number): CallProblem {
  return { code: 4, detail: `the URL is ${length} characters long; the limit is ${MAX_URL_CHARS} (2 MiB, as in the webview)` };
}

function stringifyDataValue(value: Json): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `?k=v&k2=v2` appended like a.9 step 2; returns the URL unchanged when there is nothing to add. */
export function appendData(url: string, data: { [key: string]: Json }): string {
  const pairs = Object.entries(data)
    .filter(([key]) => key !== '')
    .map(([key, value]) => `${key}=${stringifyDataValue(value)}`);
  if (pairs.length === 0) return url;
  const query = pairs.join('&');
  const separator = url.indexOf('?') > 0 ? (url.endsWith('&') || url.endsWith('?') ? '' : '&') : '?';
  return url + separator + query;
}

function isPlainObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The URL to connect to, or the code that connectSocket must fail with. */
export function buildSocketUrl(rawUrl: Json | undefined, data: Json | undefined, strictWss: boolean): UrlBuildResult {
  const warnings: EngineWarning[] = [];
  const fail = (problem: CallProblem): UrlBuildResult => ({ ok: false, problem, warnings });
  if (rawUrl === undefined || rawUrl === null) return fail({ code: 3, detail: 'url is missing' });
  if (typeof rawUrl !== 'string') return fail({ code: 3, detail: `url must be a string, got ${Array.isArray(rawUrl) ? 'array' : typeof rawUrl}` });
  if (rawUrl === '') return fail({ code: 3, detail: 'url is empty' });

  let url = rawUrl;
  const hash = url.indexOf('#');
  if (hash >= 0) {
    const fragment = summarizeText(url.slice(hash));
    warnings.push({ id: 'url-fragment', message: `The fragment "${fragment}" was stripped from the URL before connecting.`, detail: { fragment } });
    url = url.slice(0, hash);
  }
  // Encoding only lengthens, so a URL already too long fails before the work of encoding it.
  if (url.length > MAX_URL_CHARS) return fail(tooLong(url.length));

  if (isPlainObject(data)) {
    const appended = appendData(url, data);
    if (appended.length > MAX_URL_CHARS) return fail(tooLong(appended.length));
    const query = appended.slice(url.length);
    const encoded = encodeIllegalUrlCharacters(query);
    if (encoded !== query) {
      warnings.push({ id: 'data-percent-encoded', message: 'Characters of data that are illegal in a URL were percent-encoded; some Alipay clients send them as they are.', detail: { query: summarizeText(query) } });
    }
    url += encoded;
    if (url.length > MAX_URL_CHARS) return fail(tooLong(url.length));
  } else if (data !== undefined && data !== null) {
    warnings.push({ id: 'data-not-object', message: `data is ${Array.isArray(data) ? 'an array' : `a ${typeof data}`}, not an object, and was ignored.` });
  }

  if (hasWhitespaceOrControl(url)) return fail({ code: 4, detail: 'url contains whitespace or control characters' });
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail({ code: 4, detail: `"${summarizeText(url)}" is not a valid absolute URL` });
  }
  const scheme = parsed.protocol.toLowerCase();
  if (scheme !== 'ws:' && scheme !== 'wss:') return fail({ code: 5, detail: `scheme ${scheme} is not ws: or wss:` });
  if (strictWss && scheme === 'ws:') return fail({ code: 'wss-required', detail: 'strict wss is on: ws: URLs are refused' });
  if (parsed.hostname === '') return fail({ code: 4, detail: 'url has no host' });
  if (scheme === 'ws:') warnings.push({ id: 'insecure-ws', message: 'Plain ws:// is refused by release builds of mini programs created since May 2019.' });
  return { ok: true, url, warnings };
}
