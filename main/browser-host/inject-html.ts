// Puts host-made elements at the very start of a page's <head>, so they run before any of the page's
// own scripts, whatever the page's markup looks like (no <head>, no <html>, a doctype, comments).

/** `html` with `snippet` inserted as the first content of its <head> (a <head> is created if missing). */
export function injectIntoHead(html: string, snippet: string): string {
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return splice(html, head.index + head[0].length, snippet);
  const htmlTag = /<html(\s[^>]*)?>/i.exec(html);
  if (htmlTag) return splice(html, htmlTag.index + htmlTag[0].length, `<head>${snippet}</head>`);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  const at = doctype ? doctype[0].length : 0;
  return splice(html, at, `<head>${snippet}</head>`);
}

/** Removes `<meta http-equiv="Content-Security-Policy">` tags; the host sends the policy as a header instead. */
export function removeMetaCsp(html: string): string {
  return html.replace(/<meta\s[^>]*http-equiv\s*=\s*["']?content-security-policy["']?[^>]*>/gi, '');
}

/** Text safe inside an HTML attribute value in double quotes. */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** JSON safe inside an inline <script> (no `</script>`, no HTML comment openers, no line separators). */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function splice(text: string, at: number, insert: string): string {
  return text.slice(0, at) + insert + text.slice(at);
}
