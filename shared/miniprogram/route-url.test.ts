import { describe, expect, it } from 'vitest';
import { parseQuery, resolveRouteUrl } from './route-url';

describe('parseQuery (§8.2)', () => {
  it('decodes keys and values; the last of a repeated key wins; a bare key is ""', () => {
    expect(parseQuery('a=1&b=%E4%B8%AD&a=2&flag&=x&&')).toEqual({ a: '2', b: '中', flag: '', '': 'x' });
  });

  it('keeps a malformed escape as written', () => {
    expect(parseQuery('bad=%E4%&ok=%20')).toEqual({ bad: '%E4%', ok: ' ' });
  });
});

describe('resolveRouteUrl (§8.2)', () => {
  it.each([
    ['/pages/b/b?x=1', 'pages/a/a', 'pages/b/b', { x: '1' }],
    ['../b/b', 'pages/a/a', 'pages/b/b', {}],
    ['index2', 'pages/a/a', 'pages/a/index2', {}],
    ['./c?y=2&z', 'pages/a/a', 'pages/a/c', { y: '2', z: '' }],
    ['../../../x/x', 'pages/a/a', 'x/x', {}],
    ['pages/a/a', '', 'pages/a/a', {}],
  ])('%s from %s', (url, current, route, query) => {
    expect(resolveRouteUrl(url, current)).toMatchObject({ route, query });
  });
});
