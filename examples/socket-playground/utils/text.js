// Text ↔ base64 of its UTF-8 bytes, which is how my sends and receives binary messages.
export function utf8ToBase64(text) {
  return my.arrayBufferToBase64(new TextEncoder().encode(text).buffer);
}

/** The UTF-8 text of base64 data (or an ArrayBuffer), or undefined when it is not valid UTF-8. */
export function bytesToUtf8(data) {
  const buffer = typeof data === 'string' ? my.base64ToArrayBuffer(data) : data;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return undefined;
  }
}

/** The base64 of received binary data (a base64 string already, or an ArrayBuffer). */
export function toBase64(data) {
  return typeof data === 'string' ? data : my.arrayBufferToBase64(data);
}
