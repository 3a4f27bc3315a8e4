// The release-parity verdict of one connection: would it connect from a release build on a phone, item by
// item (scheme, certificate, host, allowlist, port, URL characters, subprotocol, headers), with the reason
// and the fix, and which devtools relaxation is masking a failure. Pure, over the capture entries, so the
// panel computes it for live connections and imported HARs alike (README.md#the-panel, "Release parity").
import type { CaptureEntry } from './capture';
import type { Json } from './json';
import type { EngineSettings } from './settings';
import { findAllowedDomain, parseDomainAllowlist } from './domain-allowlist';
import { hostReach } from './host-reach';

export type ParityStatus = 'pass' | 'warn' | 'fail' | 'skip';

export type ParityItemId = 'scheme' | 'certificate' | 'host' | 'allowlist' | 'port' | 'url' | 'subprotocol' | 'headers';

/** One check: `skip` = does not apply or cannot be told from the capture (the reason says which). */
export interface ParityItem {
  id: ParityItemId;
  label: string;
  status: ParityStatus;
  reason: string;
  /** What to change; absent when nothing needs changing. */
  fix?: string;
}

export interface ParityVerdict {
  connectionId: string;
  /** The final URL the connection used ('' when the capture no longer holds it). */
  url: string;
  /** fail if any item fails, else warn if any warns, else pass (skips do not count). */
  overall: Exclude<ParityStatus, 'skip'>;
  items: ParityItem[];
}

/** The settings the verdict reads: the allowlist, and the relaxations that can mask a failure. */
export type ParitySettings = Pick<EngineSettings, 'strictWss' | 'ignoreCertificateErrors' | 'domainAllowlist'>;

/** What the capture says about one connection, gathered by `gatherParityEvidence`. */
interface Evidence {
  url: string;
  /** The url option exactly as the app passed it (before `data`), when the connect call is held. */
  rawUrl?: string;
  callHeld: boolean;
  /** Ids of the warnings the connect call raised (header-dropped, data-percent-encoded, url-fragment, …). */
  warnings: CaptureEntry[];
  errorCodes: { code: number; cause?: string }[];
  opened: boolean;
  /** Why TLS would have refused the certificate, recorded when "ignore certificate errors" let it through. */
  certificateError?: string;
  requestedProtocols: string[];
  protocolSource?: string;
  chosenProtocol?: string;
}

const LABELS: Record<ParityItemId, string> = {
  scheme: 'Scheme',
  certificate: 'Certificate',
  host: 'Host',
  allowlist: 'Domain allowlist',
  port: 'Port',
  url: 'URL characters',
  subprotocol: 'Subprotocol',
  headers: 'Headers',
};

/**
 * The verdict for `connectionId`. `entries` must hold the connection's entries and, to judge the URL and
 * headers as the app wrote them, the connect call and its warnings (they precede the connection and carry
 * no connection id); entries of other connections are ignored.
 */
export function releaseParity(connectionId: string, entries: Iterable<CaptureEntry>, settings: ParitySettings): ParityVerdict {
  const evidence = gatherParityEvidence(connectionId, entries);
  if (evidence.url === '') {
    const item = makeItem('url', 'skip', 'The capture no longer holds the connecting step of this connection, so its URL is unknown.');
    return { connectionId, url: '', overall: 'pass', items: [item] };
  }
  let parsed: URL;
  try {
    parsed = new URL(evidence.url);
  } catch {
    const item = makeItem('url', 'fail', `"${evidence.url}" is not a valid absolute URL: connectSocket fails with 4.`, 'Use an absolute wss:// URL.');
    return { connectionId, url: evidence.url, overall: 'fail', items: [item] };
  }
  const secure = parsed.protocol === 'wss:';
  const port = parsed.port === '' ? (secure ? 443 : 80) : Number(parsed.port);
  const allowlist = parseDomainAllowlist(settings.domainAllowlist);
  const items: ParityItem[] = [
    schemeItem(secure, settings),
    certificateItem(secure, evidence, settings),
    hostItem(parsed.hostname),
    allowlistItem(parsed, port, allowlist),
    portItem(parsed, port, allowlist),
    urlItem(evidence),
    subprotocolItem(evidence),
    headersItem(evidence),
  ];
  return { connectionId, url: evidence.url, overall: overallOf(items), items };
}

