import { describe, expect, it } from 'vitest';
import { escapeAttribute, injectIntoHead, jsonForScript, removeMetaCsp } from './inject-html';

const SNIPPET = '<script src="/shim.js"></script>';

describe('injectIntoHead', () => {
  it('puts the snippet first in an existing head, before the page scripts', () => {
    const html = '<!doctype html><html><head lang="x"><script src="app.js"></script></head><body></body></html>';
    const out = injectIntoHead(html, SNIPPET);
    expect(out).toBe('<!doctype html><html><head lang="x"><script src="/shim.js"></script><script src="app.js"></script></head><body></body></html>');
  });

  it('creates a head after <html>, or after the doctype, or at the start', () => {
    expect(injectIntoHead('<html><body><script>1</script></body></html>', SNIPPET)).toBe(`<html><head>${SNIPPET}</head><body><script>1</script></body></html>`);
    expect(injectIntoHead('<!DOCTYPE html><script>1</script>', SNIPPET)).toBe(`<!DOCTYPE html><head>${SNIPPET}</head><script>1</script>`);
    expect(injectIntoHead('<script>1</script>', SNIPPET)).toBe(`<head>${SNIPPET}</head><script>1</script>`);
  });

  it('does not mistake <header> for <head>', () => {
    const out = injectIntoHead('<html><body><header>x</header></body></html>', SNIPPET);
    expect(out.indexOf(SNIPPET)).toBeLessThan(out.indexOf('<header>'));
    expect(out).toContain(`<html><head>${SNIPPET}</head>`);
  });
});

describe('escaping', () => {
  it('removes meta CSP tags, in any spelling', () => {
    const html = `<head><meta http-equiv="Content-Security-Policy" content="script-src 'self'"><META HTTP-EQUIV=content-security-policy content="x"><meta charset="utf-8"></head>`;
    expect(removeMetaCsp(html)).toBe('<head><meta charset="utf-8"></head>');
  });

  it('keeps JSON inside a script from closing it', () => {
    const text = jsonForScript({ evil: '</script><script>alert(1)</script>', line: '\u2028' });
    expect(text).not.toContain('</script>');
    expect(text).not.toContain('\u2028');
    expect(JSON.parse(text)).toEqual({ evil: '</script><script>alert(1)</script>', line: '\u2028' });
  });

  it('escapes attribute values', () => {
    expect(escapeAttribute('a"b<c>&d')).toBe('a&quot;b&lt;c&gt;&amp;d');
  });
});
