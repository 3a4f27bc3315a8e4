// Route URLs of the navigation APIs (docs/miniprogram-runtime.md#references §8.2): `/pages/a/a?x=1` is absolute from the project
// root, `../b/b` and `index2` are relative to the current page's route; the query is parsed into strings.

export interface RouteTarget {
  /** The page path as in app.json: no leading `/`, no extension (`pages/a/a`). */
  route: string;
  query: Record<string, string>;
}

/** Resolves `url` against `currentRoute` (the top page's route; '' when there is none). */
export function resolveRouteUrl(url: string, currentRoute: string): RouteTarget {
  const mark = url.indexOf('?');
  const pathText = mark === -1 ? url : url.slice(0, mark);
  const queryText = mark === -1 ? '' : url.slice(mark + 1);
  const base = pathText.startsWith('/') ? [] : currentRoute.split('/').slice(0, -1);
  return { route: joinPath(base, pathText), query: parseQuery(queryText) };
}

/**
 * `a=1&b=%E4%B8%AD` → `{ a: '1', b: '中' }`. Keys and values are URI-decoded (a malformed escape is kept
 * as written); a repeated key keeps the last value; a key without `=` is `''`.
 */
export function parseQuery(text: string): Record<string, string> {
  const query: Record<string, string> = {};
  for (const part of text.split('&')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    const key = decode(equals === -1 ? part : part.slice(0, equals));
    query[key] = equals === -1 ? '' : decode(part.slice(equals + 1));
  }
  return query;
}

/** Joins relative path text onto base segments, applying `.` and `..` (never above the root). */
export function joinPath(base: readonly string[], relative: string): string {
  const segments = [...base];
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') segments.pop();
    else segments.push(part);
  }
  return segments.join('/');
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
