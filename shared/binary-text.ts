// A binary payload (base64 on the wire and in sessions, shared/capture.ts) as bytes and as UTF-8 text: one
// rule for the panel (filter, Find, inspector) and the engine's whole-session filter, so both search the
// same text (docs/architecture.md#whole-session-filter).
import { base64ToArrayBuffer } from './my/base64-to-array-buffer';

/** Decodes base64 (standard or URL-safe, padding optional); null when it is not base64. */
export function base64ToBytes(base64: string): Uint8Array | null {
  const clean = base64.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return null;
  const unpadded = clean.replace(/=+$/, '');
  if (unpadded.length % 4 === 1) return null;
  const buffer = base64ToArrayBuffer(unpadded.padEnd(Math.ceil(unpadded.length / 4) * 4, '='));
  return buffer ? new Uint8Array(buffer) : null;
}

/** One decoder for every call (decode without `stream` keeps no state): Find decodes many frames in a row. */
const utf8Decoder = new TextDecoder('utf-8', { fatal: false });

/** UTF-8 text of the bytes; invalid sequences become U+FFFD (and a leading BOM is dropped, TextDecoder's rule). */
export function bytesToUtf8(bytes: Uint8Array): string {
  return utf8Decoder.decode(bytes);
}

/** A binary payload's bytes as UTF-8 text (the text filter searches both), or null when it is not base64. */
export function binaryPayloadText(payload: string): string | null {
  const bytes = base64ToBytes(payload);
  return bytes ? bytesToUtf8(bytes) : null;
}
