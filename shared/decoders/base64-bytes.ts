// A binary frame's base64 payload as bytes, by the platform's native decoder: `Uint8Array.fromBase64` where it exists
// (Chromium), else `Buffer` (Node's; pages get the `buffer` package's, see buffer-global.ts). An `atob` loop cost
// 2.6 µs of the ~12 µs an 83-byte MQTT frame took to decode (docs/architecture.md#decoding-cost).
import './buffer-global';

const nativeFromBase64 = (Uint8Array as { fromBase64?: (text: string) => Uint8Array }).fromBase64;

/** The bytes of standard padded base64 (a plain Uint8Array view), or undefined when the text is not that. */
export function base64Bytes(text: string): Uint8Array | undefined {
  if (nativeFromBase64) {
    try {
      return nativeFromBase64(text);
    } catch {
      return undefined;
    }
  }
  // Buffer skips characters it does not know (and stops at a `=`) instead of failing. Each skipped character
  // costs the output a byte, so a length short of what the text's length promises is how bad input shows.
  if (text.length % 4 !== 0) return undefined;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const buffer = Buffer.from(text, 'base64');
  if (buffer.byteLength !== (text.length / 4) * 3 - padding) return undefined;
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

type SetFromBase64 = (this: Uint8Array, text: string) => { read: number; written: number };
const nativeSetFromBase64 = (Uint8Array.prototype as { setFromBase64?: SetFromBase64 }).setFromBase64;
/** The reused buffer grows to the largest payload read up to this; bigger ones get arrays of their own. */
const SCRATCH_LIMIT = 1024 * 1024;
let scratch = new Uint8Array(256);

/**
 * The bytes of a base64 payload for a read that ends before the next call: where the platform can decode into an
 * existing array (`setFromBase64`, Chromium) one buffer is reused, so a pass over a flood allocates nothing per
 * frame (docs/architecture.md#decoding-cost); elsewhere a fresh array. `length` bytes are valid, from index 0.
 */
export function transientBase64Bytes(text: string): { bytes: Uint8Array; length: number } | undefined {
  const needed = Math.ceil(text.length / 4) * 3;
  if (!nativeSetFromBase64 || needed > SCRATCH_LIMIT) {
    const bytes = base64Bytes(text);
    return bytes && { bytes, length: bytes.length };
  }
  if (scratch.length < needed) scratch = new Uint8Array(Math.min(SCRATCH_LIMIT, Math.max(needed, scratch.length * 2)));
  try {
    return { bytes: scratch, length: nativeSetFromBase64.call(scratch, text).written };
  } catch {
    return undefined;
  }
}

/** The bytes of a base64 payload as a view of exactly its length, valid until the next call (see transientBase64Bytes). */
export function transientBase64View(text: string): Uint8Array | undefined {
  const raw = transientBase64Bytes(text);
  if (raw === undefined) return undefined;
  return raw.length === raw.bytes.length ? raw.bytes : raw.bytes.subarray(0, raw.length);
}