function makeItem(id: ParityItemId, status: ParityStatus, reason: string, fix?: string): ParityItem {
  return fix === undefined ? { id, label: LABELS[id], status, reason } : { id, label: LABELS[id], status, reason, fix };
}

function overallOf(items: ParityItem[]): ParityVerdict['overall'] {
  if (items.some((item) => item.status === 'fail')) return 'fail';
  if (items.some((item) => item.status === 'warn')) return 'warn';
  return 'pass';
}

function schemeItem(secure: boolean, settings: ParitySettings): ParityItem {
  if (secure) return makeItem('scheme', 'pass', 'wss:// (TLS), as release builds require.');
  const masked = settings.strictWss ? '' : ' The devtools let it through because "Strict wss" is off.';
  return makeItem(
    'scheme',
    'fail',
    `Plain ws:// is refused by release builds of mini programs created since May 2019: connectSocket fails with 20 on current clients.${masked}`,
    'Serve the endpoint over TLS and connect with a wss:// URL; turn on "Strict wss" to catch ws:// in the devtools.',
  );
}

function certificateItem(secure: boolean, evidence: Evidence, settings: ParitySettings): ParityItem {
  if (!secure) return makeItem('certificate', 'skip', 'Plain ws:// has no certificate to check (see Scheme).');
  const tlsError = evidence.errorCodes.find((error) => error.code === 7);
  if (tlsError) {
    const cause = tlsError.cause ? ` (${tlsError.cause})` : '';
    return makeItem(
      'certificate',
      'fail',
      `The server's certificate was rejected${cause}: a phone fails the same connection with 7.`,
      'Install a certificate from a public CA for this host name, with the full chain, and keep it within its validity dates.',
    );
  }
  if (!evidence.opened) return makeItem('certificate', 'skip', 'The connection never opened for another reason, so the certificate was not checked.');
  if (evidence.certificateError) {
    return makeItem(
      'certificate',
      'fail',
      `The server's certificate is not valid (${evidence.certificateError}): "Ignore certificate errors" let the devtools connect, but a phone fails the same connection with 7.`,
      'Install a certificate from a public CA for this host name, with the full chain, and keep it within its validity dates.',
    );
  }
  if (settings.ignoreCertificateErrors) {
    return makeItem(
      'certificate',
      'warn',
      '"Ignore certificate errors" is on, so the certificate was not verified; a phone always verifies it, and an invalid one fails with 7 there.',
      'Turn off "Ignore certificate errors" in Session settings and reconnect to check the certificate.',
    );
  }
  return makeItem('certificate', 'pass', "Verified against Node's CA list. Phones use their own trust store: a private or corporate CA trusted here may still fail with 7.");
}

function hostItem(hostname: string): ParityItem {
  switch (hostReach(hostname)) {
    case 'loopback':
      return makeItem('host', 'fail', `${hostname} is a loopback address: on a phone it is the phone itself, not this machine.`, 'Deploy the server under a public domain name (for a device on the same Wi-Fi while developing, use a tunnel with a public wss:// domain).');
    case 'lan':
      return makeItem('host', 'fail', `${hostname} is only reachable inside a local network: a phone on mobile data cannot reach it, and release builds need a registered domain name.`, 'Deploy the server under a public domain name.');
    case 'public-ip':
      return makeItem('host', 'fail', `${hostname} is an IP address: the server domain allowlist takes domain names, and certificates rarely name IP addresses.`, 'Give the server a domain name and connect to that.');
    case 'domain':
      return makeItem('host', 'pass', `${hostname} is a domain name.`);
  }
}

