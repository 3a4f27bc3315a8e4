// The server domain allowlist as the user types it in the settings (copied from the mini program console):
// host names separated by commas, spaces or new lines, with or without a scheme, a port or a path.

/** One allowed host, optionally bound to one port. */
export interface AllowedDomain {
  host: string;
  /** Only this port is allowed when set (the console accepts "example.com:8443"). */
  port?: number;
}

/** The entries of the allowlist text; what cannot be an entry (a lone scheme, an empty piece) is left out. */
export function parseDomainAllowlist(text: string): AllowedDomain[] {
  const entries: AllowedDomain[] = [];
  for (const piece of text.split(/[\s,;]+/)) {
    const withoutScheme = piece.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
    const authority = (withoutScheme.split(/[/?#]/, 1)[0] ?? '').toLowerCase().replace(/\.$/, '');
    const match = /^(\[[0-9a-f:.]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(authority);
    if (!match?.[1]) continue;
    const port = match[2] === undefined ? undefined : Number(match[2]);
    entries.push(port === undefined ? { host: match[1] } : { host: match[1], port });
  }
  return entries;
}

/** The entry that allows `host` on `port` (exact host names: the console takes no wildcards), if any. */
export function findAllowedDomain(allowlist: readonly AllowedDomain[], host: string, port: number): AllowedDomain | undefined {
  const wanted = host.toLowerCase().replace(/\.$/, '');
  return allowlist.find((entry) => entry.host === wanted && (entry.port === undefined || entry.port === port));
}
