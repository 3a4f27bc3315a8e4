// Chromium gives our privileged standard schemes (app://, miniapp://) a real origin, but Node's WHATWG URL
// answers "null" for every non-special scheme. Guards compare origins computed here, the Chromium way.

/** `scheme://host[:port]` of a URL, or null when it has none (data:, about:, file:, garbage). */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.origin !== 'null') return parsed.origin;
  if (parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host.toLowerCase()}`;
}

/** Whether `url` belongs to exactly `origin` (an origin from originOf). */
export function hasOrigin(url: string, origin: string): boolean {
  return originOf(url) === origin;
}