function allowlistItem(parsed: URL, port: number, allowlist: ReturnType<typeof parseDomainAllowlist>): ParityItem {
  const { hostname } = parsed;
  if (allowlist.length === 0) {
    return makeItem('allowlist', 'warn', `No domain allowlist is configured, so whether ${hostname} is on it cannot be told.`, 'Enter the socket domains of your mini program (from its console) under Session settings → Domain allowlist.');
  }
  if (findAllowedDomain(allowlist, hostname, port)) return makeItem('allowlist', 'pass', `${hostname} is on the configured allowlist.`);
  const sameHost = allowlist.find((entry) => entry.host === hostname.toLowerCase());
  const why = sameHost ? `${hostname} is listed only for port ${sameHost.port}, not ${port}` : `${hostname} is not on the configured allowlist`;
  return makeItem('allowlist', 'fail', `${why}: release builds refuse connections to hosts outside it.`, `Add ${hostname}${parsed.port ? `:${port}` : ''} to the socket domains in the mini program console (and here), or connect to a listed host.`);
}

function portItem(parsed: URL, port: number, allowlist: ReturnType<typeof parseDomainAllowlist>): ParityItem {
  if (parsed.port === '') return makeItem('port', 'pass', `The default port (${port}).`);
  const listed = allowlist.find((entry) => entry.port === port && entry.host === parsed.hostname.toLowerCase());
  if (listed) return makeItem('port', 'pass', `Port ${port} is named in the allowlist entry ${listed.host}:${port}.`);
  return makeItem(
    'port',
    'warn',
    `Port ${port} is not the default: the allowlist entry must name it, and some carrier and corporate networks block ports other than 443.`,
    'Serve wss:// on 443, or list the host with this port in the socket domains.',
  );
}

function urlItem(evidence: Evidence): ParityItem {
  const written = [evidence.rawUrl, evidence.url].filter((text): text is string => text !== undefined);
  const offending = written.flatMap((text) => [...text].filter((char) => char === ' ' || char.charCodeAt(0) > 0x7e));
  if (offending.length > 0) {
    const shown = [...new Set(offending)].slice(0, 8).map((char) => (char === ' ' ? 'space' : char)).join(' ');
    return makeItem(
      'url',
      'fail',
      `The URL contains spaces or non-ASCII characters (${shown}): some devices fail the handshake ("check url failed", 1004 "Invalid HTTP status").`,
      'Percent-encode every query value (encodeURIComponent) before building the URL.',
    );
  }
  const notes = evidence.warnings.filter((warning) => warning.name === 'data-percent-encoded' || warning.name === 'url-fragment');
  if (notes.length > 0) {
    return makeItem(
      'url',
      'warn',
      `${notes.map((note) => note.errorMessage ?? note.name).join(' ')} The device may build a different URL than the devtools did.`,
      'Encode `data` values yourself (encodeURIComponent) and leave fragments out of socket URLs.',
    );
  }
  return makeItem('url', 'pass', evidence.rawUrl === undefined ? 'The final URL is plain ASCII without spaces.' : 'Plain ASCII without spaces, as written by the app.');
}

function subprotocolItem(evidence: Evidence): ParityItem {
  const negotiation = evidence.errorCodes.find((error) => error.code === 9);
  if (negotiation) {
    const cause = negotiation.cause ? ` (${negotiation.cause})` : '';
    return makeItem('subprotocol', 'fail', `Subprotocol negotiation failed${cause}: a phone fails with 9 as well.`, 'Make the server choose one of the requested subprotocols, or none when none is requested.');
  }
  if (evidence.requestedProtocols.length === 0) return makeItem('subprotocol', 'pass', 'No subprotocol requested.');
  if (!evidence.opened) return makeItem('subprotocol', 'skip', 'The connection never opened, so no subprotocol was negotiated.');
  const chosen = evidence.chosenProtocol ? `"${evidence.chosenProtocol}"` : 'none';
  if (evidence.protocolSource === 'protocols') {
    return makeItem(
      'subprotocol',
      'warn',
      `Requested ${evidence.requestedProtocols.join(', ')} through \`protocols\` (server chose ${chosen}); older Alipay clients dropped \`protocols\`, and the server then sees no subprotocol.`,
      'Also send the list as a Sec-WebSocket-Protocol entry of `header` (the mqtt.js workaround), or make the server accept a connection without one.',
    );
  }
  return makeItem('subprotocol', 'pass', `Requested ${evidence.requestedProtocols.join(', ')}; the server chose ${chosen}.`);
}

