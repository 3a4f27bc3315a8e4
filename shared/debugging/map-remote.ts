// Map remote (docs/debugging.md#map-remote): rules `from → to` that rewrite the URL a connect dials. One
// function decides the URL for sockets and, later, for `my.request`.
import * as z from 'zod';

export const mapRemoteRuleSchema = z.object({
  id: z.string().min(1).max(64),
  enabled: z.boolean(),
  /** scheme://host[:port][/path prefix]; matches that scheme, host, port (the scheme's default if absent) and path prefix. */
  from: z.string().min(1).max(2000),
  /** Where a match goes: the matched prefix is replaced, the rest of the path and the query are kept. */
  to: z.string().min(1).max(2000),
});
export type MapRemoteRule = z.infer<typeof mapRemoteRuleSchema>;

const DEFAULT_PORTS: Record<string, string> = { 'ws:': '80', 'wss:': '443', 'http:': '80', 'https:': '443' };

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

function portOf(url: URL): string {
  return url.port || (DEFAULT_PORTS[url.protocol] ?? '');
}

/** The reason a rule cannot work, or undefined when both ends are absolute URLs. */
export function mapRemoteRuleProblem(rule: Pick<MapRemoteRule, 'from' | 'to'>): string | undefined {
  if (!parse(rule.from)) return `"${rule.from}" is not an absolute URL`;
  if (!parse(rule.to)) return `"${rule.to}" is not an absolute URL`;
  return undefined;
}

/** A path prefix matches on a segment boundary: /chat matches /chat and /chat/room, never /chatter. */
function pathMatches(prefix: string, path: string): boolean {
  const bare = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  return bare === '' || path === bare || path.startsWith(`${bare}/`) || path.startsWith(`${bare}?`);
}

/** The URL to dial for `url` under the first enabled rule that matches, with that rule; `url` itself otherwise. */
export function mapRemoteUrl(url: string, rules: readonly MapRemoteRule[]): { url: string; rule?: MapRemoteRule } {
  const asked = parse(url);
  if (!asked) return { url };
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const from = parse(rule.from);
    const to = parse(rule.to);
    if (!from || !to) continue;
    if (from.protocol !== asked.protocol || from.hostname !== asked.hostname || portOf(from) !== portOf(asked)) continue;
    if (!pathMatches(from.pathname, asked.pathname)) continue;
    const fromPath = from.pathname.endsWith('/') ? from.pathname.slice(0, -1) : from.pathname;
    const toPath = to.pathname.endsWith('/') ? to.pathname.slice(0, -1) : to.pathname;
    const rest = asked.pathname.slice(fromPath.length);
    const mapped = new URL(to.href);
    mapped.pathname = `${toPath}${rest}` || '/';
    for (const [name, value] of asked.searchParams) mapped.searchParams.append(name, value);
    mapped.hash = '';
    return { url: mapped.href, rule };
  }
  return { url };
}

/** Reads `--map-remote <from>=<to>`: the `=` that splits is the first one followed by a scheme. */
export function parseMapRemoteArg(text: string, id: string): MapRemoteRule | string {
  const split = /=(?=[a-z][a-z0-9+.-]*:\/\/)/i.exec(text);
  if (!split) return `--map-remote needs <from>=<to> with two absolute URLs, not "${text}"`;
  const rule = { id, enabled: true, from: text.slice(0, split.index), to: text.slice(split.index + 1) };
  const problem = mapRemoteRuleProblem(rule);
  return problem ? `--map-remote: ${problem}` : rule;
}
