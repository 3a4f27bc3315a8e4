import { describe, expect, it } from 'vitest';
import { decodePathComponent, parseRequestTarget } from './request-target';

describe('parseRequestTarget', () => {
  it('parses origin-form targets with their query', () => {
    const url = parseRequestTarget('/my?token=abc', 'http://127.0.0.1:9');
    expect(url?.pathname).toBe('/my');
    expect(url?.searchParams.get('token')).toBe('abc');
  });

  it.each(['//[', '//evil.example/x', 'http://127.0.0.1/x', '*', '', 'my', undefined])('refuses %j', (target) => {
    expect(parseRequestTarget(target)).toBeUndefined();
  });

  it('keeps a path that only looks odd inside the path', () => {
    expect(parseRequestTarget('/a//[')?.pathname).toBe('/a//[');
  });
});

describe('decodePathComponent', () => {
  it('decodes valid escapes and answers undefined for malformed ones', () => {
    expect(decodePathComponent('a%20b')).toBe('a b');
    expect(decodePathComponent('%ZZ')).toBeUndefined();
    expect(decodePathComponent('%E0%A4%A')).toBeUndefined();
  });
});