function headersItem(evidence: Evidence): ParityItem {
  const dropped = evidence.warnings.filter((warning) => warning.name === 'header-dropped');
  if (dropped.length > 0) {
    const names = dropped.map((warning) => String(warning.detail?.header ?? '?')).join(', ');
    return makeItem(
      'headers',
      'warn',
      `Not sent: ${names}. Phones drop or replace these as well, so a server that relies on them refuses the phone too.`,
      'Pass what the server needs in the query string or in a header of your own (X-…).',
    );
  }
  if (!evidence.callHeld) return makeItem('headers', 'skip', 'The connect call is not in the capture (imported from another tool, or evicted), so dropped headers cannot be told.');
  return makeItem('headers', 'pass', 'Every header the app set was sent.');
}

const isStringList = (value: Json | undefined): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

/** Collects what the verdict reads about `connectionId` from `entries` (see releaseParity). */
function gatherParityEvidence(connectionId: string, entries: Iterable<CaptureEntry>): Evidence {
  const all = [...entries];
  const own = all.filter((entry) => entry.connectionId === connectionId);
  const lifecycle = (name: string) => own.find((entry) => entry.kind === 'lifecycle' && entry.name === name);
  const connecting = lifecycle('connecting');
  const open = lifecycle('open');
  const detailText = (entry: CaptureEntry | undefined, key: string) => (typeof entry?.detail?.[key] === 'string' ? (entry.detail[key] as string) : undefined);
  const evidence: Evidence = {
    url: detailText(connecting, 'url') ?? detailText(open, 'url') ?? '',
    callHeld: false,
    warnings: [],
    errorCodes: own.filter((entry) => entry.kind === 'error' && entry.errorCode !== undefined).map((entry) => ({ code: entry.errorCode as number, ...(entry.cause ? { cause: entry.cause } : {}) })),
    opened: open !== undefined,
    requestedProtocols: isStringList(connecting?.detail?.requestedProtocols) ? connecting.detail.requestedProtocols : [],
  };
  const protocolSource = detailText(connecting, 'protocolSource');
  if (protocolSource !== undefined) evidence.protocolSource = protocolSource;
  const certificateError = detailText(open, 'certificateError');
  if (certificateError !== undefined) evidence.certificateError = certificateError;
  const chosen = detailText(open, 'protocol');
  if (chosen !== undefined) evidence.chosenProtocol = chosen;

  const result = own.find((entry) => entry.kind === 'result' && entry.name === 'connectSocket');
  const callId = result?.detail?.callId;
  if (!result || typeof callId !== 'number' || !connecting) return evidence;
  const call = all.filter((entry) => entry.kind === 'call' && entry.name === 'connectSocket' && entry.clientId === result.clientId && entry.detail?.callId === callId && entry.seq < connecting.seq).at(-1);
  if (!call) return evidence;
  evidence.callHeld = true;
  const options = call.detail?.options;
  if (options && typeof options === 'object' && !Array.isArray(options) && typeof options.url === 'string') evidence.rawUrl = options.url;
  evidence.warnings = all.filter(
    (entry) => entry.kind === 'warning' && entry.clientId === call.clientId && entry.seq > call.seq && entry.seq < connecting.seq && (entry.connectionId === '' || entry.connectionId === connectionId),
  );
  return evidence;
}
